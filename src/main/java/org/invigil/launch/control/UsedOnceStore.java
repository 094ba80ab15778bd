package org.invigil.launch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.invigil.launch.entity.UsedOnce;

/** The table behind {@link OneTimeValues}; each insert commits on its own so a duplicate fails alone. */
@ApplicationScoped
public class UsedOnceStore {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean insert(String value, Instant expiresAt) {
        if (em.find(UsedOnce.class, value) != null) {
            return false;
        }
        em.persist(new UsedOnce(value, expiresAt));
        em.flush();
        return true;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purge(Instant now) {
        return em.createQuery("delete from UsedOnce u where u.expiresAt < :now").setParameter("now", now)
                .executeUpdate();
    }
}
