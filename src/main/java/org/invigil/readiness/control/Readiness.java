package org.invigil.readiness.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * What the application still waits for before it serves its API. The start-up code reports each part once it is
 * done ({@link #done(Part)}); the application is ready when every part is. Thread-safe.
 */
@ApplicationScoped
public class Readiness {

    private static final Logger LOG = Logger.getLogger(Readiness.class.getName());
    /** Seconds a caller is asked to wait: start-up takes tens of seconds, the clients' backoff does the rest. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** The parts of start-up that requests depend on. */
    public enum Part {
        /** The schema migrations ran: the database can be used. */
        DATABASE,
        /** The face analysis engine has loaded its models, or has failed to (camera checks then fail, logged). */
        VISION
    }

    private final Set<Part> pending = EnumSet.allOf(Part.class);
    private volatile boolean ready;

    public void done(Part part) {
        synchronized (pending) {
            if (pending.remove(part) && pending.isEmpty()) {
                ready = true;
                LOG.info("Invigil is ready: database migrated, face analysis loaded");
            }
        }
    }

    public boolean ready() {
        return ready;
    }

    /** Until ready, what to answer instead of serving: 503 {@code starting}, naming what is awaited. */
    public Optional<NotReady> notYet() {
        if (ready) {
            return Optional.empty();
        }
        String waiting = pending().stream().map(part -> part.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" and "));
        return Optional.of(new NotReady(waiting, RETRY_AFTER_SECONDS));
    }

    /** The parts still awaited, for the answer that says why not yet. */
    public Set<Part> pending() {
        synchronized (pending) {
            return pending.isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(pending);
        }
    }
}
