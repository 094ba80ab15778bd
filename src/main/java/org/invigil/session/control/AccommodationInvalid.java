package org.invigil.session.control;

import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** An accommodation out of its bounds (extra time below zero or over a day), in words. */
public class AccommodationInvalid extends ProblemException {

    private static final long serialVersionUID = 1L;

    public AccommodationInvalid(String detail) {
        super(new Problem(400, "accommodation_invalid", "Accommodation not saved", detail));
    }
}
