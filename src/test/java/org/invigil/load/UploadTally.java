package org.invigil.load;

import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the students' uploads met during one steady phase: every answer and its latency, the refusals by kind, how
 * many requests were in flight at most, and how late the load generator's own timer fired (a late timer means the
 * generator, not Invigil, held the figures back).
 */
final class UploadTally {

    private static final int SAMPLES = 3;
    private static final int SLOWEST = 3;

    final Latencies all = new Latencies();
    final Latencies frames = new Latencies();
    final Latencies events = new Latencies();
    final Latencies timerLag = new Latencies();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Map<String, Integer> errors = new TreeMap<>();
    private final List<String> samples = new ArrayList<>();
    private final List<Slow> slowest = new ArrayList<>();
    private int overOneSecond;

    /** One of the slowest answers: what it was and when in the phase it was due. */
    record Slow(String what, double millis, double dueAtSeconds) {

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s:%.0fms@%.1fs", what, millis, dueAtSeconds);
        }
    }

    void sending() {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    /**
     * One answer (or a failure to get one) to an item of kind {@code what} due {@code dueAtSeconds} into the phase:
     * {@code expected} is 202 for a frame, 200 for events.
     */
    void answered(String what, double dueAtSeconds, boolean frame, double millis, int expected, int status,
                  String body, Throwable failure) {
        inFlight.decrementAndGet();
        all.add(millis);
        (frame ? frames : events).add(millis);
        synchronized (this) {
            overOneSecond += millis >= 1000 ? 1 : 0;
            if (slowest.size() < SLOWEST || millis > slowest.get(slowest.size() - 1).millis()) {
                slowest.add(new Slow(what, millis, dueAtSeconds));
                slowest.sort((a, b) -> Double.compare(b.millis(), a.millis()));
                if (slowest.size() > SLOWEST) {
                    slowest.remove(SLOWEST);
                }
            }
        }
        if (failure != null || status != expected) {
            String kind = failure == null ? Integer.toString(status)
                    : failure instanceof HttpTimeoutException ? "timeout"
                    : "io:" + failure.getClass().getSimpleName();
            synchronized (this) {
                errors.merge(kind, 1, Integer::sum);
                if (samples.size() < SAMPLES) {
                    samples.add(kind + " " + (failure == null ? abbreviated(body) : String.valueOf(failure)));
                }
            }
        }
    }

    /** An upload that had no answer when the phase was over. */
    synchronized void unfinished(int count) {
        if (count > 0) {
            errors.merge("unfinished", count, Integer::sum);
        }
    }

    synchronized Map<String, Integer> errors() {
        return new TreeMap<>(errors);
    }

    synchronized int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized List<String> samples() {
        return List.copyOf(samples);
    }

    /** The slowest answers, slowest first. */
    synchronized List<Slow> slowest() {
        return List.copyOf(slowest);
    }

    synchronized int overOneSecond() {
        return overOneSecond;
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private static String abbreviated(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
