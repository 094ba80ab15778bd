package org.invigil.monitoring.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.identity.control.References;

/**
 * Makes retention real: every night, the attempts whose exam's retention period has passed since they ended, or
 * since anything last happened in them if they never ended, lose their evidence frames, frame analyses, browser
 * events and face data, and their data key is destroyed. What remains is the list of incidents in words and the
 * integrity result, the academic record. Reference photos and their descriptors go once
 * {@code invigil.retention.reference-days} have passed since their last use, each with a receipt in the audit log.
 * It also runs once {@code invigil.retention.after-start-seconds} after each start, so that a node that was down at
 * night does not keep expired data another day (the purge is idempotent: nodes sharing a database may both run it).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Inject
    RetentionPurge purge;

    @Inject
    References references;

    @Inject
    @ConfigProperty(name = "invigil.retention.reference-days", defaultValue = "365")
    int referenceDays;

    @Inject
    @ConfigProperty(name = "invigil.retention.after-start-seconds", defaultValue = "120")
    long afterStartSeconds;

    @Resource
    TimerService timers;

    Clock clock = Clock.systemUTC();

    @PostConstruct
    void scheduleAfterStart() {
        TimerConfig once = new TimerConfig("retention after start", false);
        timers.createSingleActionTimer(Math.max(1, afterStartSeconds) * 1000, once);
    }

    @Timeout
    void afterStart() {
        nightly();
    }

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
        int days = Math.max(1, referenceDays);
        int deleted = 0;
        for (String photo : references.dueForDeletion(now, days)) {
            if (references.deleteExpired(photo, now, days)) {
                deleted++;
            }
        }
        int photos = deleted;
        LOG.info(() -> "Retention: purged the evidence of " + count + " attempts (ended or abandoned), deleted "
                + photos + " reference photos");
    }
}
