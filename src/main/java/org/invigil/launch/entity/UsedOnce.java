package org.invigil.launch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A value (a nonce) that has been used and must not be accepted again before it expires. */
@Entity
@Table(name = "used_once")
public class UsedOnce {

    @Id
    @Column(name = "token_value")
    private String value;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected UsedOnce() {
    }

    public UsedOnce(String value, Instant expiresAt) {
        this.value = value;
        this.expiresAt = expiresAt;
    }
}
