package org.invigil.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One audited action. Entries are only ever added. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    private String id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor_id", nullable = false)
    private String actorId;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(name = "platform_id")
    private String platformId;

    @Column(name = "context_id")
    private String contextId;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String subject;

    private String detail;

    protected AuditEntry() {
    }

    public AuditEntry(Instant at, String actorId, String actorName, String platformId, String contextId,
                      String action, String subject, String detail) {
        this.id = UUID.randomUUID().toString();
        this.occurredAt = at;
        this.actorId = actorId;
        this.actorName = actorName;
        this.platformId = platformId;
        this.contextId = contextId;
        this.action = action;
        this.subject = subject;
        this.detail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "…";
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actorId() {
        return actorId;
    }

    public String actorName() {
        return actorName;
    }

    public String action() {
        return action;
    }

    public String subject() {
        return subject;
    }

    public String detail() {
        return detail;
    }
}
