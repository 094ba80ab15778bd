package org.invigil.monitoring.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A client sequence number that has been received; its primary key makes ingestion exactly-once. */
@Entity
@Table(name = "received_item")
@IdClass(SessionItemKey.class)
public class ReceivedItem {

    @Id
    @Column(name = "session_id")
    private String sessionId;

    @Id
    @Column(name = "sequence_no")
    private long sequence;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected ReceivedItem() {
    }

    public ReceivedItem(String sessionId, long sequence, Instant receivedAt) {
        this.sessionId = sessionId;
        this.sequence = sequence;
        this.receivedAt = receivedAt;
    }
}
