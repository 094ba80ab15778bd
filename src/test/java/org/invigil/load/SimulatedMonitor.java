package org.invigil.load;

import static org.invigil.journey.boundary.ProctoringApiIT.event;
import static org.invigil.journey.boundary.ProctoringApiIT.events;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.invigil.load.Cohort.MonitoredStudent;

/**
 * One student's monitor under load, sending what the browser client's monitor sends: a picture every frame
 * interval (3 s) with ±{@value #JITTER_PERCENT} % jitter, a heartbeat every 15 s, and now and then (one picture in
 * {@value #FOCUS_EVERY}) the quiz tab losing and regaining focus; frames and events numbered from one sequence.
 * Like the browser it has one request out at a time: an item due while the last is unanswered waits for it. Latency
 * is counted from when the item was due, not from when it could be sent, so that a server falling behind is not
 * hidden by the waiting (no coordinated omission).
 */
final class SimulatedMonitor {

    static final int JITTER_PERCENT = 10;
    static final int FOCUS_EVERY = 20;
    /** How many pictures in a row show the second person. */
    static final int TWO_FACE_FRAMES = 3;
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(30);

    /** What an item is: a JPEG frame, or a JSON batch of events. */
    enum Kind { FRAME, HEARTBEAT, FOCUS_LOST_AND_REGAINED }

    /** An item the monitor sends {@code offsetNanos} after the phase starts. */
    record Upload(long offsetNanos, Kind kind, byte[] jpeg, long sequence, int twoFaceIndex) {

        boolean frame() {
            return kind == Kind.FRAME;
        }

        /** {@code frame}, {@code frame-two-faces}, {@code heartbeat} or {@code focus}. */
        String describe() {
            return switch (kind) {
                case FRAME -> twoFaceIndex >= 0 ? "frame-two-faces" : "frame";
                case HEARTBEAT -> "heartbeat";
                case FOCUS_LOST_AND_REGAINED -> "focus";
            };
        }
    }

    private final MonitoredStudent student;
    private final HttpClient client;
    private final URI frames;
    private final URI events;
    private final UploadTally tally;
    private final IncidentWatch watch;
    private final Deque<Upload> waiting = new ArrayDeque<>();
    private boolean sending;
    private long startNanos;
    private Instant startAt;

    SimulatedMonitor(MonitoredStudent student, HttpClient client, URI base, UploadTally tally, IncidentWatch watch) {
        this.student = student;
        this.client = client;
        this.frames = URI.create(base + "/api/proctoring/sessions/" + student.sessionId() + "/frames");
        this.events = URI.create(base + "/api/proctoring/sessions/" + student.sessionId() + "/events");
        this.tally = tally;
        this.watch = watch;
    }

    /**
     * What this monitor sends during a phase of {@code length}, in order and numbered, as offsets from its start; a
     * second person sits beside the student from {@code secondFaceAfter} on for {@value #TWO_FACE_FRAMES} pictures
     * when this student is scripted to have one.
     */
    List<Upload> plan(Duration length, Random random, WebcamFrames pictures, Duration secondFaceAfter) {
        record Due(long offsetNanos, Kind kind, int twoFaceIndex) {
        }
        long lengthNanos = length.toNanos();
        long interval = Duration.ofSeconds(student.frameIntervalSeconds()).toNanos();
        List<Due> due = new ArrayList<>();
        int twoFaces = -1;
        for (long at = (long) (random.nextDouble() * interval); at < lengthNanos;
             at += (long) (interval * (1 + (random.nextDouble() * 2 - 1) * JITTER_PERCENT / 100.0))) {
            if (watch != null && twoFaces < 0 && at >= secondFaceAfter.toNanos()) {
                twoFaces = 0;
            }
            boolean second = twoFaces >= 0 && twoFaces < TWO_FACE_FRAMES;
            due.add(new Due(at, Kind.FRAME, second ? twoFaces : -1));
            twoFaces += twoFaces >= 0 ? 1 : 0;
            if (random.nextInt(FOCUS_EVERY) == 0) {
                due.add(new Due(at + 1, Kind.FOCUS_LOST_AND_REGAINED, -1));
            }
        }
        long heartbeat = Duration.ofSeconds(student.heartbeatSeconds()).toNanos();
        for (long at = (long) (random.nextDouble() * heartbeat); at < lengthNanos; at += heartbeat) {
            due.add(new Due(at, Kind.HEARTBEAT, -1));
        }
        due.sort(Comparator.comparingLong(Due::offsetNanos));
        List<Upload> uploads = new ArrayList<>();
        long sequence = student.firstSequence();
        int picture = random.nextInt(1000);
        for (Due item : due) {
            byte[] jpeg = item.kind() != Kind.FRAME ? null
                    : item.twoFaceIndex() >= 0 ? pictures.twoPeople(picture++) : pictures.alone(picture++);
            uploads.add(new Upload(item.offsetNanos(), item.kind(), jpeg, sequence, item.twoFaceIndex()));
            sequence += item.kind() == Kind.FOCUS_LOST_AND_REGAINED ? 2 : 1;
        }
        return uploads;
    }

    /** The phase starts at {@code nanos} ({@link System#nanoTime()}), which is {@code at} on the wall clock. */
    synchronized void startsAt(long nanos, Instant at) {
        startNanos = nanos;
        startAt = at;
    }

    /** When the item is due, in {@link System#nanoTime()}. */
    synchronized long dueNanos(Upload upload) {
        return startNanos + upload.offsetNanos();
    }

    /** The item's time has come (called by the load generator's timer): sent now, or after the one out. */
    void due(Upload upload) {
        tally.timerLag.add((System.nanoTime() - dueNanos(upload)) / 1e6);
        synchronized (this) {
            if (sending) {
                waiting.add(upload);
                return;
            }
            sending = true;
        }
        send(upload);
    }

    synchronized boolean idle() {
        return !sending && waiting.isEmpty();
    }

    /** Items not yet answered: the one out and those waiting for it. */
    synchronized int unanswered() {
        return waiting.size() + (sending ? 1 : 0);
    }

    private void send(Upload upload) {
        Instant at;
        long due;
        synchronized (this) {
            at = startAt.plusNanos(upload.offsetNanos());
            due = startNanos + upload.offsetNanos();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(upload.frame() ? frames : events)
                .timeout(REQUEST_LIMIT).header("Authorization", "Bearer " + student.token());
        if (upload.frame()) {
            request.header("Content-Type", "image/jpeg")
                    .header("Invigil-Sequence", Long.toString(upload.sequence()))
                    .header("Invigil-Captured-At", at.toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(upload.jpeg()));
        } else {
            long sequence = upload.sequence();
            JsonObject batch = upload.kind() == Kind.HEARTBEAT ? events(event(sequence, "heartbeat", at))
                    : events(event(sequence, "focus-lost", at.minusSeconds(2)),
                    event(sequence + 1, "focus-regained", at));
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch.toString()));
        }
        long sent = System.nanoTime();
        if (upload.twoFaceIndex() == 0) {
            watch.firstSent(sent);
        } else if (upload.twoFaceIndex() == 1) {
            watch.secondSent(sent);
        }
        tally.sending();
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> {
            double millis = (System.nanoTime() - due) / 1e6;
            tally.answered(upload.describe(), upload.offsetNanos() / 1e9, upload.frame(), millis,
                    upload.frame() ? 202 : 200,
                    answer == null ? -1 : answer.statusCode(), answer == null ? null : answer.body(), failure);
            Upload next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    sending = false;
                }
            }
            if (next != null) {
                send(next);
            }
        });
    }
}
