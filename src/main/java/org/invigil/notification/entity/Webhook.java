package org.invigil.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Where a platform's events are POSTed, and the secret that signs them, kept sealed with the master key; one per
 * platform, set by the tool administrator.
 */
@Entity
@Table(name = "notification_webhook")
public class Webhook {

    @Id
    @Column(name = "platform_id")
    private String platformId;

    @Column(nullable = false)
    private String url;

    @Column(name = "sealed_secret", nullable = false)
    private String sealedSecret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Webhook() {
    }

    public Webhook(String platformId, String url, String sealedSecret, Instant at) {
        this.platformId = platformId;
        this.url = url;
        this.sealedSecret = sealedSecret;
        this.createdAt = at;
        this.updatedAt = at;
    }

    public void change(String url, String sealedSecret, Instant at) {
        this.url = url;
        this.sealedSecret = sealedSecret;
        this.updatedAt = at;
    }

    public String platformId() {
        return platformId;
    }

    public String url() {
        return url;
    }

    public String sealedSecret() {
        return sealedSecret;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
