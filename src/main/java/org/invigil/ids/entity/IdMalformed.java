package org.invigil.ids.entity;

import org.invigil.refusal.entity.Refusal;

/**
 * A text that cannot be an identifier of its kind. Told as "unknown": nothing Invigil issued or was sent has that
 * id, and the text itself is not repeated back.
 */
public class IdMalformed extends Refusal {

    private static final long serialVersionUID = 1L;

    IdMalformed(String what, String code) {
        super(Kind.UNKNOWN, code, "No such " + what, "This is not the id of any " + what + " Invigil knows.");
    }
}
