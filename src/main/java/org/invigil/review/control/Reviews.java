package org.invigil.review.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.invigil.access.control.StaffAccess;
import org.invigil.access.entity.ToolSession;
import org.invigil.assessment.control.AssessmentControl;
import org.invigil.audit.control.AuditLog;
import org.invigil.audit.entity.AuditEntry;
import org.invigil.crypto.control.Aead;
import org.invigil.exam.control.Exams;
import org.invigil.grades.control.Gradebook;
import org.invigil.grades.entity.Score;
import org.invigil.identity.control.References;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.SessionId;
import org.invigil.integrity.control.GradeOutbox;
import org.invigil.integrity.entity.IntegrityResult;
import org.invigil.integrity.entity.ReviewState;
import org.invigil.monitoring.control.Incidents;
import org.invigil.monitoring.entity.Incident;
import org.invigil.notification.control.Notifications;
import org.invigil.refusal.entity.Refusal.Kind;
import org.invigil.review.entity.Decision;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.ProctoringSession;

/**
 * Reviewing attempts: the queue of an exam, most in need of a person first; an attempt's incidents, evidence and
 * decisions; decisions on incidents and on the attempt, the latter sent to the gradebook. Only the exam's staff may
 * review, and everything they open or decide is audited.
 */
@ApplicationScoped
public class Reviews {

    @Inject
    AssessmentControl control;

    @PersistenceContext
    EntityManager em;

    @Inject
    ProctoringSessions sessions;

    @Inject
    Incidents incidents;

    @Inject
    GradeOutbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Exams exams;

    @Inject
    References references;

    @Inject
    Notifications notifications;

    Clock clock = Clock.systemUTC();

    /** One attempt in the review queue. */
    public record QueueEntry(ProctoringSession session, Optional<IntegrityResult> result, int incidents) {
    }

    /** An attempt as a reviewer sees it. */
    public record Detail(ProctoringSession session, Optional<IntegrityResult> result, List<Incident> incidents,
                         List<Decision> decisions, boolean referenceOnFile) {
    }

    /**
     * The exam's attempts: those that need a person first (lowest score first), then the ones still running, then
     * those that need no review, then those already reviewed.
     */
    /** An exam with how many of its attempts wait for a person; for integrity officers' overview. */
    public record ExamLine(String examId, String title, String course, int attempts, int needReview) {
    }

    /** Every exam of the officer's platform, those with attempts waiting for a person first. */
    @Transactional
    public List<ExamLine> examsOfPlatform(ToolSession officer) {
        if (!officer.isIntegrityOfficer()) {
            throw new ReviewRefused(Kind.NOT_YOURS, "officers_only", "For integrity officers",
                    "Only your institution's academic integrity officers see every course.");
        }
        audit.record(officer, "view-exams", "platform:" + officer.registrationId(), null);
        return exams.ofPlatform(officer.platform()).stream().map(exam -> {
            List<ProctoringSession> attempts = sessions.ofExam(exam.examId());
            int waiting = (int) attempts.stream().filter(s -> result(s.id()).map(IntegrityResult::reviewState)
                    .filter(ReviewState.NEEDS_REVIEW::equals).isPresent()).count();
            return new ExamLine(exam.id(), exam.title(), exam.contextTitle().orElse(""), attempts.size(), waiting);
        }).sorted(Comparator.comparingInt(ExamLine::needReview).reversed().thenComparing(ExamLine::course))
                .toList();
    }

    @Transactional
    public List<QueueEntry> queue(ToolSession staff, ExamId examId) {
        exams.reviewer(staff, examId);
        audit.record(staff, "view-queue", "exam:" + examId, null);
        return sessions.ofExam(examId).stream()
                .map(session -> new QueueEntry(session, result(session.id()), incidents.of(session.sessionId()).size()))
                .sorted(Comparator.comparingInt(Reviews::urgency)
                        .thenComparingInt(entry -> entry.result().map(IntegrityResult::score).orElse(100))
                        .thenComparing(entry -> entry.session().userName()))
                .toList();
    }

    @Transactional
    public Detail detail(ToolSession staff, String sessionId) {
        ProctoringSession session = reviewable(staff, sessionId);
        audit.record(staff, "view-session", "session:" + sessionId, session.userName());
        return new Detail(session, result(sessionId), incidents.of(session.sessionId()), decisions(sessionId),
                references.photoForReview(session.platform(), session.contextId().orElse(""), session.user())
                        .isPresent());
    }

    /** The student's reference photo ({@code reference}) or the picture taken at the identity check ({@code capture}). */
    @Transactional
    public Optional<byte[]> identityPicture(ToolSession staff, String sessionId, String which) {
        ProctoringSession session = reviewable(staff, sessionId);
        audit.record(staff, "view-identity", "session:" + sessionId, which);
        if ("capture".equals(which)) {
            return session.sealedIdentityCapture().map(sealed -> Aead.open(
                    sessions.dataKey(session), sealed, session.identityCaptureAssociatedData()));
        }
        return references.photoForReview(session.platform(), session.contextId().orElse(""), session.user());
    }

