package org.invigil.session.entity;

/** The outcome of the identity check before the exam. */
public enum IdentityStatus {
    NOT_REQUIRED("not-required"),
    PENDING("pending"),
    VERIFIED("verified"),
    /** Inconclusive, failed after every attempt, or the student asked for a person to check: a human decides. */
    NEEDS_REVIEW("needs-review"),
    /** No reference photo existed: the capture waits for a human to confirm it as the student's reference. */
    ENROLMENT_PENDING("enrolment-pending");

    private final String id;

    IdentityStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
