package org.invigil.assessment.control;

import org.invigil.refusal.entity.Refusal;

/** A hand-back to the platform's assessment that cannot be made for this attempt, now. */
public class AssessmentRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    private AssessmentRefused(Kind kind, String code, String title, String detail) {
        super(kind, code, title, detail);
    }

    /** The attempt began with a resource-link launch: there is no platform assessment to hand the learner back to. */
    static AssessmentRefused notProctoringServices() {
        return new AssessmentRefused(Kind.NOT_NOW, "not_proctoring_services", "No assessment to start",
                "This attempt did not start from the platform's Proctoring Services, so Invigil has no assessment to "
                        + "send you back to: open the quiz from your course page.");
    }

    /** The learner's checks are not done (or the attempt has ended): the assessment does not start yet. */
    static AssessmentRefused notReady(String state) {
        return new AssessmentRefused(Kind.NOT_NOW, "not_ready", "Not ready",
                "The assessment starts once your checks are done and monitoring runs; this attempt is " + state + ".");
    }
}
