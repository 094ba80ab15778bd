package org.invigil.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A reviewer's decision on one incident, or on the whole attempt when {@code incidentId} is empty. */
@Entity
@Table(name = "review_decision")
public class Decision {

    /** What the reviewer concluded. */
    public enum Outcome {
        CLEARED("cleared"), CONFIRMED("confirmed"), FOLLOW_UP("follow-up");

        private final String id;

        Outcome(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<Outcome> of(String id) {
            for (Outcome outcome : values()) {
                if (outcome.id.equals(id)) {
                    return Optional.of(outcome);
                }
            }
            return Optional.empty();
        }
    }

    @Id
    private String id;

    @Column(name = "session_id", nullable = false)
    private String sessionId;

    @Column(name = "incident_id")
    private String incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    private String note;

    @Column(name = "reviewer_id", nullable = false)
    private String reviewerId;

    @Column(name = "reviewer_name", nullable = false)
    private String reviewerName;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected Decision() {
    }

    public Decision(String sessionId, String incidentId, Outcome outcome, String note, String reviewerId,
                    String reviewerName, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.incidentId = incidentId;
        this.outcome = outcome;
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.reviewerId = reviewerId;
        this.reviewerName = reviewerName;
        this.decidedAt = at;
    }

    public String sessionId() {
        return sessionId;
    }

    public Optional<String> incidentId() {
        return Optional.ofNullable(incidentId);
    }

    public Outcome outcome() {
        return outcome;
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public String reviewerName() {
        return reviewerName;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
