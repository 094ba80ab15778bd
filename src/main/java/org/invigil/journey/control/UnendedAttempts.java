package org.invigil.journey.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.ids.entity.SessionId;

/**
 * Every minute, ends the attempts that are over without anybody saying so:
 * <ul>
 * <li>the ones whose monitor gave no sign (no frame, no event, no heartbeat) for
 * {@code invigil.attempts.abandoned-after-minutes}: the student closed the quiz and did not come back within that
 * grace, or the computer died. Their result says "incomplete";</li>
 * <li>the ones whose quiz closed more than {@code invigil.attempts.close-grace-minutes} ago (the close time the
 * platform sent for the student, else the exam's, plus the student's extra time).</li>
 * </ul>
 * Their results go to the gradebook; memory and retention see them as ended.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UnendedAttempts {

    private static final Logger LOG = Logger.getLogger(UnendedAttempts.class.getName());

    @Inject
    MonitoringLifecycle lifecycle;

    @Inject
    @ConfigProperty(name = "invigil.attempts.abandoned-after-minutes", defaultValue = "30")
    long abandonedAfterMinutes;

    @Inject
    @ConfigProperty(name = "invigil.attempts.close-grace-minutes", defaultValue = "5")
    long closeGraceMinutes;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void sweep() {
        endClosed();
        endAbandoned();
    }

    private void endClosed() {
        try {
            List<SessionId> ended = lifecycle.endClosed(Duration.ofMinutes(Math.max(0, closeGraceMinutes)));
            if (!ended.isEmpty()) {
                LOG.info(() -> "Ended " + ended.size() + " attempt(s) whose quiz closed more than "
                        + closeGraceMinutes + " min ago");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not end the attempts of closed quizzes; trying again in a minute", e);
        }
    }

    private void endAbandoned() {
        try {
            List<SessionId> ended = lifecycle.endAbandoned(Duration.ofMinutes(Math.max(1, abandonedAfterMinutes)));
            if (!ended.isEmpty()) {
                LOG.info(() -> "Ended " + ended.size() + " attempt(s) as abandoned: nothing from their monitor for "
                        + abandonedAfterMinutes + " min");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not end abandoned attempts; trying again in a minute", e);
        }
    }
}
