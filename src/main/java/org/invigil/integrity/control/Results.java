package org.invigil.integrity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.assessment.control.AssessmentControl;
import org.invigil.grades.control.Gradebook;
import org.invigil.grades.entity.Score;
import org.invigil.ids.entity.SessionId;
import org.invigil.integrity.entity.IntegrityResult;
import org.invigil.integrity.entity.ReviewState;
import org.invigil.monitoring.control.Finding;
import org.invigil.monitoring.control.Incidents;
import org.invigil.monitoring.control.Timelines;
import org.invigil.monitoring.entity.Rule;
import org.invigil.notification.control.Notifications;
import org.invigil.session.entity.EndReason;
import org.invigil.session.entity.ProctoringSession;

/**
 * What the gradebook learns of an attempt: that it started, that the checks were passed (the gate that releases
 * the quiz), and at the end the integrity result — FullyGraded when no review is needed, PendingManual while a
 * person has to look.
 */
@ApplicationScoped
public class Results {

    @Inject
    AssessmentControl control;

    @PersistenceContext
    EntityManager em;

    @Inject
    GradeOutbox outbox;

    @Inject
    Incidents incidents;

    @Inject
    Notifications notifications;

    @Inject
    Timelines timelines;

    /** How long after a sign of the monitor (a frame analysed, a heartbeat) the attempt counts as monitored. */
    @Inject
    @ConfigProperty(name = "invigil.coverage.max-gap-seconds", defaultValue = "30")
    long maxGapSeconds;

    /** An unmonitored stretch of the quiz this long or longer is an incident. */
    @Inject
    @ConfigProperty(name = "invigil.coverage.gap-incident-seconds", defaultValue = "120")
    long gapIncidentSeconds;

    @Inject
    @ConfigProperty(name = "invigil.attempts.abandoned-after-minutes", defaultValue = "30")
    long abandonedAfterMinutes;

    static final String COVERAGE_DETECTOR = "Invigil coverage (quiz pages and monitor activity)";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    Clock clock = Clock.systemUTC();

    @Transactional
    public void recordStart(ProctoringSession session) {
        if (outbox.of(session.id()).isEmpty()) {
            outbox.enqueue(session.exam(), session.sessionId(), session.user(), Gradebook.Column.GATE, Optional.empty(),
                    null, Score.ActivityProgress.Started, Score.GradingProgress.Pending);
            outbox.kick();
        }
    }

    /** The student may start the quiz: the gate column gets full marks. */
    @Transactional
    public void passGate(ProctoringSession session) {
        outbox.enqueue(session.exam(), session.sessionId(), session.user(), Gradebook.Column.GATE,
                Optional.of(Gradebook.SCORE_MAXIMUM), "Proctoring checks passed: the quiz can start.",
                Score.ActivityProgress.Completed, Score.GradingProgress.FullyGraded);
        outbox.kick();
    }

    /**
     * Computes the integrity result of an ended attempt, with its monitoring coverage and the coverage incidents
     * (monitoring ended before the quiz was submitted, stretches not monitored), and queues it for the gradebook.
     * Computing it again (a quiz page seen after the end) replaces the coverage incidents, never adds to them.
     */
    @Transactional
    public IntegrityResult finish(ProctoringSession session) {
        Instant now = clock.instant();
        Coverage coverage = coverage(session, now);
        incidents.replaceCoverage(session, coverageFindings(session, coverage), now);
        IntegrityScoring.Outcome outcome = IntegrityScoring.of(session, incidents.of(session.sessionId()));
        IntegrityResult result = em.find(IntegrityResult.class, session.id());
        if (result == null) {
            result = new IntegrityResult(session.id());
            result.update(outcome.score(), outcome.reviewState(), outcome.contributions(), now);
            em.persist(result);
        } else {
            result.update(outcome.score(), outcome.reviewState(), outcome.contributions(), now);
        }
        result.coverage(coverage.quizSeconds(), coverage.monitoredSeconds(), coverage.quizSeen());
        boolean review = result.reviewState() == ReviewState.NEEDS_REVIEW;
        String comment = "Integrity " + result.score() + "/100 — " + (review
                ? "a person will review this attempt (" + String.join(", ", outcome.reasons()) + ")."
                : "no review needed.")
                + outcome.contributions().stream().filter(c -> c.points() > 0)
                .map(c -> " −" + c.points() + " " + c.ruleId()).collect(Collectors.joining(";"))
                + " Coverage: " + coverage.summary() + "."
                + session.endReason().filter(reason -> reason == EndReason.ABANDONED)
                .map(reason -> " Incomplete: nothing arrived from the monitor for "
                        + Coverage.duration(abandonedAfterMinutes * 60L) + ".").orElse("")
                + session.endReason().filter(reason -> reason == EndReason.CLOSED)
                .map(reason -> " Ended when the quiz closed.").orElse("");
        outbox.enqueue(session.exam(), session.sessionId(), session.user(), Gradebook.Column.INTEGRITY,
                Optional.of((double) result.score()), comment, Score.ActivityProgress.Completed,
                review ? Score.GradingProgress.PendingManual : Score.GradingProgress.FullyGraded);
        outbox.kick();
        control.outcome(session.sessionId(), result.score(), review, comment, now);
        if (review) {
            notifications.needsReview(session, result.score(), outcome.reasons());
        }
        return result;
    }

