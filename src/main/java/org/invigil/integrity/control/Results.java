package org.invigil.integrity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;
import org.invigil.grades.control.Gradebook;
import org.invigil.grades.entity.Score;
import org.invigil.integrity.entity.IntegrityResult;
import org.invigil.integrity.entity.ReviewState;
import org.invigil.monitoring.control.Incidents;
import org.invigil.session.entity.ProctoringSession;

/**
 * What the gradebook learns of an attempt: that it started, that the checks were passed (the gate that releases
 * the quiz), and at the end the integrity result — FullyGraded when no review is needed, PendingManual while a
 * person has to look.
 */
@ApplicationScoped
public class Results {

    @PersistenceContext
    EntityManager em;

    @Inject
    GradeOutbox outbox;

    @Inject
    Incidents incidents;

    @Inject
    org.invigil.notification.control.Notifications notifications;

    Clock clock = Clock.systemUTC();

    @Transactional
    public void recordStart(ProctoringSession session) {
        if (outbox.of(session.id()).isEmpty()) {
            outbox.enqueue(session.examId(), session.id(), session.userId(), Gradebook.Column.GATE, Optional.empty(),
                    null, Score.ActivityProgress.Started, Score.GradingProgress.Pending);
            outbox.kick();
        }
    }

    /** The student may start the quiz: the gate column gets full marks. */
    @Transactional
    public void passGate(ProctoringSession session) {
        outbox.enqueue(session.examId(), session.id(), session.userId(), Gradebook.Column.GATE,
                Optional.of(Gradebook.SCORE_MAXIMUM), "Proctoring checks passed: the quiz can start.",
                Score.ActivityProgress.Completed, Score.GradingProgress.FullyGraded);
        outbox.kick();
    }

    /** Computes the integrity result of an ended attempt and queues it for the gradebook. */
    @Transactional
    public IntegrityResult finish(ProctoringSession session) {
        IntegrityScoring.Outcome outcome = IntegrityScoring.of(session, incidents.of(session.id()));
        IntegrityResult result = em.find(IntegrityResult.class, session.id());
        if (result == null) {
            result = new IntegrityResult(session.id());
            result.update(outcome.score(), outcome.reviewState(), outcome.contributions(), clock.instant());
            em.persist(result);
        } else {
            result.update(outcome.score(), outcome.reviewState(), outcome.contributions(), clock.instant());
        }
        boolean review = result.reviewState() == ReviewState.NEEDS_REVIEW;
        String comment = "Integrity " + result.score() + "/100 — " + (review
                ? "a person will review this attempt (" + String.join(", ", outcome.reasons()) + ")."
                : "no review needed.")
                + outcome.contributions().stream().filter(c -> c.points() > 0)
                .map(c -> " −" + c.points() + " " + c.ruleId()).collect(Collectors.joining(";"));
        outbox.enqueue(session.examId(), session.id(), session.userId(), Gradebook.Column.INTEGRITY,
                Optional.of((double) result.score()), comment, Score.ActivityProgress.Completed,
                review ? Score.GradingProgress.PendingManual : Score.GradingProgress.FullyGraded);
        outbox.kick();
        if (review) {
            notifications.needsReview(session, result.score(), outcome.reasons());
        }
        return result;
    }

    @Transactional
    public Optional<IntegrityResult> of(String sessionId) {
        return Optional.ofNullable(em.find(IntegrityResult.class, sessionId));
    }
}
