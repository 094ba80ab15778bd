package org.invigil.journey.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.invigil.access.entity.ToolSession;
import org.invigil.crypto.control.Aead;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.ExamSettings;
import org.invigil.exam.entity.ExamSummary;
import org.invigil.identity.control.Descriptors;
import org.invigil.identity.control.IdentityCheck;
import org.invigil.identity.control.Liveness;
import org.invigil.identity.control.LivenessEvaluation;
import org.invigil.identity.control.Pictures;
import org.invigil.identity.control.References;
import org.invigil.identity.entity.LivenessChallenge;
import org.invigil.integrity.control.Results;
import org.invigil.monitoring.control.FrameIngestion;
import org.invigil.monitoring.control.Finding;
import org.invigil.monitoring.control.Incidents;
import org.invigil.monitoring.control.ItemBounds;
import org.invigil.monitoring.control.Receipts;
import org.invigil.monitoring.control.RecentFrames;
import org.invigil.monitoring.control.Timelines;
import org.invigil.monitoring.entity.QuizPage;
import org.invigil.monitoring.entity.Rule;
import org.invigil.session.control.ConsentText;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.control.SessionRefusals;
import org.invigil.session.entity.EndReason;
import org.invigil.session.entity.IdentityStatus;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.session.entity.SessionState;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/**
 * Each step of the student's journey. Every step is taken on behalf of the student the tool session names and only
 * in its turn; none is a dead end: a check that cannot be passed hands the decision to a person and lets the
 * student continue. Reaching "ready" releases the quiz through the gate column.
 */
@ApplicationScoped
public class Journey {

    /** The longest reason staff can give for pausing, resuming or ending a student's monitoring. */
    public static final int MAX_REASON = 500;

    @Inject
    ProctoringSessions sessions;

    @Inject
    Exams exams;

    @Inject
    References references;

    @Inject
    IdentityCheck identityCheck;

    @Inject
    Liveness liveness;

    @Inject
    Pictures pictures;

    @Inject
    Results results;

    @Inject
    Incidents incidents;

    @Inject
    Receipts receipts;

    @Inject
    RecentFrames recentFrames;

    @Inject
    Timelines timelines;

    @Inject
    org.invigil.audit.control.AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** What the client needs to render the session. */
    /**
     * The attempt as its student sees it; {@code closesAt} is when its quiz closes for this student (with their extra
     * time), when a close time is known.
     */
    public record View(ProctoringSession session, ExamSummary exam, Set<Check> active, ConsentText consent,
                       String referenceSource, int identityAttemptsLeft, int livenessAttemptsLeft, long nextSequence,
                       Optional<Instant> closesAt) {
    }

    public record IdentityResult(String status, String message, int attemptsLeft, View view) {
    }

    public record LivenessResult(boolean passed, String message, int attemptsLeft, View view) {
    }

    public View current(ToolSession student) {
        return view(sessions.currentFor(student));
    }

    public View view(String id, ToolSession student) {
        return view(sessions.of(id, student));
    }

    /** Only checks that the session is the student's: the cheap check for every upload. */
    public void requireOwn(String id, ToolSession student) {
        sessions.of(id, student);
    }

    public View consent(String id, ToolSession student, boolean accept, String version) {
        View before = view(id, student);
        if (!before.consent().version().equals(version)) {
            throw new ProblemException(new Problem(409, "consent_changed", "The consent text changed",
                    "The consent text changed since you read it; read it again before deciding."));
        }
        Instant now = clock.instant();
        return step(id, student, accept ? "give consent" : "decline",
                session -> {
                    if (accept) {
                        session.consent(version, now, before.active(), before.exam().settings().retentionDays());
                    } else {
                        session.decline(version, now);
                    }
                });
    }

