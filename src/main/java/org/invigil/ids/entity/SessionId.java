package org.invigil.ids.entity;

/** A proctored attempt (one student in one exam): the id Invigil gave it at its first launch. */
public record SessionId(String value) {

    public SessionId {
        if (!Ids.wellFormed(value)) {
            throw new IdMalformed("session", "session_unknown");
        }
    }

    public static SessionId of(String value) {
        return new SessionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
