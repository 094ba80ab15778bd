package org.invigil.monitoring.entity;

import java.io.Serializable;
import java.util.Objects;

/** The identity of anything a client numbered in a session: the session and the client's sequence number. */
public class SessionItemKey implements Serializable {

    private static final long serialVersionUID = 1L;
    private String sessionId;
    private long sequence;

    public SessionItemKey() {
    }

    public SessionItemKey(String sessionId, long sequence) {
        this.sessionId = sessionId;
        this.sequence = sequence;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionItemKey key && key.sessionId.equals(sessionId) && key.sequence == sequence;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, sequence);
    }
}
