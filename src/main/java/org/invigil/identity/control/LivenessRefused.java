package org.invigil.identity.control;

import org.invigil.refusal.entity.Refusal;

/** A liveness challenge step that cannot be taken now: unknown, expired, not yet given or already closed. */
public class LivenessRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    LivenessRefused(Kind kind, String code, String title, String detail) {
        super(kind, code, title, detail);
    }
}
