package org.invigil.integrity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.invigil.integrity.entity.OutboxEntry;

/** The outbox's short transactions: each claim, success and failure commits on its own. */
@ApplicationScoped
public class OutboxClaims {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> due(Instant now) {
        return em.createQuery("select o.id from OutboxEntry o where o.retries.deliveredAt is null and o.superseded = false "
                        + "and o.retries.dueAt <= :now order by o.createdAt", String.class)
                .setParameter("now", now).setMaxResults(200).getResultList();
    }

    /** The entry, claimed for one attempt; empty if delivered, not due, or held by another node. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<OutboxEntry> claim(String id, Instant now, Duration hold) {
        try {
            // a plain read: the claim's write is checked against the version read (@Version), so of two nodes that
            // read the same entry only one claims it; a refused look changes nothing (a forced increment would
            // bump the version under the node that holds the claim and fail its "delivered")
            OutboxEntry entry = em.find(OutboxEntry.class, id);
            if (entry == null) {
                return Optional.empty();
            }
            boolean newer = !em.createQuery("select o.id from OutboxEntry o where o.sessionId = :session and o.kind = "
                            + ":kind and o.createdAt > :created", String.class)
                    .setParameter("session", entry.sessionId()).setParameter("kind", entry.kind())
                    .setParameter("created", entry.createdAt()).setMaxResults(1).getResultList().isEmpty();
            if (newer) {
                entry.supersede();
                return Optional.empty();
            }
            if (!entry.claim(now, hold)) {
                return Optional.empty();
            }
            em.flush();
            return Optional.of(entry);
        } catch (OptimisticLockException anotherNodeWon) {
            return Optional.empty();
        }
    }

    /** Fixes the entry's score timestamp, committed before the score is posted; the timestamp it now has. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Instant stamp(String id, Instant timestamp) {
        return em.find(OutboxEntry.class, id).stamp(timestamp);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(String id, Instant at) {
        OutboxEntry entry = em.find(OutboxEntry.class, id);
        if (entry != null) {
            entry.delivered(at);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String id, Instant at, String error, boolean refused) {
        OutboxEntry entry = em.find(OutboxEntry.class, id);
        if (entry != null) {
            entry.failed(at, error, refused);
        }
    }
}
