package org.invigil.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A random order of liveness steps given to one session; valid a few minutes. */
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

    protected LivenessChallenge() {
    }

    public LivenessChallenge(String sessionId, List<String> steps, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.steps = String.join(",", steps);
        this.createdAt = now;
        this.expiresAt = expiresAt;
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

    public boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
