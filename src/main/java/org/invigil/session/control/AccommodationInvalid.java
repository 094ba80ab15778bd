package org.invigil.session.control;

import org.invigil.refusal.entity.Refusal;

/** An accommodation out of its bounds (extra time below zero or over a day), in words. */
public class AccommodationInvalid extends Refusal {

    private static final long serialVersionUID = 1L;

    public AccommodationInvalid(String detail) {
        super(Kind.INVALID, "accommodation_invalid", "Accommodation not saved", detail);
    }
}
