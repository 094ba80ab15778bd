package org.invigil.grades.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The newest score timestamp posted for one user in one line item. Platforms refuse a timestamp that is not later
 * than the last (Moodle compares whole seconds), so each new one moves at least a second past it.
 */
@Entity
@Table(name = "score_clock")
@IdClass(ScoreClockEntry.Key.class)
public class ScoreClockEntry {

    @Id
    @Column(name = "line_item_url")
    private String lineItemUrl;

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(name = "last_posted", nullable = false)
    private Instant lastPosted;

    protected ScoreClockEntry() {
    }

    public ScoreClockEntry(String lineItemUrl, String userId) {
        this.lineItemUrl = lineItemUrl;
        this.userId = userId;
    }

    /** The timestamp for the next score: now at whole-second precision, or one second after the last. */
    public Instant next(Instant now) {
        Instant candidate = now.truncatedTo(ChronoUnit.SECONDS);
        if (lastPosted != null && !candidate.isAfter(lastPosted)) {
            candidate = lastPosted.plusSeconds(1);
        }
        lastPosted = candidate;
        return candidate;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String lineItemUrl;
        private String userId;

        public Key() {
        }

        public Key(String lineItemUrl, String userId) {
            this.lineItemUrl = lineItemUrl;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.lineItemUrl.equals(lineItemUrl) && key.userId.equals(userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(lineItemUrl, userId);
        }
    }
}
