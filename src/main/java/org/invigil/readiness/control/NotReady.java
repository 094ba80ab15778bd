package org.invigil.readiness.control;

import org.invigil.refusal.entity.Refusal;

/** Invigil is still starting: what it waits for, and when to come back. Answered, not thrown. */
public class NotReady extends Refusal {

    private static final long serialVersionUID = 1L;

    NotReady(String waiting, int retryAfterSeconds) {
        super(Kind.UNAVAILABLE, "starting", "Starting", "Invigil is starting (waiting for: " + waiting
                + "). Nothing was received: try again in " + retryAfterSeconds + " seconds.");
    }
}
