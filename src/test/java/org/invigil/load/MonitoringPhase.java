package org.invigil.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.invigil.load.Cohort.MonitoredStudent;

/**
 * The steady phase of one step: every student of the cohort monitored for the same length of time, all of them
 * starting within one frame interval; some of them ({@code secondFaceShare}, at least one) with a second person
 * beside them for a few pictures somewhere between 20 % and 60 % of the way, watched by the instructor. Invigil's
 * CPU time and the load generator's are read at the start and at the end of the phase; afterwards the phase waits
 * (bounded) for the answers still out and for the instructor's watches.
 */
final class MonitoringPhase {

    /** How long after the end the phase waits for answers still out; a request gives up after 30 s anyway. */
    private static final Duration DRAIN = Duration.ofSeconds(45);

    /** What one steady phase measured. */
    record Figures(int students, int uploads, int frames, int events, Map<String, Integer> errors, int errorCount,
                   int refused, double p50Ms, double p99Ms, double frameP99Ms, double eventP99Ms, int watched,
                   int missed, double incidentP99Ms, double incidentFromSecondP99Ms, int askErrors,
                   double payaraCores, double clientCores, double timerLagP99Ms, int maxInFlight,
                   int overOneSecond, List<UploadTally.Slow> slowest, List<String> samples) {

        /** Zero errors and p99 under a second: the step held. */
        boolean held() {
            return errorCount == 0 && p99Ms < 1000;
        }
    }

    private MonitoringPhase() {
    }

    static Figures run(Cohort cohort, URI base, HttpClient client, ScheduledExecutorService timer,
                       WebcamFrames pictures, Duration length, double secondFaceShare, Random random,
                       ProcessCpu payara, ProcessCpu generator) throws InterruptedException {
        UploadTally tally = new UploadTally();
        AtomicInteger askErrors = new AtomicInteger();
        List<MonitoredStudent> students = cohort.students();
        int scripted = students.isEmpty() ? 0 : Math.max(1, (int) Math.round(secondFaceShare * students.size()));
        List<SimulatedMonitor> monitors = new ArrayList<>();
        List<List<SimulatedMonitor.Upload>> plans = new ArrayList<>();
        List<IncidentWatch> watches = new ArrayList<>();
        for (int i = 0; i < students.size(); i++) {
            MonitoredStudent student = students.get(i);
            IncidentWatch watch = null;
            if (i < scripted) {
                watch = new IncidentWatch(client, URI.create(base + "/api/review/sessions/" + student.sessionId()),
                        cohort.staff(), timer, askErrors);
                watches.add(watch);
            }
            SimulatedMonitor monitor = new SimulatedMonitor(student, client, base, tally, watch);
            monitors.add(monitor);
            Duration secondFaceAfter = Duration.ofMillis((long) (length.toMillis() * (0.2 + 0.4
                    * random.nextDouble())));
            plans.add(monitor.plan(length, random, pictures, secondFaceAfter));
        }
        long lead = Duration.ofSeconds(1).toNanos();
        long startNanos = System.nanoTime() + lead;
        Instant startAt = Instant.now().plusNanos(lead);
        for (int i = 0; i < monitors.size(); i++) {
            SimulatedMonitor monitor = monitors.get(i);
            monitor.startsAt(startNanos, startAt);
            for (SimulatedMonitor.Upload upload : plans.get(i)) {
                timer.schedule(() -> monitor.due(upload), startNanos + upload.offsetNanos() - System.nanoTime(),
                        TimeUnit.NANOSECONDS);
            }
        }
        sleepUntil(startNanos);
        long payaraBefore = payara.nanos();
        long generatorBefore = generator.nanos();
        long measuredFrom = System.nanoTime();
        sleepUntil(startNanos + length.toNanos());
        long payaraAfter = payara.nanos();
        long generatorAfter = generator.nanos();
        long wall = System.nanoTime() - measuredFrom;

        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < drainUntil && !monitors.stream().allMatch(SimulatedMonitor::idle)) {
            Thread.sleep(100);
        }
        int unfinished = monitors.stream().mapToInt(SimulatedMonitor::unanswered).sum();
        tally.unfinished(unfinished);
        long watchUntil = System.nanoTime() + IncidentWatch.PATIENCE.toNanos();
        while (System.nanoTime() < watchUntil && !watches.stream().allMatch(IncidentWatch::isDone)) {
            Thread.sleep(100);
        }
        watches.forEach(IncidentWatch::giveUp);

        Latencies incident = new Latencies();
        Latencies fromSecond = new Latencies();
        for (IncidentWatch watch : watches) {
            watch.fromFirstMillis().ifPresent(incident::add);
            watch.fromSecondMillis().ifPresent(fromSecond::add);
        }
        int watched = (int) watches.stream().filter(IncidentWatch::started).count();
        int missed = (int) watches.stream().filter(IncidentWatch::missed).count();
        Map<String, Integer> errors = tally.errors();
        return new Figures(students.size(), tally.all.count() + unfinished, tally.frames.count(),
                tally.events.count(), errors, tally.errorCount(), errors.getOrDefault("503", 0), tally.all.percentile(50),
                tally.all.percentile(99), tally.frames.percentile(99), tally.events.percentile(99), watched, missed,
                incident.percentile(99), fromSecond.percentile(99), askErrors.get(),
                ProcessCpu.cores(payaraBefore, payaraAfter, wall), ProcessCpu.cores(generatorBefore, generatorAfter,
                wall), tally.timerLag.percentile(99), tally.maxInFlight(), tally.overOneSecond(), tally.slowest(),
                tally.samples());
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, Duration.ofMillis(200).toNanos()));
        }
    }
}
