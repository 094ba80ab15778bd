package org.invigil.review.control;

import org.invigil.refusal.entity.Refusal;

/** A review act that cannot be done: not an officer, an incident not in the attempt, an attempt not finished. */
public class ReviewRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    ReviewRefused(Kind kind, String code, String title, String detail) {
        super(kind, code, title, detail);
    }
}
