package org.invigil.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.invigil.ids.entity.SessionId;
import org.invigil.monitoring.entity.ReceivedItem;
import org.invigil.monitoring.entity.SessionItemKey;

/** Which client sequence numbers a session has delivered. */
@ApplicationScoped
public class Receipts {

    @PersistenceContext
    EntityManager em;

    @Transactional
    public boolean seen(String sessionId, long sequence) {
        return em.find(ReceivedItem.class, new SessionItemKey(sessionId, sequence)) != null;
    }

    /** Records the number within the caller's transaction; false if it was already there. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(String sessionId, long sequence, Instant at) {
        if (em.find(ReceivedItem.class, new SessionItemKey(sessionId, sequence)) != null) {
            return false;
        }
        em.persist(new ReceivedItem(sessionId, sequence, at));
        return true;
    }

    /** The first number the client should use: one past the highest received. */
    @Transactional
    public long next(SessionId sessionId) {
        String sessionIdValue = sessionId.value();
        Long max = em.createQuery("select max(r.sequence) from ReceivedItem r where r.sessionId = :session", Long.class)
                .setParameter("session", sessionIdValue).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
