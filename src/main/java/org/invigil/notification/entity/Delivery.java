package org.invigil.notification.entity;

import jakarta.persistence.Column;
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

/**
 * One event on its way to one recipient (an email address, or a platform's webhook). It is claimed for each attempt
 * so that no two nodes send it, and delivered at most once; each failure pushes it back (10 s doubling to an hour)
 * until, after {@value #MAX_ATTEMPTS} attempts (about 9 hours), it is abandoned. Its id is the webhook's
 * {@code Invigil-Delivery}: the same on every retry, so receivers can drop repeats.
 */
@Entity
@Table(name = "notification_delivery")
public class Delivery {

    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LAST_RETRY = Duration.ofHours(1);
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

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "abandoned_at")
    private Instant abandonedAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

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
        this.dueAt = now;
    }

    /** How long to wait after the given number of failed attempts. */
    public static Duration backoff(int failedAttempts) {
        if (failedAttempts <= 0) {
            return Duration.ZERO;
        }
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
    }

    /** Takes the delivery for one attempt unless it is done, not due, or held by another node. */
    public boolean claim(Instant now, Duration hold) {
        if (isSettled() || dueAt.isAfter(now) || claimedUntil != null && claimedUntil.isAfter(now)) {
            return false;
        }
        claimedUntil = now.plus(hold);
        return true;
    }

    public void delivered(Instant at) {
        if (isSettled()) {
            return;
        }
        attempts++;
        deliveredAt = at;
        claimedUntil = null;
        lastError = null;
    }

    /** A failed attempt: retried later, or abandoned once the attempts are used up. */
    public void failed(Instant at, String error) {
        if (isSettled()) {
            return;
        }
        attempts++;
        lastError = error == null ? null : error.length() > 1000 ? error.substring(0, 997) + "…" : error;
        claimedUntil = null;
        if (attempts >= MAX_ATTEMPTS) {
            abandonedAt = at;
        } else {
            dueAt = at.plus(backoff(attempts));
        }
    }

    /** Never to be sent: the recipient is gone (a removed webhook). */
    public void abandon(Instant at, String reason) {
        if (isSettled()) {
            return;
        }
        abandonedAt = at;
        lastError = reason;
        claimedUntil = null;
    }

    public boolean isSettled() {
        return deliveredAt != null || abandonedAt != null;
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
        return dueAt;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }

    public Optional<Instant> abandonedAt() {
        return Optional.ofNullable(abandonedAt);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
