package org.invigil.monitoring.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A client sequence number that has been received; its primary key makes ingestion exactly-once. */
@Entity
@Table(name = "received_item")
@IdClass(ReceivedItem.Key.class)
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

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String sessionId;
        private long sequence;

        public Key() {
        }

        public Key(String sessionId, long sequence) {
            this.sessionId = sessionId;
            this.sequence = sequence;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.sessionId.equals(sessionId) && key.sequence == sequence;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, sequence);
        }
    }
}
