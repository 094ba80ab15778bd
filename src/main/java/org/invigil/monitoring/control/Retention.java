package org.invigil.monitoring.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Makes retention real: every night, the attempts whose exam's retention period has passed since they ended lose
 * their evidence frames, frame analyses, browser events and face descriptor. What remains is the list of incidents
 * in words and the integrity result, the academic record.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Inject
    RetentionPurge purge;

    Clock clock = Clock.systemUTC();

    @Schedule(hour = "2", minute = "41", persistent = false)
    void nightly() {
        Instant now = clock.instant();
        int purged = 0;
        for (String sessionId : purge.due(now)) {
            if (purge.purge(sessionId, now)) {
                purged++;
            }
        }
        int count = purged;
        LOG.info(() -> "Retention: purged the evidence of " + count + " ended attempts");
    }
}
