package org.invigil.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A random order of liveness steps given to one session; valid a few minutes. The steps are handed out one at a
 * time: only the step last issued takes frames, and only within its window counted from when the server issued it.
 */
@Entity
@Table(name = "liveness_challenge")
public class LivenessChallenge {

    @Id
    private String id;

    @Column(name = "session_id", nullable = false)
    private String sessionId;

    @Column(nullable = false)
    private String steps;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "current_step", nullable = false)
    private int currentStep;

    @Column(name = "step_issued_at")
    private Instant stepIssuedAt;

    protected LivenessChallenge() {
    }

    public LivenessChallenge(String sessionId, List<String> steps, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.steps = String.join(",", steps);
        this.createdAt = now;
        this.expiresAt = expiresAt;
        this.currentStep = 0;
        this.stepIssuedAt = now;
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public List<String> steps() {
        return Arrays.asList(steps.split(","));
    }

    /** The step now open (0-based). */
    public int currentStep() {
        return currentStep;
    }

    public String currentAction() {
        return steps().get(currentStep);
    }

    public Instant stepIssuedAt() {
        return stepIssuedAt;
    }

    /** Whether every step has been handed out. */
    public boolean lastStepIssued() {
        return currentStep >= steps().size() - 1;
    }

    /** Closes the open step and opens the next one at {@code now}; false when there is none left. */
    public boolean issueNext(Instant now) {
        if (lastStepIssued() || stepIssuedAt == null) {
            return false;
        }
        currentStep++;
        stepIssuedAt = now;
        return true;
    }

    /** Why a frame for {@code step} arriving at {@code now} is refused, or empty when it is taken. */
    public Optional<String> refusal(int step, Instant now, Duration window) {
        if (step > currentStep) {
            return Optional.of("not-issued");
        }
        // a challenge started before steps were timed has no issue time: it takes no more frames
        if (step < currentStep || stepIssuedAt == null || now.isAfter(stepIssuedAt.plus(window))
                || now.isBefore(stepIssuedAt)) {
            return Optional.of("closed");
        }
        return Optional.empty();
    }

    public boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
