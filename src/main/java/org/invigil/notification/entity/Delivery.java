package org.invigil.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.invigil.outbound.entity.Retries;

/**
 * One event on its way to one recipient (an email address, or a platform's webhook). It is claimed for each attempt
 * so that no two nodes send it, and delivered at most once; each failure pushes it back (10 s doubling to an hour)
 * until, after {@value #MAX_ATTEMPTS} attempts (about 9 hours), it is abandoned. Its id is the webhook's
 * {@code Invigil-Delivery}: the same on every retry, so receivers can drop repeats.
 */
@Entity
@Table(name = "notification_delivery")
public class Delivery {

    static final Retries.Backoff BACKOFF = new Retries.Backoff(Duration.ofSeconds(10), Duration.ofHours(1));
    public static final int MAX_ATTEMPTS = 16;

    @Id
    private String id;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String recipient;

    @Column(name = "session_id", nullable = false)
    private String sessionId;

    @Column(nullable = false)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private Retries retries;

    @Column(name = "abandoned_at")
    private Instant abandonedAt;

    @Version
    private int version;

    protected Delivery() {
    }

    public Delivery(NotificationEvent event, Channel channel, String recipient, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.eventId = event.id();
        this.eventType = event.type().id();
        this.channel = channel;
        this.recipient = recipient;
        this.sessionId = event.attempt().id();
        this.payload = event.toJson();
        this.createdAt = now;
        this.retries = Retries.dueAt(now);
    }

    /** How long to wait after the given number of failed attempts. */
    public static Duration backoff(int failedAttempts) {
        return BACKOFF.after(failedAttempts);
    }

    /** Takes the delivery for one attempt unless it is done, not due, or held by another node. */
    public boolean claim(Instant now, Duration hold) {
        return abandonedAt == null && retries.claim(now, hold);
    }

    public void delivered(Instant at) {
        if (isSettled()) {
            return;
        }
        retries.attempted();
        retries.delivered(at);
    }

    /** A failed attempt: retried later, or abandoned once the attempts are used up. */
    public void failed(Instant at, String error) {
        if (isSettled()) {
            return;
        }
        retries.failed(error);
        if (retries.attempts() >= MAX_ATTEMPTS) {
            abandonedAt = at;
        } else {
            retries.dueAgain(at, BACKOFF);
        }
    }

    /** Never to be sent: the recipient is gone (a removed webhook). */
    public void abandon(Instant at, String reason) {
        if (isSettled()) {
            return;
        }
        abandonedAt = at;
        retries.givenUp(reason);
    }

    public boolean isSettled() {
        return retries.deliveredAt().isPresent() || abandonedAt != null;
    }

    public String id() {
        return id;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public Channel channel() {
        return channel;
    }

    public String recipient() {
        return recipient;
    }

    public String sessionId() {
        return sessionId;
    }

    public NotificationEvent event() {
        return NotificationEvent.parse(payload);
    }

    /** The event as sent: the exact bytes a webhook signature covers. */
    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant dueAt() {
        return retries.dueAt();
    }

    public int attempts() {
        return retries.attempts();
    }

    public Optional<Instant> deliveredAt() {
        return retries.deliveredAt();
    }

    public Optional<Instant> abandonedAt() {
        return Optional.ofNullable(abandonedAt);
    }

    public Optional<String> lastError() {
        return retries.lastError();
    }
}
