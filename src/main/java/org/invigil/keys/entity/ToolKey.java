package org.invigil.keys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One signing key of the tool. Active until retired; published for {@code grace} after retirement so that tokens
 * it signed, and platforms caching the JWKS, keep working.
 */
@Entity
@Table(name = "tool_key")
public class ToolKey {

    @Id
    private String kid;

    @Column(nullable = false)
    private String algorithm;

    @Column(name = "public_jwk", nullable = false)
    private String publicJwk;

    @Column(name = "sealed_private_jwk", nullable = false)
    private String sealedPrivateJwk;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected ToolKey() {
    }

    public ToolKey(String kid, String algorithm, String publicJwk, String sealedPrivateJwk, Instant createdAt) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.publicJwk = publicJwk;
        this.sealedPrivateJwk = sealedPrivateJwk;
        this.createdAt = createdAt;
    }

    public void retire(Instant at) {
        if (retiredAt == null) {
            retiredAt = at;
        }
    }

    public boolean isActive() {
        return retiredAt == null;
    }

    /** Whether the key still belongs in the published JWKS at {@code now}. */
    public boolean isPublishedAt(Instant now, Duration grace) {
        return retiredAt == null || retiredAt.plus(grace).isAfter(now);
    }

    public boolean isDueForRotation(Instant now, Duration maximumAge) {
        return isActive() && !createdAt.plus(maximumAge).isAfter(now);
    }

    public String kid() {
        return kid;
    }

    public String algorithm() {
        return algorithm;
    }

    public String publicJwk() {
        return publicJwk;
    }

    public String sealedPrivateJwk() {
        return sealedPrivateJwk;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }
}
