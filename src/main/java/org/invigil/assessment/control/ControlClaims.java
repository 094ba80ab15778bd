package org.invigil.assessment.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.invigil.assessment.entity.ControlMessage;
import org.invigil.assessment.entity.Handoff;

/**
 * The Assessment Control outbox's rows, each change in a transaction of its own so that a delivery in progress
 * holds no transaction open while it waits for the platform.
 */
@ApplicationScoped
public class ControlClaims {

    private static final int PENDING_SCAN = 2000;

    @PersistenceContext
    EntityManager em;

    /**
     * The messages due now, oldest first, only the oldest pending one of each attempt: an attempt's pause reaches
     * the platform before its resume.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> due(Instant now) {
        // pending messages are few (an attempt has a handful); the oldest of each attempt is picked here rather than
        // by a correlated subquery, which Derby refuses for a boolean column that EclipseLink binds as a number
        List<ControlMessage> pending = em.createQuery("select c from ControlMessage c where c.retries.deliveredAt "
                        + "is null and c.refused = false order by c.createdAt", ControlMessage.class)
                .setMaxResults(PENDING_SCAN).getResultList();
        Set<String> attempts = new HashSet<>();
        List<String> due = new ArrayList<>();
        for (ControlMessage message : pending) {
            if (attempts.add(message.sessionId()) && !message.dueAt().isAfter(now)) {
                due.add(message.id());
            }
        }
        return due.size() > 200 ? due.subList(0, 200) : due;
    }

    /** The message, claimed for one attempt; empty if done, not due, or held by another node. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ControlMessage> claim(String id, Instant now, Duration hold) {
        try {
            ControlMessage message = em.find(ControlMessage.class, id);
            if (message == null || !message.claim(now, hold)) {
                return Optional.empty();
            }
            em.flush();
            return Optional.of(message);
        } catch (OptimisticLockException anotherNodeWon) {
            return Optional.empty();
        }
    }

    /** Delivered: the platform's answer is kept on the message and on the attempt's hand-back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(String id, Instant at, String status) {
        ControlMessage message = em.find(ControlMessage.class, id);
        if (message != null) {
            message.delivered(at, status);
            Handoff handoff = em.find(Handoff.class, message.sessionId());
            if (handoff != null && status != null) {
                handoff.platformAnswered(status);
            }
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String id, Instant at, String error) {
        ControlMessage message = em.find(ControlMessage.class, id);
        if (message != null) {
            message.failed(at, error);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(String id, String why) {
        ControlMessage message = em.find(ControlMessage.class, id);
        if (message != null) {
            message.refused(why);
        }
    }
}
