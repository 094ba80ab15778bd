package org.invigil.notification.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Exam;
import org.invigil.notification.entity.Channel;
import org.invigil.notification.entity.Delivery;
import org.invigil.notification.entity.EventType;
import org.invigil.notification.entity.NotificationEvent;
import org.invigil.notification.entity.Webhook;
import org.invigil.session.entity.ProctoringSession;

/**
 * The durable queue of notifications. {@link #publish} turns an event into one delivery per subscribed address and
 * one for the platform's webhook, in a transaction of its own; {@link #dispatchDue} sends what is due, one claim per
 * delivery so that nothing is sent twice, failures retried with backoff.
 */
@ApplicationScoped
public class NotificationQueue {

    private static final Logger LOG = Logger.getLogger(NotificationQueue.class.getName());
    static final Duration HOLD = Duration.ofMinutes(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    Exams exams;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Webhooks webhooks;

    @Inject
    Mailer mailer;

    @Inject
    DeliveryClaims claims;

    @Resource
    ManagedExecutorService executor;

    Clock clock = Clock.systemUTC();

    /** What happened, before it is addressed. */
    public record Occurrence(EventType type, ProctoringSession session, int score, String reviewState,
                             List<String> reasons, Optional<String> decision) {
    }

    /** Queues the deliveries of one event; returns how many. An attempt's "needs review" is queued only once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int publish(Occurrence occurrence) {
        ProctoringSession session = occurrence.session();
        String eventId = occurrence.type() == EventType.NEEDS_REVIEW
                ? NotificationEvent.needsReviewId(session.id()) : UUID.randomUUID().toString();
        if (!em.createQuery("select d.id from Delivery d where d.eventId = :event", String.class)
                .setParameter("event", eventId).setMaxResults(1).getResultList().isEmpty()) {
            return 0;
        }
        List<String> reasons = occurrence.type() == EventType.REVIEWED && occurrence.reasons().isEmpty()
                ? reasonsAnnounced(session.id()) : occurrence.reasons();
        Optional<Exam> exam = exams.byId(session.exam());
        NotificationEvent event = new NotificationEvent(occurrence.type(), eventId, clock.instant(),
                new NotificationEvent.Exam(session.examId(), exam.map(Exam::title).orElse("Proctored exam"),
                        exam.flatMap(Exam::contextTitle).orElse("")),
                new NotificationEvent.Attempt(session.id(), session.userId(), session.userName(), occurrence.score(),
                        occurrence.reviewState(), reasons, occurrence.decision()));
        Instant now = clock.instant();
        int queued = 0;
        if (occurrence.type() == EventType.NEEDS_REVIEW && mailer.isOn()) {
            for (String address : subscriptions.addressesFor(session.platformId(), session.examId())) {
                em.persist(new Delivery(event, Channel.EMAIL, address, now));
                queued++;
            }
        }
        if (webhooks.of(session.platformId()).isPresent()) {
            em.persist(new Delivery(event, Channel.WEBHOOK, session.platformId(), now));
            queued++;
        }
        return queued;
    }

    /** Starts a delivery round now, in the background, rather than at the next timer tick. */
    public void kick() {
        executor.submit(this::dispatchDue);
    }

    /** Sends every due delivery; returns how many arrived. */
    public int dispatchDue() {
        int delivered = 0;
        for (String id : claims.due(clock.instant())) {
            Optional<Delivery> claimed;
            try {
                claimed = claims.claim(id, clock.instant(), HOLD);
            } catch (RuntimeException anotherDispatcherWon) {
                continue;
            }
            if (claimed.isEmpty()) {
                continue;
            }
            Delivery delivery = claimed.get();
            try {
                send(delivery);
                claims.delivered(id, clock.instant());
                delivered++;
            } catch (DeliveryFailed e) {
                if (e.retry()) {
                    LOG.log(Level.WARNING, "Notification {0} ({1} to {2}) not delivered yet (attempt {3}): {4}",
                            new Object[] {id, delivery.channel(), delivery.recipient(), delivery.attempts() + 1,
                                e.getMessage()});
                    claims.failed(id, clock.instant(), e.getMessage());
                } else {
                    LOG.log(Level.WARNING, "Notification {0} abandoned: {1}", new Object[] {id, e.getMessage()});
                    claims.abandoned(id, clock.instant(), e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Sending a notification failed unexpectedly; it will be retried", e);
                claims.failed(id, clock.instant(), e.toString());
            }
        }
        return delivered;
    }

    @Transactional
    public List<Delivery> ofSession(String sessionId) {
        return em.createQuery("select d from Delivery d where d.sessionId = :session order by d.createdAt",
                Delivery.class).setParameter("session", sessionId).getResultList();
    }

    private void send(Delivery delivery) {
        switch (delivery.channel()) {
            case EMAIL -> mailer.send(delivery.recipient(), EmailMessage.needsReview(delivery.event()));
            case WEBHOOK -> {
                Webhook webhook = webhooks.of(delivery.recipient()).orElseThrow(() ->
                        DeliveryFailed.abandon("the platform's webhook was removed"));
                webhooks.post(webhook, delivery);
            }
            default -> throw DeliveryFailed.abandon("unknown channel " + delivery.channel());
        }
    }

    /** The reasons the attempt's "needs review" event gave, if one was sent. */
    private List<String> reasonsAnnounced(String sessionId) {
        return em.createQuery("select d from Delivery d where d.eventId = :event", Delivery.class)
                .setParameter("event", NotificationEvent.needsReviewId(sessionId)).setMaxResults(1)
                .getResultStream().findFirst().map(d -> d.event().attempt().reasons()).orElse(List.of());
    }
}