    public SystemCheck.Advice systemCheck(String id, ToolSession student, byte[] jpeg) {
        View before = view(id, student);
        requireState(before.session(), SessionState.SYSTEM_CHECK, "run the camera check");
        SystemCheck.Advice advice = SystemCheck.of(pictures.analyse(jpeg));
        Set<Check> active = before.active();
        step(id, student, "finish the system check", session -> session.passSystemCheck(
                active.contains(Check.IDENTITY), active.contains(Check.LIVENESS)));
        return advice;
    }

    public IdentityResult identity(String id, ToolSession student, byte[] jpeg) {
        View before = view(id, student);
        ProctoringSession session = before.session();
        requireState(session, SessionState.IDENTITY, "check your identity");
        IdentityCheck.Outcome outcome = identityCheck.check(session.platformId(), session.contextId().orElse(""),
                session.userId(), session.lmsPicture(), jpeg);
        boolean livenessStep = before.active().contains(Check.LIVENESS);
        Optional<Double> score = outcome.comparison().map(c -> c.score());
        int attempts = before.exam().settings().identityAttempts();
        if (session.identityAttempts() >= attempts) {
            throw attemptsUsed();
        }
        String[] status = new String[1];
        View after;
        switch (outcome.kind()) {
            case NO_FACE, SEVERAL_FACES -> {
                status[0] = "retry";
                after = step(id, student, "check your identity", ProctoringSession::retryIdentity);
            }
            case NO_MATCH -> after = step(id, student, "check your identity", s -> {
                // decided on the row this transaction changes: parallel captures cannot go past the limit
                if (s.identityAttempts() >= attempts) {
                    throw attemptsUsed();
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
                after = step(id, student, "check your identity", s -> {
                    if (s.identityAttempts() >= attempts) {
                        throw attemptsUsed();
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
                    outcome.comparison().map(c -> String.format(java.util.Locale.ROOT,
                            "capture within %.3f of the %s reference photo", c.score(), outcome.reference()))
                            .orElse("capture too close to the reference photo"));
        }
        return new IdentityResult(status[0], message, after.identityAttemptsLeft(), after);
    }

    private static ProblemException attemptsUsed() {
        return new ProblemException(new Problem(409, "identity_attempts_used", "No identity attempts left",
                "All identity attempts of this exam are used; a person will check your identity."));
    }

    /** The student asks a person to check instead of trying again (identity or liveness). */
    public View review(String id, ToolSession student) {
        View before = view(id, student);
        boolean livenessStep = before.active().contains(Check.LIVENESS);
        return step(id, student, "ask for a review", session -> {
            if (session.state() == SessionState.LIVENESS) {
                session.requestLivenessReview();
            } else {
                session.requestIdentityReview(livenessStep);
            }
        });
    }

    public LivenessChallenge startLiveness(String id, ToolSession student) {
        ProctoringSession session = sessions.of(id, student);
        requireState(session, SessionState.LIVENESS, "start the liveness check");
        return liveness.start(session.id());
    }

    /** How long each liveness step takes frames after it is handed out. */
    public java.time.Duration livenessStepWindow() {
        return liveness.stepWindow();
    }

    /** Closes the open liveness step and hands out the next one. */
    public LivenessChallenge nextLivenessStep(String id, ToolSession student, String challenge) {
        ProctoringSession session = sessions.of(id, student);
        requireState(session, SessionState.LIVENESS, "take the next liveness step");
        return liveness.next(session.id(), challenge);
    }

    /** One frame of the open step, its face compared with the identity capture's and the reference photo's. */
    public void livenessFrame(String id, ToolSession student, String challenge, int step, byte[] jpeg) {
        ProctoringSession session = sessions.of(id, student);
        requireState(session, SessionState.LIVENESS, "send liveness pictures");
        Optional<org.invigil.vision.entity.FaceDescriptor> identity = session.sealedBaselineDescriptor()
                .map(sealed -> Descriptors.decode(Aead.open(sessions.dataKey(session), sealed,
                        FrameIngestion.baselineAad(session.id()))));
        Optional<org.invigil.vision.entity.FaceDescriptor> reference = references.best(session.platformId(),
                session.contextId().orElse(""), session.userId(), Optional.empty()).map(References.Reference::descriptor);
        liveness.frame(session.id(), challenge, step, jpeg, identity, reference);
    }

    public LivenessResult completeLiveness(String id, ToolSession student, String challenge) {
        View before = view(id, student);
        requireState(before.session(), SessionState.LIVENESS, "finish the liveness check");
        LivenessEvaluation.Verdict verdict = liveness.complete(before.session().id(), challenge);
        int attempts = before.exam().settings().identityAttempts();
        boolean[] lastAttempt = new boolean[1];
        View after = step(id, student, "finish the liveness check", session -> {
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

    /** The first sequence number of a new monitor's own block. */
    public long allocateMonitor(String id, ToolSession student) {
        long[] start = new long[1];
        step(id, student, "start a monitor", session -> start[0] = session.allocateMonitorBlock());
        return start[0];
    }

    public View start(String id, ToolSession student) {
        Instant now = clock.instant();
        return step(id, student, "start monitoring", session -> session.startMonitoring(now));
    }

    public View end(String id, ToolSession student) {
        Instant now = clock.instant();
        View after = step(id, student, "end the exam", session -> {
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
    public View quizPageSeen(String id, ToolSession student, QuizPage page, Instant at) {
        ProctoringSession session = sessions.of(id, student);
        if (session.state() != SessionState.MONITORING && session.state() != SessionState.PAUSED
                && session.state() != SessionState.ENDED) {
            throw SessionRefusals.wrongState("report a quiz page", session.state().id());
        }
        Instant now = clock.instant();
        Instant seen = ItemBounds.capturedAt(at, now);
        if (!timelines.recordSighting(id, page, seen)) {
            return view(session);
        }
        if (session.state() != SessionState.ENDED) {
            if (page != QuizPage.SUBMITTED) {
                return view(session);
            }
            ProctoringSession ended = sessions.endNow(id, now, EndReason.QUIZ_SUBMITTED);
            if (ended != null) {
                afterEnd(ended, now);
                return view(ended);
            }
            return view(sessions.byId(id));
        }
        // a quiz page after the end: measured again when it shows the quiz went on (not a look at the results)
        EndReason reason = session.endReason().orElse(EndReason.STUDENT);
        boolean work = page == QuizPage.ATTEMPT || page == QuizPage.SUMMARY;
        if (((reason == EndReason.STUDENT || reason == EndReason.ABANDONED || reason == EndReason.CLOSED)
                && page != QuizPage.QUIZ)
                || (reason == EndReason.QUIZ_SUBMITTED && work)) {
            results.finish(session);
        }
        return view(session);
    }

    /**
     * Ends attempts the monitor gave no sign of for longer than the set time (the student closed the quiz and never
     * came back, the computer died): ended as abandoned, so that the result says the attempt is incomplete, memory
     * forgets it and retention applies. Returns the attempts ended.
     */
    public List<String> endAbandoned(Duration silence) {
        Instant now = clock.instant();
        List<String> ended = new ArrayList<>();
        for (String id : sessions.silentSince(now.minus(silence))) {
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
    public List<String> endClosed(Duration grace) {
        Instant now = clock.instant();
        List<String> ended = new ArrayList<>();
        for (String id : sessions.closedBefore(now.minus(grace))) {
            ProctoringSession session = sessions.endNow(id, now, EndReason.CLOSED);
            if (session != null) {
                afterEnd(session, now);
                ended.add(id);
            }
        }
        return ended;
    }

    /** The platform ended the assessment (LtiEndAssessment): the student's running attempt at that exam ends. */
    public Optional<ProctoringSession> endByPlatform(String platformId, String examId, String userId) {
        Instant now = clock.instant();
        return sessions.runningOf(platformId, examId, userId).map(id -> sessions.endNow(id, now, EndReason.PLATFORM))
                .map(session -> {
                    afterEnd(session, now);
                    return session;
                });
    }

    private void afterEnd(ProctoringSession session, Instant now) {
        incidents.closeAll(session.id(), now);
        results.finish(session);
        recentFrames.forget(session.id());
    }

    /**
     * An instructor ends a student's monitoring, with a reason: audited, the attempt's incidents closed and its
     * result computed as if the student had ended.
     */
    public void endByStaff(ToolSession staff, String sessionId, String reason) {
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
    public void pauseByStaff(ToolSession staff, String sessionId, String reason) {
        String why = requireReason(reason, "pause");
        requireStaff(staff, sessionId);
        Instant now = clock.instant();
        sessions.changeByStaff(sessionId, "pause monitoring", session -> session.pause(now, why));
        audit.record(staff, "pause-session", "session:" + sessionId, why);
        incidents.closeAll(sessionId, now);
        recentFrames.forget(sessionId);
    }

    /** Monitoring of a paused student goes on; audited with the reason. */
    public void resumeByStaff(ToolSession staff, String sessionId, String reason) {
        String why = requireReason(reason, "resume");
        requireStaff(staff, sessionId);
        Instant now = clock.instant();
        sessions.changeByStaff(sessionId, "resume monitoring", session -> session.resume(now));
        audit.record(staff, "resume-session", "session:" + sessionId, why);
    }

    private static String requireReason(String reason, String action) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException(Problem.badRequest("reason_missing",
                    "Say why you " + action + " this student's monitoring; the student and reviewers will see it."));
        }
        String why = reason.strip();
        if (why.length() > MAX_REASON) {
            throw new ProblemException(Problem.badRequest("reason_too_long",
                    "Keep the reason under " + MAX_REASON + " characters; it has " + why.length() + "."));
        }
        return why;
    }

    private void requireStaff(ToolSession staff, String sessionId) {
        ProctoringSession session = sessions.byId(sessionId);
        org.invigil.access.control.StaffAccess.forExam(staff, session.examId(), session.platformId());
    }

    private void keepBaseline(ProctoringSession session, IdentityCheck.Outcome outcome, byte[] capture) {
        byte[] key = sessions.dataKey(session);
        outcome.captured().ifPresent(descriptor -> session.keepBaselineDescriptor(Aead.seal(key,
                Descriptors.encode(descriptor), FrameIngestion.baselineAad(session.id()))));
        session.keepIdentityCapture(Aead.seal(key, capture, session.identityCaptureAssociatedData()));
    }

    private View step(String id, ToolSession student, String action, Consumer<ProctoringSession> change) {
        SessionState[] before = new SessionState[1];
        ProctoringSession session = sessions.change(id, student, action, s -> {
            before[0] = s.state();
            change.accept(s);
        });
        if (before[0] != SessionState.READY && session.state() == SessionState.READY) {
            results.passGate(session);
        }
        return view(session);
    }

    private View view(ProctoringSession session) {
        ExamSummary exam = exams.summary(session.examId()).orElseThrow(SessionRefusals::notYours);
        ExamSettings settings = exam.settings();
        Set<Check> active = sessions.activeChecks(session, settings);
        return new View(session, exam, active, ConsentText.of(settings, active.stream().sorted().toList()),
                references.sourceFor(session.platformId(), session.contextId().orElse(""), session.userId(),
                        session.lmsPicture()),
                Math.max(0, settings.identityAttempts() - session.identityAttempts()),
                Math.max(0, settings.identityAttempts() - session.livenessAttempts()),
                receipts.next(session.id()), sessions.closeTime(session));
    }

    private static void requireState(ProctoringSession session, SessionState state, String action) {
        if (session.state() != state) {
            throw SessionRefusals.wrongState(action, session.state().id());
        }
    }
}
