package org.invigil.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.invigil.exam.control.Exams;
import org.invigil.session.entity.ProctoringSession;

/** One attempt's purge, in its own transaction. */
@ApplicationScoped
public class RetentionPurge {

    @PersistenceContext
    EntityManager em;

    @Inject
    Exams exams;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> due(Instant now) {
        return em.createQuery("select s from ProctoringSession s where s.endedAt is not null and s.purgedAt is null",
                        ProctoringSession.class).getResultList().stream()
                .filter(s -> exams.byId(s.examId())
                        .map(exam -> s.isDueForPurge(now, s.retentionDays(exam.settings().retentionDays())))
                        .orElse(true))
                .map(ProctoringSession::id).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean purge(String sessionId, Instant now) {
        ProctoringSession session = em.find(ProctoringSession.class, sessionId);
        if (session == null || session.purgedAt().isPresent()) {
            return false;
        }
        for (String entity : List.of("EvidenceFrame", "Observation", "BrowserEvent", "ReceivedItem", "QuizSighting")) {
            em.createQuery("delete from " + entity + " e where e.sessionId = :session")
                    .setParameter("session", sessionId).executeUpdate();
        }
        em.createQuery("update Incident i set i.evidenceCount = 0 where i.sessionId = :session")
                .setParameter("session", sessionId).executeUpdate();
        session.purged(now);
        return true;
    }
}
