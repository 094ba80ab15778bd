package org.invigil.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.invigil.audit.control.AuditLog;
import org.invigil.exam.control.Exams;
import org.invigil.session.entity.ProctoringSession;

/** One attempt's purge, in its own transaction. */
@ApplicationScoped
public class RetentionPurge {

    /** What an attempt loses; the incidents in words and the result stay. */
    static final List<String> PURGED = List.of("EvidenceFrame", "Observation", "BrowserEvent", "ReceivedItem",
            "LivenessChallenge", "QuizSighting");

    @PersistenceContext
    EntityManager em;

    @Inject
    Exams exams;

    @Inject
    AuditLog audit;

    /**
     * The attempts whose retention period has passed: since they ended, or, for an attempt that never ended
     * (abandoned), since anything last happened in it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> due(Instant now) {
        return em.createQuery("select s from ProctoringSession s where s.purgedAt is null", ProctoringSession.class)
                .getResultList().stream()
                .filter(s -> {
                    int days = exams.byId(s.exam()).map(exam -> s.retentionDays(exam.settings().retentionDays()))
                            .orElse(0);
                    return s.isDueForPurge(now, days) || s.isAbandoned(now, days);
                })
                .map(ProctoringSession::id).toList();
    }

    /**
     * Deletes the attempt's evidence, analyses, events and face data, and destroys its data key, so that nothing
     * sealed under it can be opened again wherever a copy survives.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean purge(String sessionId, Instant now) {
        ProctoringSession session = em.find(ProctoringSession.class, sessionId);
        if (session == null || session.purgedAt().isPresent()) {
            return false;
        }
        for (String entity : PURGED) {
            em.createQuery("delete from " + entity + " e where e.sessionId = :session")
                    .setParameter("session", sessionId).executeUpdate();
        }
        em.createQuery("update Incident i set i.evidenceCount = 0 where i.sessionId = :session")
                .setParameter("session", sessionId).executeUpdate();
        boolean abandoned = session.endedAt().isEmpty();
        session.purged(now);
        audit.recordSystem("retention", "Retention", session.platform(), "attempt.purged", "session:" + sessionId,
                "Evidence, analyses, events and face data deleted and the data key destroyed: the retention period "
                        + "passed since the attempt " + (abandoned ? "was last active (it never ended)" : "ended")
                        + ".");
        return true;
    }
}
