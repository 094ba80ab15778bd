package org.invigil.notification.entity;

import java.util.Arrays;
import java.util.Optional;

/** What happened to an attempt, named as integrations receive it in {@code type} and {@code Invigil-Event}. */
public enum EventType {
    NEEDS_REVIEW("attempt.needs_review"),
    REVIEWED("attempt.reviewed");

    private final String id;

    EventType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<EventType> of(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
    }
}
