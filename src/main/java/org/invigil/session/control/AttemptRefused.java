package org.invigil.session.control;

import org.invigil.refusal.entity.Refusal;

/** A request about a student's attempt that cannot be honoured: no such attempt, not theirs, or not now. */
public class AttemptRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    AttemptRefused(Kind kind, String code, String title, String detail) {
        super(kind, code, title, detail);
    }
}
