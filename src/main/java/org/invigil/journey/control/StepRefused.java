package org.invigil.journey.control;

import org.invigil.refusal.entity.Refusal;

/** A step of the journey that cannot be taken as asked, in the words the student or the staff member sees. */
public class StepRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    private StepRefused(Kind kind, String code, String title, String detail) {
        super(kind, code, title, detail);
    }

    static StepRefused consentChanged() {
        return new StepRefused(Kind.NOT_NOW, "consent_changed", "The consent text changed",
                "The consent text changed since you read it; read it again before deciding.");
    }

    static StepRefused identityAttemptsUsed() {
        return new StepRefused(Kind.NOT_NOW, "identity_attempts_used", "No identity attempts left",
                "All identity attempts of this exam are used; a person will check your identity.");
    }

    static StepRefused reasonMissing(String action) {
        return new StepRefused(Kind.INVALID, "reason_missing", "Bad request",
                "Say why you " + action + " this student's monitoring; the student and reviewers will see it.");
    }

    static StepRefused reasonTooLong(int max, int length) {
        return new StepRefused(Kind.INVALID, "reason_too_long", "Bad request",
                "Keep the reason under " + max + " characters; it has " + length + ".");
    }
}