    @Transactional
    public byte[] evidence(ToolSession staff, String sessionId, String frameId) {
        reviewable(staff, sessionId);
        audit.record(staff, "view-evidence", "session:" + sessionId, "frame " + frameId);
        return incidents.openEvidence(SessionId.of(sessionId), frameId);
    }

    @Transactional
    public Decision decideIncident(ToolSession staff, String sessionId, String incidentId, Decision.Outcome outcome,
                                   String note) {
        ProctoringSession session = reviewable(staff, sessionId);
        if (incidents.of(session.sessionId()).stream().noneMatch(incident -> incident.id().equals(incidentId))) {
            throw new ReviewRefused(Kind.UNKNOWN, "incident_unknown", "No such incident",
                    "There is no incident " + incidentId + " in this attempt.");
        }
        Decision decision = new Decision(sessionId, incidentId, outcome, note, staff.userId(), staff.userName(),
                clock.instant());
        em.persist(decision);
        audit.record(staff, "decide-incident", "session:" + sessionId, incidentId + ": " + outcome.id()
                + (note == null ? "" : " — " + note));
        return decision;
    }

    /**
     * Decides the attempt. Cleared and confirmed are final and reach the gradebook as FullyGraded (cleared: 100;
     * confirmed: the computed score), the decision and note in the comment; follow-up keeps the grade pending.
     */
    @Transactional
    public Decision decideSession(ToolSession staff, String sessionId, Decision.Outcome outcome, String note) {
        ProctoringSession session = reviewable(staff, sessionId);
        IntegrityResult result = result(sessionId).orElseThrow(() -> new ReviewRefused(Kind.NOT_NOW,
                "attempt_not_finished", "Not finished", "This attempt has not ended yet; decide once it has."));
        Decision decision = new Decision(sessionId, null, outcome, note, staff.userId(), staff.userName(),
                clock.instant());
        em.persist(decision);
        boolean finalDecision = outcome != Decision.Outcome.FOLLOW_UP;
        if (finalDecision) {
            result.reviewed();
        }
        double score = outcome == Decision.Outcome.CLEARED ? Gradebook.SCORE_MAXIMUM : result.score();
        String comment = "Reviewed by " + staff.userName() + ": " + outcome.id()
                + (decision.note().map(text -> " — " + text).orElse(""));
        outbox.enqueue(session.exam(), session.sessionId(), session.user(), Gradebook.Column.INTEGRITY,
                Optional.of(score),
                comment, Score.ActivityProgress.Completed,
                finalDecision ? Score.GradingProgress.FullyGraded : Score.GradingProgress.PendingManual);
        outbox.kick();
        control.outcome(session.sessionId(), (int) Math.round(score), outcome != Decision.Outcome.CLEARED, comment,
                decision.decidedAt());
        if (finalDecision) {
            notifications.reviewed(session, (int) Math.round(score), outcome.id());
        }
        audit.record(staff, "decide-session", "session:" + sessionId, outcome.id() + (note == null ? "" : " — " + note));
        return decision;
    }

    @Transactional
    public List<AuditEntry> auditOf(ToolSession staff, String sessionId) {
        reviewable(staff, sessionId);
        return audit.about("session:" + sessionId);
    }

    /**
     * What was done to the exam: its settings, accommodations and reference photos changed, its queue and report
     * viewed and exported; oldest first.
     */
    @Transactional
    public List<AuditEntry> auditOfExam(ToolSession staff, ExamId examId) {
        exams.reviewer(staff, examId);
        return audit.about("exam:" + examId);
    }

    private ProctoringSession reviewable(ToolSession staff, String sessionId) {
        ProctoringSession session = sessions.byId(SessionId.of(sessionId));
        StaffAccess.forExam(staff, session.exam(), Optional.of(session.platform()));
        return session;
    }

    private Optional<IntegrityResult> result(String sessionId) {
        return Optional.ofNullable(em.find(IntegrityResult.class, sessionId));
    }

    private List<Decision> decisions(String sessionId) {
        return em.createQuery("select d from Decision d where d.sessionId = :session order by d.decidedAt",
                Decision.class).setParameter("session", sessionId).getResultList();
    }

    private static int urgency(QueueEntry entry) {
        ReviewState state = entry.result().map(IntegrityResult::reviewState).orElse(null);
        if (state == ReviewState.NEEDS_REVIEW) {
            return 0;
        }
        if (state == null) {
            return 1;
        }
        return state == ReviewState.NO_REVIEW_NEEDED ? 2 : 3;
    }
}
