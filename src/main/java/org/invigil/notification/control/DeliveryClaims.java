package org.invigil.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.invigil.notification.entity.Delivery;

/** The delivery queue's short transactions: each claim, success and failure commits on its own. */
@ApplicationScoped
public class DeliveryClaims {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> due(Instant now) {
        return em.createQuery("select d.id from Delivery d where d.retries.deliveredAt is null and d.abandonedAt is null "
                        + "and d.retries.dueAt <= :now order by d.createdAt", String.class)
                .setParameter("now", now).setMaxResults(100).getResultList();
    }

    /** The delivery, claimed for one attempt; empty if settled, not due, or held by another node. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Delivery> claim(String id, Instant now, Duration hold) {
        try {
            Delivery delivery = em.find(Delivery.class, id, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            if (delivery == null || !delivery.claim(now, hold)) {
                return Optional.empty();
            }
            em.flush();
            return Optional.of(delivery);
        } catch (OptimisticLockException anotherNodeWon) {
            return Optional.empty();
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(String id, Instant at) {
        Delivery delivery = em.find(Delivery.class, id);
        if (delivery != null) {
            delivery.delivered(at);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String id, Instant at, String error) {
        Delivery delivery = em.find(Delivery.class, id);
        if (delivery != null) {
            delivery.failed(at, error);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void abandoned(String id, Instant at, String reason) {
        Delivery delivery = em.find(Delivery.class, id);
        if (delivery != null) {
            delivery.abandon(at, reason);
        }
    }
}
