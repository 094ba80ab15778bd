package org.invigil.journey.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.function.Consumer;
import org.invigil.access.entity.ToolSession;
import org.invigil.assessment.control.Handoffs;
import org.invigil.assessment.entity.Handoff;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.ExamSettings;
import org.invigil.exam.entity.ExamSummary;
import org.invigil.identity.control.References;
import org.invigil.ids.entity.SessionId;
import org.invigil.integrity.control.Results;
import org.invigil.monitoring.control.Receipts;
import org.invigil.session.control.ConsentText;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.control.SessionRefusals;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.session.entity.SessionState;

/**
 * What every step of the journey shares: the student's view of the attempt, and one change to it taken in its turn
 * (a change out of order is refused as the wrong step). Reaching "ready" releases the quiz through the gate column.
 * <p>
 * Transactions: none is open here ({@code NOT_SUPPORTED}). Each change to the attempt commits on its own through
 * {@link ProctoringSessions} (one row, optimistic lock, rerun on conflict); analysis runs before it, outside any
 * transaction, so that no row is locked while a picture is analysed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JourneySteps {

    @Inject
    ProctoringSessions sessions;

    @Inject
    Exams exams;

    @Inject
    References references;

    @Inject
    Receipts receipts;

    @Inject
    Results results;

    @Inject
    Handoffs handoffs;

    /** The attempt, if it is this student's, as they see it. */
    public JourneyView of(SessionId id, ToolSession student) {
        return of(sessions.of(id, student));
    }

    /**
     * Applies one change to the student's attempt in its turn, in its own transaction; the change that makes the
     * attempt ready releases the quiz (the gate score goes to the outbox).
     */
    public JourneyView step(SessionId id, ToolSession student, String action, Consumer<ProctoringSession> change) {
        SessionState[] before = new SessionState[1];
        ProctoringSession session = sessions.change(id, student, action, s -> {
            before[0] = s.state();
            change.accept(s);
        });
        if (before[0] != SessionState.READY && session.state() == SessionState.READY) {
            results.passGate(session);
        }
        return of(session);
    }

    /** The attempt as its student sees it (the caller checked it is theirs). */
    public JourneyView of(ProctoringSession session) {
        ExamSummary exam = exams.summary(session.exam()).orElseThrow(SessionRefusals::notYours);
        ExamSettings settings = exam.settings();
        Set<Check> active = sessions.activeChecks(session, settings);
        return new JourneyView(session, exam, active, ConsentText.of(settings, active.stream().sorted().toList()),
                references.sourceFor(session.platform(), session.contextId().orElse(""), session.user(),
                        session.lmsPicture()),
                Math.max(0, settings.identityAttempts() - session.identityAttempts()),
                Math.max(0, settings.identityAttempts() - session.livenessAttempts()),
                receipts.next(session.sessionId()), sessions.closeTime(session, settings.closesAt()),
                handoffs.of(session.sessionId()).map(JourneySteps::assessment));
    }

    private static JourneyView.Assessment assessment(Handoff handoff) {
        return new JourneyView.Assessment(handoff.attemptNumber(), handoff.handedBackAt(), handoff.platformStatus());
    }

    /** Refuses a step out of its turn, naming the step the attempt is at. */
    public static void requireState(ProctoringSession session, SessionState state, String action) {
        if (session.state() != state) {
            throw SessionRefusals.wrongState(action, session.state().id());
        }
    }
}
