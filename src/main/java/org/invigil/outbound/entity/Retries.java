package org.invigil.outbound.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a message on its way out stands (a score for the gradebook, an email, a webhook call): when it is due, how
 * often it was tried, when it was delivered, the last error, and until when one node holds it for an attempt. The
 * message's table has these columns; the message adds what else may settle it (superseded, abandoned).
 */
@Embeddable
public class Retries {

    /** The wait after each failure: {@code first}, doubling, at most {@code last}. */
    public record Backoff(Duration first, Duration last) {

        /** How long to wait after the given number of failed attempts. */
        public Duration after(int failedAttempts) {
            if (failedAttempts <= 0) {
                return Duration.ZERO;
            }
            Duration wait = first.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
            return wait.compareTo(last) > 0 ? last : wait;
        }
    }

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    protected Retries() {
    }

    /** A new message, due at once. */
    public static Retries dueAt(Instant now) {
        Retries retries = new Retries();
        retries.dueAt = now;
        return retries;
    }

    /** Takes the message for one attempt unless it was delivered, is not due, or another node holds it. */
    public boolean claim(Instant now, Duration hold) {
        if (deliveredAt != null || dueAt.isAfter(now) || claimedUntil != null && claimedUntil.isAfter(now)) {
            return false;
        }
        claimedUntil = now.plus(hold);
        return true;
    }

    /** One more attempt made (the failed ones are counted by {@link #failed}). */
    public void attempted() {
        attempts++;
    }

    public void delivered(Instant at) {
        deliveredAt = at;
        claimedUntil = null;
        lastError = null;
    }

    /** A failed attempt, counted, with its error; the message says when it is due again ({@link #dueAgain}). */
    public void failed(String error) {
        attempts++;
        lastError = error == null ? null : error.length() > 1000 ? error.substring(0, 997) + "…" : error;
        claimedUntil = null;
    }

    /** Due again after the back-off for the failures so far. */
    public void dueAgain(Instant failedAt, Backoff backoff) {
        dueAt = failedAt.plus(backoff.after(attempts));
    }

    /** Given up, for this reason: nobody holds it any more. */
    public void givenUp(String reason) {
        lastError = reason;
        claimedUntil = null;
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

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
