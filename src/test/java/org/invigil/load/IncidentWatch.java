package org.invigil.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instructor watching one attempt for a second person: from the moment the student's monitor sent the first
 * picture with a second face in it, the review API ({@code GET /api/review/sessions/{id}}, the instructor's launch
 * token) is asked every {@value #EVERY_MS} ms until the attempt shows a {@code several-faces} incident, or
 * {@link #PATIENCE} has passed (missed). The rule needs two such pictures in a row, so the time from the first
 * includes one frame interval; the time from the second is the server's share plus the polling.
 */
final class IncidentWatch {

    static final long EVERY_MS = 250;
    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration ASK_LIMIT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final HttpRequest ask;
    private final ScheduledExecutorService timer;
    private final AtomicInteger askErrors;
    private long firstSent = -1;
    private long secondSent = -1;
    private long seen = -1;
    private boolean missed;
    private boolean asking;
    private ScheduledFuture<?> polling;

    IncidentWatch(HttpClient client, URI session, String staff, ScheduledExecutorService timer,
                  AtomicInteger askErrors) {
        this.client = client;
        this.ask = HttpRequest.newBuilder(session).header("Authorization", "Bearer " + staff)
                .timeout(ASK_LIMIT).GET().build();
        this.timer = timer;
        this.askErrors = askErrors;
    }

    /** The monitor sent the first picture with two faces: the instructor starts asking. */
    synchronized void firstSent(long nanos) {
        firstSent = nanos;
        polling = timer.scheduleAtFixedRate(this::askOnce, 0, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    synchronized void secondSent(long nanos) {
        secondSent = nanos;
    }

    private void askOnce() {
        synchronized (this) {
            if (asking || isDone()) {
                return;
            }
            if (System.nanoTime() - firstSent > PATIENCE.toNanos()) {
                missed = true;
                polling.cancel(false);
                return;
            }
            asking = true;
        }
        client.sendAsync(ask, HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> {
            long now = System.nanoTime();
            boolean shows = false;
            if (failure != null || answer.statusCode() != 200) {
                askErrors.incrementAndGet();
            } else {
                shows = showsSeveralFaces(answer.body());
            }
            synchronized (this) {
                asking = false;
                if (shows && seen < 0) {
                    seen = now;
                    polling.cancel(false);
                }
            }
        });
    }

    private static boolean showsSeveralFaces(String body) {
        JsonObject attempt = Json.createReader(new StringReader(body)).readObject();
        return attempt.getJsonArray("incidents").getValuesAs(JsonObject.class).stream()
                .anyMatch(incident -> incident.getString("rule").equals("several-faces"));
    }

    /** Started and either seen or given up; a watch whose pictures were never sent is done too. */
    synchronized boolean isDone() {
        return firstSent < 0 || seen >= 0 || missed;
    }

    synchronized boolean started() {
        return firstSent >= 0;
    }

    synchronized boolean missed() {
        return missed || firstSent >= 0 && seen < 0;
    }

    /** From the first two-face picture's upload to the incident in the instructor's answer; PATIENCE if missed. */
    synchronized OptionalDouble fromFirstMillis() {
        if (firstSent < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(seen < 0 ? PATIENCE.toMillis() : (seen - firstSent) / 1e6);
    }

    /** From the second two-face picture's upload, the one that completes the rule. */
    synchronized OptionalDouble fromSecondMillis() {
        if (secondSent < 0 || seen < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0, seen - secondSent) / 1e6);
    }

    synchronized void giveUp() {
        if (polling != null) {
            polling.cancel(false);
        }
        if (firstSent >= 0 && seen < 0) {
            missed = true;
        }
    }
}
