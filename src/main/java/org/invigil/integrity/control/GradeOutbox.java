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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.advantage.control.PlatformServiceException;
import org.invigil.grades.control.Gradebook;
import org.invigil.grades.control.ScoreClock;
import org.invigil.grades.entity.Score;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.SessionId;
import org.invigil.ids.entity.UserId;
import org.invigil.integrity.entity.OutboxEntry;
import org.invigil.refusal.entity.Refusal;

/**
 * Scores on their way to the gradebook. {@link #enqueue} stores the score in the same transaction as the change that
 * caused it; {@link #dispatchDue} delivers what is due, oldest first, one claim per entry so that several nodes never
 * post the same score twice.
 */
@ApplicationScoped
public class GradeOutbox {

    private static final Logger LOG = Logger.getLogger(GradeOutbox.class.getName());
    /** A claim outlives any post: at least this much longer than the outbound timeout. */
    static final Duration CLAIM_MARGIN = Duration.ofSeconds(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    Gradebook gradebook;

    @Inject
    OutboxClaims claims;

    @Inject
    ScoreClock scoreClock;

    /**
     * How long a node holds an entry for one post; a node that dies holding it leaves it to the others (or to itself
     * after a restart) once the hold has passed.
     */
    @Inject
    @ConfigProperty(name = "invigil.outbox.claim-seconds", defaultValue = "120")
    int claimSeconds;

    @Inject
    @ConfigProperty(name = "invigil.outbound.timeout-seconds", defaultValue = "10")
    int outboundTimeoutSeconds;

    @Resource
    ManagedExecutorService executor;

    Clock clock = Clock.systemUTC();

    /**
     * Queues a score. An older score for the same student and column that is still undelivered is superseded by it
     * when its turn comes (never here, so queueing never contends with a delivery in progress).
     */
    @Transactional
    public OutboxEntry enqueue(ExamId examId, SessionId sessionId, UserId userId, Gradebook.Column column,
                               Optional<Double> scoreGiven, String comment, Score.ActivityProgress activity,
                               Score.GradingProgress grading) {
        String userIdValue = userId.value();
        String sessionIdValue = sessionId.value();
        String examIdValue = examId.value();
        OutboxEntry entry = new OutboxEntry(examIdValue, sessionIdValue, userIdValue, column.name(),
                scoreGiven.orElse(null),
                scoreGiven.isPresent() ? Gradebook.SCORE_MAXIMUM : null, comment, activity.name(), grading.name(),
                clock.instant());
        em.persist(entry);
        return entry;
    }

    /** Starts a delivery round now, in the background, rather than at the next timer tick. */
    public void kick() {
        executor.submit(this::dispatchDue);
    }

    private final AtomicBoolean dispatching = new AtomicBoolean();

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

    /** The hold of a claim: as configured, never shorter than one outbound call and a margin. */
    Duration claim() {
        Duration least = Duration.ofSeconds(Math.max(1, outboundTimeoutSeconds)).plus(CLAIM_MARGIN);
        Duration configured = Duration.ofSeconds(claimSeconds);
        return configured.compareTo(least) < 0 ? least : configured;
    }

    private int dispatchRound() {
        int delivered = 0;
        for (String id : claims.due(clock.instant())) {
            Optional<OutboxEntry> claimed;
            try {
                claimed = claims.claim(id, clock.instant(), claim());
            } catch (RuntimeException anotherDispatcherWon) {
                continue;
            }
            if (claimed.isEmpty()) {
                continue;
            }
            OutboxEntry entry = claimed.get();
            boolean postedBefore = entry.scoreTimestamp().isPresent();
            try {
                Gradebook.Column column = Gradebook.Column.valueOf(entry.kind());
                String lineItem = gradebook.lineItem(ExamId.of(entry.examId()), column);
                // the timestamp is fixed and committed before the first post: a re-post is the same score
                Instant timestamp = postedBefore ? entry.scoreTimestamp().get()
                        : claims.stamp(id, scoreClock.next(lineItem, UserId.of(entry.userId())));
                gradebook.post(ExamId.of(entry.examId()), lineItem, new Score(entry.userId(), entry.scoreGiven(),
                        entry.scoreMaximum(), entry.comment(), Score.ActivityProgress.valueOf(entry.activityProgress()),
                        Score.GradingProgress.valueOf(entry.gradingProgress()), timestamp));
                claims.delivered(id, clock.instant());
                delivered++;
            } catch (PlatformServiceException e) {
                if (postedBefore && e.platformStatus() == 409) {
                    // the platform already holds this score (its timestamp is not newer than the one it keeps): an
                    // earlier post of this entry reached it before a crash or a timeout hid the answer
                    LOG.log(Level.INFO, "Score for session {0} was already in the gradebook: {1}",
                            new Object[] {entry.sessionId(), e.detail()});
                    claims.delivered(id, clock.instant());
                    delivered++;
                } else {
                    // a refusal releases the timestamp only if no earlier post with it may have arrived
                    notYet(entry, e, !postedBefore);
                }
            } catch (Refusal e) {
                notYet(entry, e, false);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Delivering a score failed unexpectedly; it will be retried", e);
                claims.failed(id, clock.instant(), e.toString(), false);
            }
        }
        return delivered;
    }

    /**
     * A failed attempt. {@code refused}: the platform answered and did not take the score, so the next attempt may
     * take a new timestamp; otherwise (no answer, a timeout) the post may have reached it and the timestamp stays.
     */
    private void notYet(OutboxEntry entry, Refusal e, boolean refused) {
        LOG.log(Level.WARNING, "Score for session {0} not delivered yet (attempt {1}): {2}",
                new Object[] {entry.sessionId(), entry.attempts() + 1, e.detail()});
        claims.failed(entry.id(), clock.instant(), e.detail(), refused);
    }

    @Transactional
    public List<OutboxEntry> of(String sessionId) {
        return em.createQuery("select o from OutboxEntry o where o.sessionId = :session order by o.createdAt",
                OutboxEntry.class).setParameter("session", sessionId).getResultList();
    }
}
