package org.invigil.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.Exam;
import org.invigil.ids.entity.SessionId;
import org.invigil.monitoring.entity.BrowserEvent;
import org.invigil.persistence.control.RetryOnConflict;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.session.entity.SessionState;

/**
 * Receives browser events exactly once each and applies the event rules (none while monitoring is paused). An event's
 * time is placed in the attempt's window by the same rule as a frame's ({@link ItemBounds#capturedAt}).
 */
@ApplicationScoped
public class EventIngestion {

    /** One event as the client sent it. */
    public record Item(long sequence, String type, Instant at, Optional<String> data) {
    }

    /** Which numbers of a batch were new and which had been received before, and the session's state after it. */
    public record Receipt(List<Long> accepted, List<Long> duplicates, SessionState state) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Receipts receipts;

    @Inject
    Incidents incidents;

    @Inject
    ProctoringSessions sessions;

    @Inject
    Exams exams;

    @Inject
    RecentFrames recentFrames;

    Clock clock = Clock.systemUTC();

    @RetryOnConflict
    @Transactional
    public Receipt ingest(SessionId sessionId, List<Item> items) {
        ProctoringSession session = sessions.byId(sessionId);
        if (!session.isMonitoring() && !session.isPaused()) {
            throw MonitoringRefused.notMonitoring(session.state().id());
        }
        Exam exam = exams.byId(session.exam()).orElseThrow();
        Set<Check> active = sessions.activeChecks(session, exam.settings());
        Instant now = clock.instant();
        items.forEach(item -> ItemBounds.requireSequence(item.sequence()));
        List<Long> accepted = new ArrayList<>();
        List<Long> duplicates = new ArrayList<>();
        for (Item item : items) {
            if (!receipts.record(session.id(), item.sequence(), now)) {
                duplicates.add(item.sequence());
                continue;
            }
            accepted.add(item.sequence());
            if (session.isPaused()) {
                continue; // received, so not sent again; nothing of it is kept while monitoring is paused
            }
            Instant at = ItemBounds.capturedAt(item.at(), now);
            em.persist(new BrowserEvent(session.id(), item.sequence(), item.type(), at, item.data().orElse(null)));
            session.eventReceived(at);
            for (EventRules.Effect effect : EventRules.of(item.type(), at, item.data(), exam.settings(), active)) {
                incidents.applyEffect(session, effect, null, recentFrames.latest(session.sessionId()));
            }
        }
        if (accepted.isEmpty() && !duplicates.isEmpty()) {
            throw MonitoringRefused.replayed(duplicates.get(0));
        }
        return new Receipt(accepted, duplicates, session.state());
    }
}
