package org.invigil.session.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.invigil.access.entity.ToolSession;
import org.invigil.crypto.control.Aead;
import org.invigil.crypto.control.MasterKey;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.Exam;
import org.invigil.exam.entity.ExamSettings;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.PlatformId;
import org.invigil.ids.entity.SessionId;
import org.invigil.ids.entity.UserId;
import org.invigil.persistence.control.RetryOnConflict;
import org.invigil.session.entity.Accommodation;
import org.invigil.session.entity.AttemptStatus;
import org.invigil.session.entity.EndReason;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.session.entity.SessionState;

/** Finds, creates and moves proctoring sessions, always on behalf of the student the tool session names. */
@ApplicationScoped
public class ProctoringSessions {

    static final String DATA_KEY_PURPOSE = "session-data-key";

    @PersistenceContext
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    Exams exams;

    Clock clock = Clock.systemUTC();

    /** The student's current session for the exam of their launch, created at the first call. */
    @Transactional
    public ProctoringSession currentFor(ToolSession student) {
        if (student.isStaff()) {
            throw SessionRefusals.notALearner();
        }
        ExamId examId = student.exam().orElseThrow(SessionRefusals::notYours);
        List<ProctoringSession> existing = em.createQuery("select s from ProctoringSession s where s.examId = :exam "
                        + "and s.userId = :user order by s.createdAt desc", ProctoringSession.class)
                .setParameter("exam", examId.value()).setParameter("user", student.userId())
                .setMaxResults(1).getResultList();
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        Exam exam = exams.byId(examId).orElseThrow(SessionRefusals::notYours);
        ProctoringSession session = new ProctoringSession(exam.id(), exam.platformId(), exam.contextId().orElse(null),
                student.userId(), student.userName(), student.email().orElse(null), student.picture().orElse(null),
                activeChecks(exam.settings(), examId, student.user()).contains(Check.IDENTITY),
                masterKey.wrap(Aead.newKey(), DATA_KEY_PURPOSE), clock.instant());
        em.persist(session);
        return session;
    }

    /** The session, if it is this student's in this exam. */
    @Transactional
    public ProctoringSession of(SessionId id, ToolSession student) {
        ProctoringSession session = em.find(ProctoringSession.class, id.value());
        if (session == null) {
            throw SessionRefusals.notFound(id);
        }
        if (!session.userId().equals(student.userId()) || !student.examId().map(session.examId()::equals).orElse(false)
                || student.isStaff()) {
            throw SessionRefusals.notYours();
        }
        return session;
    }

    /** Applies one step of the journey to the student's session; a step out of order is a 409. */
    @RetryOnConflict
    @Transactional
    public ProctoringSession change(SessionId id, ToolSession student, String action,
                                    Consumer<ProctoringSession> step) {
        return apply(of(id, student), action, step);
    }

    /** Applies a staff action to an attempt (the caller checked the right); an action out of order is a 409. */
    @RetryOnConflict
    @Transactional
    public ProctoringSession changeByStaff(SessionId id, String action, Consumer<ProctoringSession> change) {
        return apply(byId(id), action, change);
    }

    private static ProctoringSession apply(ProctoringSession session, String action, Consumer<ProctoringSession> change) {
        try {
            change.accept(session);
        } catch (IllegalStateException e) {
            throw SessionRefusals.wrongState(action, session.state().id());
        }
        return session;
    }

    /** Ends the attempt now for that reason, whoever asks (the caller checked the right); null if it had ended. */
    @RetryOnConflict
    @Transactional
    public ProctoringSession endNow(SessionId id, Instant at, EndReason reason) {
        ProctoringSession session = byId(id);
        return session.end(at, reason) ? session : null;
    }

    /** Attempts being monitored (or paused) whose monitor gave its last sign before that time. */
    @Transactional
    public List<SessionId> silentSince(Instant before) {
        return em.createQuery("select s from ProctoringSession s where s.state in :running", ProctoringSession.class)
                .setParameter("running", List.of(SessionState.MONITORING, SessionState.PAUSED)).getResultStream()
                .filter(session -> session.lastActivity().isBefore(before))
                .map(ProctoringSession::id).map(SessionId::of).toList();
    }

    /**
     * Attempts being monitored (or paused) whose quiz closed before that time: closed by the platform's close time
     * for the student, else the exam's, each moved by the student's extra time.
     */
    @Transactional
    public List<SessionId> closedBefore(Instant before) {
        Map<String, Optional<Instant>> examCloses = new HashMap<>();
        return em.createQuery("select s from ProctoringSession s where s.state in :running", ProctoringSession.class)
                .setParameter("running", List.of(SessionState.MONITORING, SessionState.PAUSED)).getResultStream()
                .filter(session -> closeTime(session, examCloses.computeIfAbsent(session.examId(),
                        exam -> exams.byId(ExamId.of(exam)).flatMap(found -> found.settings().closesAt())))
                        .filter(at -> at.isBefore(before)).isPresent())
                .map(ProctoringSession::id).map(SessionId::of).toList();
    }

    /**
     * When the attempt's quiz closes for this student, with their extra time: the platform's close time for them,
     * else {@code examCloses} (the exam's, from its settings the caller holds); empty when neither is known.
     */
    @Transactional
    public Optional<Instant> closeTime(ProctoringSession session, Optional<Instant> examCloses) {
        Optional<Instant> close = session.platformClosesAt().or(() -> examCloses);
        if (close.isEmpty()) {
            return close;
        }
        Accommodation accommodation = em.find(Accommodation.class,
                new Accommodation.Key(session.examId(), session.userId()));
        return close.map(at -> at.plus(Duration.ofMinutes(accommodation == null ? 0 : accommodation.extraMinutes())));
    }

