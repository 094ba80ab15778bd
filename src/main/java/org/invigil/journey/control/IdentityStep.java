package org.invigil.journey.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.invigil.access.entity.ToolSession;
import org.invigil.audit.control.AuditLog;
import org.invigil.crypto.control.Aead;
import org.invigil.exam.entity.Check;
import org.invigil.identity.control.Descriptors;
import org.invigil.identity.control.IdentityCheck;
import org.invigil.identity.control.Pictures;
import org.invigil.ids.entity.SessionId;
import org.invigil.monitoring.control.Finding;
import org.invigil.monitoring.control.FrameIngestion;
import org.invigil.monitoring.control.Incidents;
import org.invigil.monitoring.control.RecentFrames;
import org.invigil.monitoring.entity.Rule;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.IdentityStatus;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.session.entity.SessionState;

/**
 * The identity step: the student's capture compared with their reference photo, within the exam's attempts. None is
 * a dead end: a capture that cannot be matched, or a request for a person, hands the decision to a reviewer and lets
 * the student go on. A capture that looks like another student's reference is an incident of its own.
 * <p>
 * Transactions: none is open here ({@code NOT_SUPPORTED}). Each change to the attempt commits on its own through
 * {@link ProctoringSessions} (one row, optimistic lock, rerun on conflict); analysis runs before it, outside any
 * transaction, so that no row is locked while a picture is analysed. The attempt limit is checked again on the row the
 * change commits, so parallel captures cannot go past it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class IdentityStep {

    @Inject
    JourneySteps steps;

    @Inject
    ProctoringSessions sessions;

    @Inject
    IdentityCheck identityCheck;

    @Inject
    Pictures pictures;

    @Inject
    Incidents incidents;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    public record IdentityResult(String status, String message, int attemptsLeft, JourneyView view) {
    }

    public IdentityResult capture(SessionId id, ToolSession student, byte[] jpeg) {
        JourneyView before = steps.of(id, student);
        ProctoringSession session = before.session();
        JourneySteps.requireState(session, SessionState.IDENTITY, "check your identity");
        IdentityCheck.Outcome outcome = identityCheck.check(session.platform(), session.contextId().orElse(""),
                session.user(), session.lmsPicture(), jpeg);
        boolean livenessStep = before.active().contains(Check.LIVENESS);
        Optional<Double> score = outcome.comparison().map(c -> c.score());
        int attempts = before.exam().settings().identityAttempts();
        if (session.identityAttempts() >= attempts) {
            throw StepRefused.identityAttemptsUsed();
        }
        String[] status = new String[1];
        JourneyView after;
        switch (outcome.kind()) {
            case NO_FACE, SEVERAL_FACES -> {
                status[0] = "retry";
                after = steps.step(id, student, "check your identity", ProctoringSession::retryIdentity);
            }
            case NO_MATCH -> after = steps.step(id, student, "check your identity", s -> {
                // decided on the row this transaction changes: parallel captures cannot go past the limit
                if (s.identityAttempts() >= attempts) {
                    throw StepRefused.identityAttemptsUsed();
                }
                boolean last = s.identityAttempts() + 1 >= attempts;
                status[0] = last ? "failed" : "retry";
                keepBaseline(s, outcome, jpeg);
                s.recordIdentityAttempt(last ? IdentityStatus.NEEDS_REVIEW : IdentityStatus.PENDING,
                        score.orElse(null), livenessStep);
            });
            default -> {
                IdentityStatus result = switch (outcome.kind()) {
                    case MATCH -> IdentityStatus.VERIFIED;
                    case ENROLLED -> IdentityStatus.ENROLMENT_PENDING;
                    default -> IdentityStatus.NEEDS_REVIEW;
                };
                status[0] = result.id();
                after = steps.step(id, student, "check your identity", s -> {
                    if (s.identityAttempts() >= attempts) {
                        throw StepRefused.identityAttemptsUsed();
                    }
                    keepBaseline(s, outcome, jpeg);
                    s.recordIdentityAttempt(result, score.orElse(null), livenessStep);
                });
            }
        }
        if (!outcome.lookAlikes().isEmpty()) {
            Instant now = clock.instant();
            incidents.record(after.session(), new Finding(Rule.DUPLICATE_FACE, now, outcome.lookAlikes().stream()
                    .mapToDouble(other -> pictures.compare(outcome.captured().orElseThrow(), other.descriptor())
                            .strength()).max().orElse(0),
                    "match with another student's reference photo", "Invigil identity check",
                    outcome.comparison().map(c -> c.model().name() + "@" + c.model().version()).orElse(null), null,
                    outcome.lookAlikes().size() + " other student(s) of the course."), now, false,
                    List.of(new RecentFrames.Frame(0, now, jpeg)));
        }
        String message = status[0].equals("failed")
                ? "The picture did not match your reference photo, and no attempts are left. A person will check "
                + "your identity; you can continue."
                : outcome.describe();
        if (outcome.kind() == IdentityCheck.Kind.NEAR_DUPLICATE) {
            audit.record(student, "identity-near-duplicate", "session:" + after.session().id(),
                    outcome.comparison().map(c -> String.format(Locale.ROOT,
                            "capture within %.3f of the %s reference photo", c.score(), outcome.reference()))
                            .orElse("capture too close to the reference photo"));
        }
        return new IdentityResult(status[0], message, after.identityAttemptsLeft(), after);
    }

    /** The student asks a person to check instead of trying again (identity or liveness). */
    public JourneyView review(SessionId id, ToolSession student) {
        JourneyView before = steps.of(id, student);
        boolean livenessStep = before.active().contains(Check.LIVENESS);
        return steps.step(id, student, "ask for a review", session -> {
            if (session.state() == SessionState.LIVENESS) {
                session.requestLivenessReview();
            } else {
                session.requestIdentityReview(livenessStep);
            }
        });
    }

    private void keepBaseline(ProctoringSession session, IdentityCheck.Outcome outcome, byte[] capture) {
        byte[] key = sessions.dataKey(session);
        outcome.captured().ifPresent(descriptor -> session.keepBaselineDescriptor(Aead.seal(key,
                Descriptors.encode(descriptor), FrameIngestion.baselineAad(session.sessionId()))));
        session.keepIdentityCapture(Aead.seal(key, capture, session.identityCaptureAssociatedData()));
    }
}
