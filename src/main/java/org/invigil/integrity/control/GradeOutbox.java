package org.invigil.integrity.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.invigil.grades.control.Gradebook;
import org.invigil.grades.entity.Score;
import org.invigil.integrity.entity.OutboxEntry;
import org.invigil.web.control.ProblemException;

/**
 * Scores on their way to the gradebook. {@link #enqueue} stores the score in the same transaction as the change that
 * caused it; {@link #dispatchDue} delivers what is due, oldest first, one claim per entry so that several nodes never
 * post the same score twice.
 */
@ApplicationScoped
public class GradeOutbox {

    private static final Logger LOG = Logger.getLogger(GradeOutbox.class.getName());
    static final Duration CLAIM = Duration.ofMinutes(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    Gradebook gradebook;

    @Inject
    OutboxClaims claims;

    @Resource
    ManagedExecutorService executor;

    Clock clock = Clock.systemUTC();

    /**
     * Queues a score. An older score for the same student and column that is still undelivered is superseded by it
     * when its turn comes (never here, so queueing never contends with a delivery in progress).
     */
    @Transactional
    public OutboxEntry enqueue(String examId, String sessionId, String userId, Gradebook.Column column,
                               Optional<Double> scoreGiven, String comment, Score.ActivityProgress activity,
                               Score.GradingProgress grading) {
        OutboxEntry entry = new OutboxEntry(examId, sessionId, userId, column.name(), scoreGiven.orElse(null),
                scoreGiven.isPresent() ? Gradebook.SCORE_MAXIMUM : null, comment, activity.name(), grading.name(),
                clock.instant());
        em.persist(entry);
        return entry;
    }

    /** Starts a delivery round now, in the background, rather than at the next timer tick. */
    public void kick() {
        executor.submit(this::dispatchDue);
    }

    private final java.util.concurrent.atomic.AtomicBoolean dispatching = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Delivers every due entry; returns how many reached the gradebook. One round at a time on this node (the timer
     * and a kick would otherwise contend for the same rows); other nodes are kept apart by the claims.
     */
    public int dispatchDue() {
        if (!dispatching.compareAndSet(false, true)) {
            return 0;
        }
        try {
            return dispatchRound();
        } finally {
            dispatching.set(false);
        }
    }

    private int dispatchRound() {
        int delivered = 0;
        for (String id : claims.due(clock.instant())) {
            Optional<OutboxEntry> claimed;
            try {
                claimed = claims.claim(id, clock.instant(), CLAIM);
            } catch (RuntimeException anotherDispatcherWon) {
                continue;
            }
            if (claimed.isEmpty()) {
                continue;
            }
            OutboxEntry entry = claimed.get();
            try {
                gradebook.publish(entry.examId(), Gradebook.Column.valueOf(entry.kind()), new Score(entry.userId(),
                        entry.scoreGiven(), entry.scoreMaximum(), entry.comment(),
                        Score.ActivityProgress.valueOf(entry.activityProgress()),
                        Score.GradingProgress.valueOf(entry.gradingProgress()), clock.instant()));
                claims.delivered(id, clock.instant());
                delivered++;
            } catch (ProblemException e) {
                LOG.log(Level.WARNING, "Score for session {0} not delivered yet (attempt {1}): {2}",
                        new Object[] {entry.sessionId(), entry.attempts() + 1, e.problem().detail()});
                claims.failed(id, clock.instant(), e.problem().detail());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Delivering a score failed unexpectedly; it will be retried", e);
                claims.failed(id, clock.instant(), e.toString());
            }
        }
        return delivered;
    }

    @Transactional
    public List<OutboxEntry> of(String sessionId) {
        return em.createQuery("select o from OutboxEntry o where o.sessionId = :session order by o.createdAt",
                OutboxEntry.class).setParameter("session", sessionId).getResultList();
    }
}
