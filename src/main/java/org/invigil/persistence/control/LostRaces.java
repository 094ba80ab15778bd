package org.invigil.persistence.control;

import org.invigil.refusal.entity.Refusal;

/** A change that lost every retry against changes made at the same moment; the caller may send it again. */
public class LostRaces extends Refusal {

    private static final long serialVersionUID = 1L;

    LostRaces() {
        super(Kind.UNAVAILABLE, "conflict", "Busy",
                "This attempt was being changed at the same moment; send it again.");
    }
}