    /** The attempt's coverage so far (until now while it runs). */
    @Transactional
    public Coverage coverage(ProctoringSession session, Instant now) {
        Instant start = session.monitoringStartedAt().orElse(session.createdAt());
        return Coverage.of(start, session.endedAt().orElse(now), timelines.of(session.sessionId()),
                Duration.ofSeconds(maxGapSeconds));
    }

    private List<Finding> coverageFindings(ProctoringSession session, Coverage coverage) {
        List<Finding> findings = new ArrayList<>();
        String threshold = "a gap of " + Coverage.duration(gapIncidentSeconds) + " or longer";
        Optional<EndReason> reason = session.endReason();
        Instant ended = session.endedAt().orElse(coverage.quizEnd());
        // ended by the student before the submission was seen; or ended by a "submitted" page after which the quiz
        // went on (never compared with the end's time, so that a client clock a little ahead flags nobody)
        boolean endedEarly = coverage.quizSeen() && (reason.filter(r -> r == EndReason.STUDENT).isPresent()
                ? !coverage.submittedSeen() || coverage.quizEnd().isAfter(ended)
                : reason.filter(r -> r == EndReason.QUIZ_SUBMITTED).isPresent() && coverage.wentOnAfterSubmitted());
        if (endedEarly) {
            findings.add(new Finding(Rule.MONITORING_ENDED_EARLY, ended,
                    1.0, "the quiz's submission seen by the exam-page agent", COVERAGE_DETECTOR, null, null,
                    (coverage.wentOnAfterSubmitted() && reason.filter(r -> r == EndReason.QUIZ_SUBMITTED).isPresent()
                            ? "Monitoring ended at a page that showed the quiz submitted, but the student went on "
                            + "with the quiz afterwards. "
                            : "The student ended monitoring before the exam-page agent saw the quiz submitted. ")
                            + "Coverage: " + coverage.summary() + "."));
        }
        List<Coverage.Gap> gaps = coverage.gapsOf(Duration.ofSeconds(gapIncidentSeconds));
        for (Coverage.Gap gap : gaps) {
            findings.add(new Finding(Rule.NOT_MONITORED, gap.from(), 1.0, threshold, COVERAGE_DETECTOR, null, null,
                    "Not monitored for " + Coverage.duration(gap.length().toSeconds()) + " (" + TIME.format(gap.from())
                            + " to " + TIME.format(gap.until()) + " UTC)."));
        }
        if (gaps.isEmpty() && coverage.monitoredSeconds() == 0) {
            findings.add(new Finding(Rule.NOT_MONITORED, coverage.quizStart(), 1.0, "any monitored time",
                    COVERAGE_DETECTOR, null, null, "No monitored time at all: no picture was analysed and the "
                    + "monitor gave no sign (" + coverage.summary() + ")."));
        }
        return findings;
    }

    @Transactional
    public Optional<IntegrityResult> of(SessionId sessionId) {
        String sessionIdValue = sessionId.value();
        return Optional.ofNullable(em.find(IntegrityResult.class, sessionIdValue));
    }
}
