package org.invigil.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.invigil.ids.entity.SessionId;

/**
 * The last few frames of each monitored session, in memory only, so that an incident can keep the frames that show
 * how it began. A frame leaves this buffer, and the machine, when newer ones push it out; only a frame an incident
 * takes as evidence is ever stored, sealed.
 */
@ApplicationScoped
public class RecentFrames {

    static final int KEPT = 4;

    public record Frame(long sequence, Instant capturedAt, byte[] jpeg) {
    }

    private final Map<String, Deque<Frame>> frames = new ConcurrentHashMap<>();

    public void add(String sessionId, Frame frame) {
        Deque<Frame> recent = frames.computeIfAbsent(sessionId, id -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(frame);
            while (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
    }

    /** The buffered frames captured at or after {@code since}, oldest first. */
    public List<Frame> since(String sessionId, Instant since) {
        Deque<Frame> recent = frames.get(sessionId);
        if (recent == null) {
            return List.of();
        }
        synchronized (recent) {
            return recent.stream().filter(frame -> !frame.capturedAt().isBefore(since)).toList();
        }
    }

    public List<Frame> latest(SessionId sessionId) {
        String sessionIdValue = sessionId.value();
        Deque<Frame> recent = frames.get(sessionIdValue);
        if (recent == null) {
            return List.of();
        }
        synchronized (recent) {
            return recent.isEmpty() ? List.of() : List.of(recent.getLast());
        }
    }

    public void forget(SessionId sessionId) {
        String sessionIdValue = sessionId.value();
        frames.remove(sessionIdValue);
    }
}
