package org.invigil.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.invigil.access.entity.ToolSession;
import org.invigil.audit.entity.AuditEntry;
import org.invigil.ids.entity.PlatformId;

/** Writes and reads the audit log. */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Transactional
    public void record(ToolSession actor, String action, String subject, String detail) {
        em.persist(new AuditEntry(clock.instant(), actor.userId(), actor.userName(), actor.registrationId(),
                actor.contextId().orElse(null), action, subject, detail));
    }

    /**
     * An action by someone who is not a launched user: the tool administrator (admin API) or Dynamic Registration
     * on behalf of an LMS administrator.
     */
    @Transactional
    public void recordSystem(String actorId, String actorName, PlatformId platformId, String action, String subject,
                             String detail) {
        String platformIdValue = platformId.value();
        em.persist(new AuditEntry(clock.instant(), actorId, actorName, platformIdValue, null, action, subject, detail));
    }

    @Transactional
    public List<AuditEntry> about(String subject) {
        return em.createQuery("select a from AuditEntry a where a.subject = :subject order by a.occurredAt",
                AuditEntry.class).setParameter("subject", subject).getResultList();
    }
}
