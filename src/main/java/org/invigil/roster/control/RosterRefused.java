package org.invigil.roster.control;

import org.invigil.refusal.entity.Refusal;

/** A course roster that cannot be read for this exam. */
public class RosterRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    private RosterRefused(Kind kind, String code, String title, String detail) {
        super(kind, code, title, detail);
    }

    /** The launch did not offer NRPS, so there is no roster to read. */
    static RosterRefused notOffered() {
        return new RosterRefused(Kind.NOT_NOW, "roster_unavailable", "No roster",
                "The LMS did not offer its roster (NRPS) for this exam.");
    }
}
