package org.invigil.monitoring.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One event the browser reported (page hidden, paste, heartbeat, sustained noise, ...). */
@Entity
@Table(name = "browser_event")
@IdClass(SessionItemKey.class)
public class BrowserEvent {

    @Id
    @Column(name = "session_id")
    private String sessionId;

    @Id
    @Column(name = "sequence_no")
    private long sequence;

    @Column(name = "event_type", nullable = false)
    private String type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    private String data;

    protected BrowserEvent() {
    }

    public BrowserEvent(String sessionId, long sequence, String type, Instant occurredAt, String data) {
        this.sessionId = sessionId;
        this.sequence = sequence;
        this.type = type;
        this.occurredAt = occurredAt;
        this.data = data;
    }

    public String sessionId() {
        return sessionId;
    }

    public long sequence() {
        return sequence;
    }

    public String type() {
        return type;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Optional<String> data() {
        return Optional.ofNullable(data);
    }
}
