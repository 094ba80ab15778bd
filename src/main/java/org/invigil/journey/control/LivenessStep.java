package org.invigil.journey.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.invigil.access.entity.ToolSession;
import org.invigil.crypto.control.Aead;
import org.invigil.identity.control.Descriptors;
import org.invigil.identity.control.Liveness;
import org.invigil.identity.control.LivenessEvaluation;
import org.invigil.identity.control.References;
import org.invigil.identity.entity.LivenessChallenge;
import org.invigil.ids.entity.SessionId;
import org.invigil.monitoring.control.Finding;
import org.invigil.monitoring.control.FrameIngestion;
import org.invigil.monitoring.control.Incidents;
import org.invigil.monitoring.entity.Rule;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.session.entity.SessionState;
import org.invigil.vision.entity.FaceDescriptor;

/**
 * The liveness step: the server hands out one movement at a time, takes each step's pictures only within its window
 * on its own clock, and compares every picture's face with the identity capture's and the reference photo's. A
 * different face fails and is an incident; the last failed attempt hands the decision to a person.
 * <p>
 * Transactions: none is open here ({@code NOT_SUPPORTED}). Each change to the attempt commits on its own through
 * {@link ProctoringSessions} (one row, optimistic lock, rerun on conflict); analysis runs before it, outside any
 * transaction, so that no row is locked while a picture is analysed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class LivenessStep {

    @Inject
    JourneySteps steps;

    @Inject
    ProctoringSessions sessions;

    @Inject
    Liveness liveness;

    @Inject
    References references;

    @Inject
    Incidents incidents;

    Clock clock = Clock.systemUTC();

    public record LivenessResult(boolean passed, String message, int attemptsLeft, JourneyView view) {
    }

    public LivenessChallenge start(SessionId id, ToolSession student) {
        ProctoringSession session = sessions.of(id, student);
        JourneySteps.requireState(session, SessionState.LIVENESS, "start the liveness check");
        return liveness.start(session.sessionId());
    }

    /** How long each liveness step takes frames after it is handed out. */
    public Duration stepWindow() {
        return liveness.stepWindow();
    }

    /** Closes the open liveness step and hands out the next one. */
    public LivenessChallenge next(SessionId id, ToolSession student, String challenge) {
        ProctoringSession session = sessions.of(id, student);
        JourneySteps.requireState(session, SessionState.LIVENESS, "take the next liveness step");
        return liveness.next(session.sessionId(), challenge);
    }

    /** One frame of the open step, its face compared with the identity capture's and the reference photo's. */
    public void frame(SessionId id, ToolSession student, String challenge, int step, byte[] jpeg) {
        ProctoringSession session = sessions.of(id, student);
        JourneySteps.requireState(session, SessionState.LIVENESS, "send liveness pictures");
        Optional<FaceDescriptor> identity = session.sealedBaselineDescriptor()
                .map(sealed -> Descriptors.decode(Aead.open(sessions.dataKey(session), sealed,
                        FrameIngestion.baselineAad(session.sessionId()))));
        Optional<FaceDescriptor> reference = references.best(session.platform(),
                session.contextId().orElse(""), session.user(), Optional.empty())
                .map(References.Reference::descriptor);
        liveness.frame(session.sessionId(), challenge, step, jpeg, identity, reference);
    }

    public LivenessResult complete(SessionId id, ToolSession student, String challenge) {
        JourneyView before = steps.of(id, student);
        JourneySteps.requireState(before.session(), SessionState.LIVENESS, "finish the liveness check");
        LivenessEvaluation.Verdict verdict = liveness.complete(before.session().sessionId(), challenge);
        int attempts = before.exam().settings().identityAttempts();
        boolean[] lastAttempt = new boolean[1];
        JourneyView after = steps.step(id, student, "finish the liveness check", session -> {
            lastAttempt[0] = session.livenessAttempts() + 1 >= attempts;
            session.recordLivenessAttempt(verdict.passed(), lastAttempt[0]);
        });
        boolean last = lastAttempt[0];
        if (verdict.differentFace()) {
            Instant now = clock.instant();
            incidents.record(after.session(), new Finding(Rule.DIFFERENT_PERSON, now, verdict.otherShare(),
                    "liveness frames of another person: " + LivenessEvaluation.MIN_FACE_FRAMES + " or more "
                            + "(strength: the share of the burst's face frames that were another person, measured)",
                    "Invigil liveness check", null, null,
                    "The face making the liveness movements did not match the identity capture or the reference "
                            + "photo."), now, false, List.of());
        }
        String message = verdict.differentFace() ? verdict.message() + (last ? " No attempts are left; a person will "
                + "review this. You can continue." : " Try again.")
                : verdict.passed() ? verdict.message()
                : last ? "We could not confirm the movements (" + verdict.message() + ") and no attempts are left. "
                + "A person will review this; you can continue."
                : "We could not confirm the movements: " + verdict.message() + " Try again.";
        return new LivenessResult(verdict.passed(), message, after.livenessAttemptsLeft(), after);
    }
}
