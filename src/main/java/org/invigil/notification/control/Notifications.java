package org.invigil.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.invigil.notification.entity.EventType;
import org.invigil.session.entity.ProctoringSession;

/**
 * What other components tell: an attempt needs review, an attempt was reviewed. Queueing happens in a transaction
 * of its own and sending in the background, and neither can fail or hold up the request that caused the event.
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

    @Inject
    NotificationQueue queue;

    /**
     * The attempt ended and needs a person: subscribers get an email, the platform's webhook
     * {@code attempt.needs_review}. {@code reasons} are the integrity result's (rule ids and check names).
     */
    public void needsReview(ProctoringSession session, int score, List<String> reasons) {
        publish(new NotificationQueue.Occurrence(EventType.NEEDS_REVIEW, session, score, "needs-review", reasons,
                Optional.empty()));
    }

    /** A person decided the attempt for good: the platform's webhook gets {@code attempt.reviewed}. */
    public void reviewed(ProctoringSession session, int score, String decision) {
        publish(new NotificationQueue.Occurrence(EventType.REVIEWED, session, score, "reviewed", List.of(),
                Optional.of(decision)));
    }

    private void publish(NotificationQueue.Occurrence occurrence) {
        try {
            if (queue.publish(occurrence) > 0) {
                queue.kick();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not queue the notifications of " + occurrence.type().id() + " for attempt "
                    + occurrence.session().id() + "; the attempt itself is unaffected", e);
        }
    }
}
