package org.invigil.integrity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A score waiting to reach the LMS gradebook. It stays until delivered or superseded by a newer score for the same
 * student and column; each failed attempt pushes it back (5 s doubling to an hour).
 */
@Entity
@Table(name = "grade_outbox")
public class OutboxEntry {

    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LAST_RETRY = Duration.ofHours(1);

    @Id
    private String id;

    @Column(name = "exam_id", nullable = false)
    private String examId;

    @Column(name = "session_id", nullable = false)
    private String sessionId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(nullable = false)
    private String kind;

    @Column(name = "score_given")
    private Double scoreGiven;

    @Column(name = "score_maximum")
    private Double scoreMaximum;

    @Column(name = "comment_text")
    private String comment;

    @Column(name = "activity_progress", nullable = false)
    private String activityProgress;

    @Column(name = "grading_progress", nullable = false)
    private String gradingProgress;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(nullable = false)
    private boolean superseded;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Version
    private int version;

    protected OutboxEntry() {
    }

    public OutboxEntry(String examId, String sessionId, String userId, String kind, Double scoreGiven,
                       Double scoreMaximum, String comment, String activityProgress, String gradingProgress,
                       Instant now) {
        this.id = UUID.randomUUID().toString();
        this.examId = examId;
        this.sessionId = sessionId;
        this.userId = userId;
        this.kind = kind;
        this.scoreGiven = scoreGiven;
        this.scoreMaximum = scoreMaximum;
        this.comment = comment == null || comment.length() <= 4000 ? comment : comment.substring(0, 3997) + "…";
        this.activityProgress = activityProgress;
        this.gradingProgress = gradingProgress;
        this.createdAt = now;
        this.dueAt = now;
    }

    /** Takes the entry for one delivery attempt unless another node holds it. */
    public boolean claim(Instant now, Duration hold) {
        if (deliveredAt != null || superseded || dueAt.isAfter(now)
                || claimedUntil != null && claimedUntil.isAfter(now)) {
            return false;
        }
        claimedUntil = now.plus(hold);
        return true;
    }

    public void delivered(Instant at) {
        deliveredAt = at;
        claimedUntil = null;
        lastError = null;
    }

    public void failed(Instant at, String error) {
        attempts++;
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration wait = FIRST_RETRY.multipliedBy(factor);
        dueAt = at.plus(wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait);
        lastError = error == null ? null : error.length() > 1000 ? error.substring(0, 997) + "…" : error;
        claimedUntil = null;
    }

    public void supersede() {
        if (deliveredAt == null) {
            superseded = true;
        }
    }

    public String id() {
        return id;
    }

    public String examId() {
        return examId;
    }

    public String sessionId() {
        return sessionId;
    }

    public String userId() {
        return userId;
    }

    public String kind() {
        return kind;
    }

    public Optional<Double> scoreGiven() {
        return Optional.ofNullable(scoreGiven);
    }

    public Optional<Double> scoreMaximum() {
        return Optional.ofNullable(scoreMaximum);
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    public String activityProgress() {
        return activityProgress;
    }

    public String gradingProgress() {
        return gradingProgress;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int attempts() {
        return attempts;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
