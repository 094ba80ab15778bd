package org.invigil.identity.control;

import org.invigil.refusal.entity.Refusal;

/** A reference photo, or an archive of them, that is not used: no single usable face, or an unreadable archive. */
public class ReferenceRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    ReferenceRefused(Kind kind, String code, String title, String detail) {
        super(kind, code, title, detail);
    }
}
