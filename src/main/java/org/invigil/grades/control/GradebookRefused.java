package org.invigil.grades.control;

import org.invigil.refusal.entity.Refusal;

/** A score or line item that cannot be kept in the LMS's gradebook for this exam. */
public class GradebookRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    private GradebookRefused(Kind kind, String code, String title, String detail) {
        super(kind, code, title, detail);
    }

    /** The launch did not offer AGS, so there is no gradebook to write to. */
    static GradebookRefused notOffered() {
        return new GradebookRefused(Kind.NOT_NOW, "gradebook_unavailable", "No gradebook",
                "The LMS did not offer its gradebook (AGS) for this exam.");
    }

    /** The platform said it created a line item but gave it no id to post scores to. */
    static GradebookRefused lineItemWithoutId() {
        return new GradebookRefused(Kind.UPSTREAM_FAILED, "platform_service_error", "The LMS refused a request",
                "The LMS created a line item without an id.");
    }
}
