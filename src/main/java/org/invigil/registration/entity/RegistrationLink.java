package org.invigil.registration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A one-time registration link the tool administrator issued: its secret's SHA-256 (never the secret), until when it
 * may be used, and, once used, when and for which platform. A link that is claimed cannot be claimed again.
 */
@Entity
@Table(name = "registration_link")
public class RegistrationLink {

    @Id
    private String id;

    private String label;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "platform_id")
    private String platformId;

    @Version
    private int version;

    protected RegistrationLink() {
    }

    public RegistrationLink(String secretHash, String label, Instant createdAt, Instant expiresAt) {
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("A registration link must expire after it is created");
        }
        this.id = secretHash;
        this.label = label;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Whether a platform may still register with this link at {@code now}. */
    public boolean usableAt(Instant now) {
        return claimedAt == null && now.isBefore(expiresAt);
    }

    /** Records the platform this link registered. */
    public void registered(String platformId) {
        if (claimedAt == null) {
            throw new IllegalStateException("A registration link records its platform only once claimed");
        }
        this.platformId = platformId;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public String platformId() {
        return platformId;
    }
}
