package org.invigil.review.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.control.Exams;
import org.invigil.ids.entity.ExamId;

/**
 * Tells open live monitors that their exam changed, within a second: every {@value #TICK_MILLIS} ms it compares
 * each watched exam's {@link LiveMonitor#pulse pulse} with the last one and pushes "change" to the exam's listeners.
 * The pulse is read from the database, so a change made on another node of a cluster is pushed as well. The push
 * carries no data: the screen then fetches what it may see, with its own access checks.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class.getName());
    static final long TICK_MILLIS = 500;
    static final Duration PING_EVERY = Duration.ofSeconds(15);

    /** One open screen. */
    public interface Listener {

        /** Sends the event; false once the screen has gone, which removes it. */
        boolean push(String event);
    }

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    LiveMonitor monitor;

    @Inject
    Exams exams;

    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final Map<String, String> pulses = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> ticking;
    private long ticks;

    /**
     * Adds a screen of one who may review the exam (its staff, an integrity officer of its platform). The exam's pulse is read now if nobody watched it yet, so a change between this moment and the
     * next tick is pushed too (the screen shows the exam as it was when it subscribed, or later).
     */
    public void subscribe(ToolSession reviewer, ExamId examId, Listener listener) {
        exams.reviewer(reviewer, examId);
        watch(examId.value(), listener);
        startTicking();
    }

    void watch(String examId, Listener listener) {
        pulses.computeIfAbsent(examId, monitor::pulse);
        listeners.compute(examId, (id, screens) -> {
            List<Listener> all = screens == null ? new CopyOnWriteArrayList<>() : screens;
            all.add(listener);
            return all;
        });
    }

    /** How many screens watch the exam now. */
    public int watching(String examId) {
        return listeners.getOrDefault(examId, List.of()).size();
    }

    private synchronized void startTicking() {
        if (ticking == null) {
            ticking = scheduler.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    void tick() {
        boolean ping = ++ticks % (PING_EVERY.toMillis() / TICK_MILLIS) == 0;
        for (Map.Entry<String, List<Listener>> watched : listeners.entrySet()) {
            String examId = watched.getKey();
            List<Listener> screens = watched.getValue();
            try {
                String pulse = monitor.pulse(examId);
                String before = pulses.put(examId, pulse);
                if (before != null && !Objects.equals(before, pulse)) {
                    screens.removeIf(screen -> !screen.push("change"));
                } else if (ping) {
                    screens.removeIf(screen -> !screen.push("ping"));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Live feed of exam " + examId + " failed this time", e);
            }
            if (listeners.computeIfPresent(examId, (id, all) -> all.isEmpty() ? null : all) == null) {
                pulses.remove(examId);
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }
}
