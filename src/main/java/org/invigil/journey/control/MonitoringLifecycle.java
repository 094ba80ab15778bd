package org.invigil.journey.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.invigil.access.control.StaffAccess;
import org.invigil.access.entity.ToolSession;
import org.invigil.assessment.control.AssessmentControl;
import org.invigil.assessment.entity.PlatformEndedAttempt;
import org.invigil.audit.control.AuditLog;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.PlatformId;
import org.invigil.ids.entity.SessionId;
import org.invigil.ids.entity.UserId;
import org.invigil.integrity.control.Results;
import org.invigil.monitoring.control.Incidents;
import org.invigil.monitoring.control.ItemBounds;
import org.invigil.monitoring.control.RecentFrames;
import org.invigil.monitoring.control.Timelines;
import org.invigil.monitoring.entity.QuizPage;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.control.SessionRefusals;
import org.invigil.session.entity.EndReason;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.session.entity.SessionState;

/**
 * Monitoring's course once it runs: staff pause, resume and end it with a reason; it ends when the student ends it,
 * when the exam-page agent sees the quiz submitted, when the platform says the assessment ended, when the quiz closes
 * and when the monitor falls silent. Every end closes the attempt's incidents, computes its result (which goes to the
 * gradebook through the outbox at once) and lets memory forget its pictures.
 * <p>
 * Transactions: none is open here ({@code NOT_SUPPORTED}). Each change to the attempt commits on its own through
 * {@link ProctoringSessions} (one row, optimistic lock, rerun on conflict); analysis runs before it, outside any
 * transaction, so that no row is locked while a picture is analysed. The end itself is one such change, decided on
 * the row: an attempt ends once, whoever ends it first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class MonitoringLifecycle {

    /** The longest reason staff can give for pausing, resuming or ending a student's monitoring. */
    public static final int MAX_REASON = 500;

    @Inject
    JourneySteps steps;

    @Inject
    ProctoringSessions sessions;

    @Inject
    Results results;

    @Inject
    Incidents incidents;

    @Inject
    RecentFrames recentFrames;

    @Inject
    Timelines timelines;

    @Inject
    AuditLog audit;

    @Inject
    AssessmentControl control;

    Clock clock = Clock.systemUTC();

    public JourneyView end(SessionId id, ToolSession student) {
        Instant now = clock.instant();
        JourneyView after = steps.step(id, student, "end the exam", session -> {
            if (!session.end(now, EndReason.STUDENT)) {
                throw new IllegalStateException("already ended");
            }
        });
        afterEnd(after.session(), now);
        return after;
    }

    /**
     * The exam-page agent saw the student on a quiz page (the monitor it embeds there reports it). The page that shows
     * the quiz submitted ends the attempt, and its result goes out at once. A quiz page seen after the end is kept
     * too, and where it shows the quiz went on (the student had ended monitoring, or attempt pages after a
     * "submitted" one) the result is measured again: the quiz went on unwatched.
     */
    public JourneyView quizPageSeen(SessionId id, ToolSession student, QuizPage page, Instant at) {
        ProctoringSession session = sessions.of(id, student);
        if (session.state() != SessionState.MONITORING && session.state() != SessionState.PAUSED
                && session.state() != SessionState.ENDED) {
            throw SessionRefusals.wrongState("report a quiz page", session.state().id());
        }
        Instant now = clock.instant();
        Instant seen = ItemBounds.capturedAt(at, now);
        if (!timelines.recordSighting(id, page, seen)) {
            return steps.of(session);
        }
        if (session.state() != SessionState.ENDED) {
            if (page != QuizPage.SUBMITTED) {
                return steps.of(session);
            }
            ProctoringSession ended = sessions.endNow(id, now, EndReason.QUIZ_SUBMITTED);
            if (ended != null) {
                afterEnd(ended, now);
                return steps.of(ended);
            }
            return steps.of(sessions.byId(id));
        }
        // a quiz page after the end: measured again when it shows the quiz went on (not a look at the results)
        EndReason reason = session.endReason().orElse(EndReason.STUDENT);
        boolean work = page == QuizPage.ATTEMPT || page == QuizPage.SUMMARY;
        if (((reason == EndReason.STUDENT || reason == EndReason.ABANDONED || reason == EndReason.CLOSED)
                && page != QuizPage.QUIZ)
                || (reason == EndReason.QUIZ_SUBMITTED && work)) {
            results.finish(session);
        }
        return steps.of(session);
    }

    /**
     * Ends attempts the monitor gave no sign of for longer than the set time (the student closed the quiz and never
     * came back, the computer died): ended as abandoned, so that the result says the attempt is incomplete, memory
     * forgets it and retention applies. Returns the attempts ended.
     */
    public List<SessionId> endAbandoned(Duration silence) {
        Instant now = clock.instant();
        List<SessionId> ended = new ArrayList<>();
        for (SessionId id : sessions.silentSince(now.minus(silence))) {
            ProctoringSession session = sessions.endNow(id, now, EndReason.ABANDONED);
            if (session != null) {
                afterEnd(session, now);
                ended.add(id);
            }
        }
        return ended;
    }

    /**
     * Ends the attempts whose quiz closed longer than {@code grace} ago (the platform's close time for the student,
     * else the exam's, plus the student's extra time): their results go to the gradebook. Returns the attempts ended.
     */
    public List<SessionId> endClosed(Duration grace) {
        Instant now = clock.instant();
        List<SessionId> ended = new ArrayList<>();
        for (SessionId id : sessions.closedBefore(now.minus(grace))) {
            ProctoringSession session = sessions.endNow(id, now, EndReason.CLOSED);
            if (session != null) {
                afterEnd(session, now);
                ended.add(id);
            }
        }
        return ended;
    }

    /** The platform ended the assessment (LtiEndAssessment): the student's running attempt at that exam ends. */
    public Optional<ProctoringSession> endByPlatform(PlatformId platformId, ExamId examId, UserId userId) {
        Instant now = clock.instant();
        return sessions.runningOf(platformId, examId, userId).map(id -> sessions.endNow(id, now, EndReason.PLATFORM))
                .map(session -> {
                    afterEnd(session, now);
                    return session;
                });
    }

    private void afterEnd(ProctoringSession session, Instant now) {
        incidents.closeAll(session.sessionId(), now);
        results.finish(session);
        recentFrames.forget(session.sessionId());
    }

    /**
     * An instructor ends a student's monitoring, with a reason: audited, the attempt's incidents closed and its
     * result computed as if the student had ended.
     */
    public void endByStaff(ToolSession staff, SessionId sessionId, String reason) {
        String why = requireReason(reason, "end");
        requireStaff(staff, sessionId);
        Instant now = clock.instant();
        ProctoringSession ended = sessions.endNow(sessionId, now, EndReason.STAFF);
        if (ended == null) {
            throw SessionRefusals.wrongState("end this attempt", sessions.byId(sessionId).state().id());
        }
        audit.record(staff, "end-session", "session:" + sessionId, why);
        afterEnd(ended, now);
    }

    /**
     * An instructor pauses a student's monitoring (a break, an alarm, a technical problem), with a reason the student
     * is shown: audited; incidents still open are closed at this moment, and nothing is analysed until it resumes.
     */
    public void pauseByStaff(ToolSession staff, SessionId sessionId, String reason) {
        String why = requireReason(reason, "pause");
        requireStaff(staff, sessionId);
        Instant now = clock.instant();
        sessions.changeByStaff(sessionId, "pause monitoring", session -> session.pause(now, why));
        audit.record(staff, "pause-session", "session:" + sessionId, why);
        incidents.closeAll(sessionId, now);
        recentFrames.forget(sessionId);
        control.paused(sessionId, why, now);
    }

    /** Monitoring of a paused student goes on; audited with the reason. */
    public void resumeByStaff(ToolSession staff, SessionId sessionId, String reason) {
        String why = requireReason(reason, "resume");
        requireStaff(staff, sessionId);
        Instant now = clock.instant();
        sessions.changeByStaff(sessionId, "resume monitoring", session -> session.resume(now));
        audit.record(staff, "resume-session", "session:" + sessionId, why);
        control.resumed(sessionId, why, now);
    }

    /**
     * The platform's Assessment Control Service answered that the attempt is over (it terminated it, or the learner
     * completed it): Invigil's side ends too, and its result goes out. Nothing happens if it had already ended.
     */
    void platformEnded(@Observes PlatformEndedAttempt event) {
        Instant now = clock.instant();
        ProctoringSession session = sessions.endNow(event.sessionId(), now, EndReason.PLATFORM);
        if (session != null) {
            afterEnd(session, now);
        }
    }

    private static String requireReason(String reason, String action) {
        if (reason == null || reason.isBlank()) {
            throw StepRefused.reasonMissing(action);
        }
        String why = reason.strip();
        if (why.length() > MAX_REASON) {
            throw StepRefused.reasonTooLong(MAX_REASON, why.length());
        }
        return why;
    }

    private void requireStaff(ToolSession staff, SessionId sessionId) {
        ProctoringSession session = sessions.byId(sessionId);
        StaffAccess.forExam(staff, session.exam(), Optional.of(session.platform()));
    }
}
