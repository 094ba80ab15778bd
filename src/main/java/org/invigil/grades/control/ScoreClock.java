package org.invigil.grades.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.invigil.grades.entity.ScoreClockEntry;
import org.invigil.ids.entity.UserId;

/** Gives every score a timestamp later than the previous one for the same user and line item. */
@ApplicationScoped
public class ScoreClock {

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Instant next(String lineItemUrl, UserId userId) {
        String userIdValue = userId.value();
        // locked until this transaction ends: two nodes never hand out the same timestamp
        ScoreClockEntry entry = em.find(ScoreClockEntry.class, new ScoreClockEntry.Key(lineItemUrl, userIdValue),
                LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            entry = new ScoreClockEntry(lineItemUrl, userIdValue);
            em.persist(entry);
        }
        return entry.next(clock.instant());
    }
}
