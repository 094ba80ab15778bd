package org.invigil.session.entity;

/** Where a student is in the journey. */
public enum SessionState {
    CONSENT("consent"),
    DECLINED("declined"),
    SYSTEM_CHECK("system-check"),
    IDENTITY("identity"),
    LIVENESS("liveness"),
    READY("ready"),
    MONITORING("monitoring"),
    /** An instructor paused monitoring (a break, a fire alarm, a technical problem): nothing is analysed. */
    PAUSED("paused"),
    ENDED("ended");

    private final String id;

    SessionState(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