    /** Keeps the close time the platform sent with the student's launch (see {@link ProctoringSession#closesAt}). */
    @RetryOnConflict
    @Transactional
    public void learnCloseTime(SessionId id, Instant at) {
        byId(id).closesAt(at);
    }

    /** The student's attempt at that exam that is being monitored (or paused), if any. */
    @Transactional
    public Optional<SessionId> runningOf(PlatformId platformId, ExamId examId, UserId userId) {
        return em.createQuery("select s.id from ProctoringSession s where s.platformId = :platform "
                        + "and s.examId = :exam and s.userId = :user and s.state in :running", String.class)
                .setParameter("platform", platformId.value()).setParameter("exam", examId.value())
                .setParameter("user", userId.value())
                .setParameter("running", List.of(SessionState.MONITORING, SessionState.PAUSED))
                .setMaxResults(1).getResultStream().findFirst().map(SessionId::of);
    }

    @Transactional
    public ProctoringSession byId(SessionId id) {
        ProctoringSession session = em.find(ProctoringSession.class, id.value());
        if (session == null) {
            throw SessionRefusals.notFound(id);
        }
        return session;
    }

    /** The session's data key, unwrapped for one use; never stored unwrapped. */
    public byte[] dataKey(ProctoringSession session) {
        if (!session.hasDataKey()) {
            throw new DataKeyDestroyed(session.id());
        }
        return masterKey.unwrap(session.wrappedDataKey(), DATA_KEY_PURPOSE);
    }

    /**
     * The checks that apply to the attempt now: the exam's, less those the student's accommodation switches off,
     * within what the student consented to.
     */
    @Transactional
    public Set<Check> activeChecks(ProctoringSession session, ExamSettings settings) {
        return session.withinConsent(activeChecks(settings, ExamId.of(session.examId()), UserId.of(session.userId())));
    }

    /**
     * The attempts of the exam the check applies to now (the exam's settings, each student's accommodation, what
     * each student consented to), read in two queries whatever the number of attempts.
     */
    @Transactional
    public Set<String> attemptsWith(ExamId examId, ExamSettings settings, Check check) {
        if (!settings.enabled(check)) {
            return Set.of();
        }
        Map<String, Accommodation> accommodations = accommodations(examId);
        Set<String> with = new HashSet<>();
        em.createQuery("select s.id, s.userId, s.consentedChecks from ProctoringSession s where s.examId = :exam",
                Object[].class).setParameter("exam", examId.value()).getResultList().forEach(row -> {
                    Set<Check> inForce = inForce(settings, accommodations.get((String) row[1]));
                    if (ProctoringSession.withinConsent(inForce, (String) row[2]).contains(check)) {
                        with.add((String) row[0]);
                    }
                });
        return with;
    }

    /** The exam's checks less those the student's accommodation switches off. */
    @Transactional
    public Set<Check> activeChecks(ExamSettings settings, ExamId examId, UserId userId) {
        return inForce(settings, em.find(Accommodation.class, new Accommodation.Key(examId.value(), userId.value())));
    }

    /** The exam's checks less those the accommodation (may be null) switches off. */
    private static Set<Check> inForce(ExamSettings settings, Accommodation accommodation) {
        Set<Check> active = settings.checks().isEmpty() ? EnumSet.noneOf(Check.class) : EnumSet.copyOf(settings.checks());
        if (accommodation != null) {
            active.removeAll(accommodation.checksOff());
        }
        return active;
    }

    @Transactional
    public void accommodate(ExamId examId, UserId userId, Set<Check> off, int extraMinutes, String note) {
        Accommodation existing = em.find(Accommodation.class, new Accommodation.Key(examId.value(), userId.value()));
        if (existing == null) {
            em.persist(new Accommodation(examId.value(), userId.value(), off, extraMinutes, note));
        } else {
            existing.change(off, extraMinutes, note);
        }
    }

    /** The exam's accommodations, by student (LMS user id). */
    @Transactional
    public Map<String, Accommodation> accommodations(ExamId examId) {
        Map<String, Accommodation> byUser = new HashMap<>();
        em.createQuery("select a.userId, a from Accommodation a where a.examId = :exam", Object[].class)
                .setParameter("exam", examId.value()).getResultList()
                .forEach(row -> byUser.put((String) row[0], (Accommodation) row[1]));
        return byUser;
    }

    @Transactional
    public List<ProctoringSession> ofExam(ExamId examId) {
        return em.createQuery("select s from ProctoringSession s where s.examId = :exam order by s.userName",
                ProctoringSession.class).setParameter("exam", examId.value()).getResultList();
    }

    /** Every attempt of the exam, by student name, without its pictures. */
    @Transactional
    public List<AttemptStatus> statusOfExam(ExamId examId) {
        return em.createQuery("select s.id, s.userId, s.userName, s.state, s.lastFrameAt, s.pauseReason "
                        + "from ProctoringSession s where s.examId = :exam order by s.userName, s.id", Object[].class)
                .setParameter("exam", examId.value()).getResultList().stream()
                .map(row -> new AttemptStatus((String) row[0], (String) row[1], (String) row[2], (SessionState) row[3],
                        Optional.ofNullable((Instant) row[4]), Optional.ofNullable((String) row[5])))
                .toList();
    }

    @Transactional
    public List<ProctoringSession> monitoring() {
        return new ArrayList<>(em.createQuery("select s from ProctoringSession s where s.state = "
                + "org.invigil.session.entity.SessionState.MONITORING", ProctoringSession.class).getResultList());
    }

    public Clock clock() {
        return clock;
    }
}
