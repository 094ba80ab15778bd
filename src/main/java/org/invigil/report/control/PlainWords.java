package org.invigil.report.control;

import java.util.Locale;
import java.util.Map;
import org.invigil.integrity.entity.ReviewState;
import org.invigil.monitoring.entity.Rule;
import org.invigil.review.entity.Decision;

/** The words a student reads for the tool's codes: rules, kinds, review states and outcomes. */
public final class PlainWords {

    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("no-face", "No face seen"),
            Map.entry("monitoring-ended-early", "Monitoring ended before the quiz was submitted"),
            Map.entry("not-monitored", "Part of the quiz not monitored"),
            Map.entry("several-faces", "More than one face"),
            Map.entry("different-person", "A different person"),
            Map.entry("duplicate-face", "Face matched another student's photo"),
            Map.entry("looking-away", "Looking away from the screen"),
            Map.entry("camera-covered", "Camera covered"),
            Map.entry("camera-frozen", "Camera picture frozen"),
            Map.entry("camera-off", "Camera off"),
            Map.entry("camera-dark", "Picture too dark"),
            Map.entry("camera-blurred", "Picture too blurred"),
            Map.entry("tab-hidden", "Exam page hidden"),
            Map.entry("focus-lost", "Exam page lost focus"),
            Map.entry("fullscreen-exit", "Left full screen"),
            Map.entry("copy-paste", "Copy, cut or paste"),
            Map.entry("print", "Exam page printed"),
            Map.entry("several-screens", "More than one screen"),
            Map.entry("noise", "Voices or noise"));

    private PlainWords() {
    }

    /** A rule's name, e.g. "More than one face" for {@code several-faces}. */
    public static String rule(String ruleId) {
        return RULES.getOrDefault(ruleId, ruleId);
    }

    public static String kind(Rule.Kind kind) {
        return switch (kind) {
            case INSUFFICIENT_EVIDENCE ->
                    "Insufficient evidence: the picture was not good enough to tell, never a sign of misconduct.";
            case COVERAGE -> "Part of the quiz was not monitored: a person looks at why; it is not a finding of "
                    + "misconduct.";
            case SUSPICION -> "Something a person checks: it is not a finding of misconduct.";
        };
    }

    /**
     * An incident's strength with how it is computed, e.g. "0.87 of 1: measured: the face detector's ...". Never a
     * percentage: most strengths are a rule's formula, not a probability.
     */
    public static String strength(double strength, String basis) {
        return String.format(Locale.ROOT, "%.2f of 1: %s", strength, basis);
    }

    public static String reviewState(ReviewState state) {
        return switch (state) {
            case NEEDS_REVIEW -> "A person reviews your attempt before anything is decided. You can respond until then.";
            case NO_REVIEW_NEEDED -> "No review needed: nothing that counts against you was found.";
            case REVIEWED -> "A person has reviewed your attempt.";
        };
    }

    public static String outcome(Decision.Outcome outcome) {
        return switch (outcome) {
            case CLEARED -> "Cleared: the reviewer found no misconduct.";
            case CONFIRMED -> "Confirmed: the reviewer concluded that a rule of the exam was broken.";
            case FOLLOW_UP -> "Follow-up: the reviewer needs more before deciding. You can still respond.";
        };
    }
}
