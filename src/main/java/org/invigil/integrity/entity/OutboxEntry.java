package org.invigil.integrity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.invigil.outbound.entity.Retries;

/**
 * A score waiting to reach the LMS gradebook. It stays until delivered or superseded by a newer score for the same
 * student and column; each failed attempt pushes it back (5 s doubling to an hour).
 */
@Entity
@Table(name = "grade_outbox")
public class OutboxEntry {

    static final Retries.Backoff BACKOFF = new Retries.Backoff(Duration.ofSeconds(5), Duration.ofHours(1));

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

    // The score's timestamp, fixed before the first post: every re-post (after a crash between posting and marking
    // delivered, or a timeout) carries the same one, which a platform does not take as a newer score.
    @Column(name = "score_timestamp")
    private Instant scoreTimestamp;

    @Embedded
    private Retries retries;

    @Column(nullable = false)
    private boolean superseded;

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
        this.retries = Retries.dueAt(now);
    }

    /** Takes the entry for one delivery attempt unless another node holds it. */
    public boolean claim(Instant now, Duration hold) {
        return !superseded && retries.claim(now, hold);
    }

    /**
     * Fixes the score's timestamp before it is first posted; once fixed it never changes. Returns the timestamp the
     * score is posted with.
     */
    public Instant stamp(Instant timestamp) {
        if (scoreTimestamp == null) {
            scoreTimestamp = timestamp;
        }
        return scoreTimestamp;
    }

    /** The timestamp fixed for this score, if it was ever about to be posted. */
    public Optional<Instant> scoreTimestamp() {
        return Optional.ofNullable(scoreTimestamp);
    }

    public void delivered(Instant at) {
        retries.delivered(at);
    }

    /**
     * A failed attempt. {@code refused}: the platform answered without taking the score, so the timestamp is
     * released (the next attempt takes a newer one); otherwise the post may have reached the platform and the next
     * attempt repeats it exactly.
     */
    public void failed(Instant at, String error, boolean refused) {
        if (refused) {
            scoreTimestamp = null;
        }
        retries.failed(error);
        retries.dueAgain(at, BACKOFF);
    }

    public void supersede() {
        if (retries.deliveredAt().isEmpty()) {
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
        return retries.attempts();
    }

    public Instant dueAt() {
        return retries.dueAt();
    }

    public Optional<Instant> deliveredAt() {
        return retries.deliveredAt();
    }

    public Optional<String> lastError() {
        return retries.lastError();
    }
}
