package org.invigil.notification.control;

import java.util.List;
import java.util.stream.Collectors;
import org.invigil.monitoring.entity.Rule;
import org.invigil.notification.entity.NotificationEvent;

/**
 * The email staff get when an attempt needs review: plain text and a simple HTML alternative. It cannot link to the
 * review screen (that needs a launch), so it says where to go instead.
 */
public record EmailMessage(String subject, String text, String html) {

    static final String HOW_TO_REVIEW = "Open the exam from your course page to review: Invigil lists the attempts "
            + "that need a person first.";
    static final String WHY_YOU_GET_THIS = "You get this email because you subscribed to attempts that need review "
            + "in this exam, or in every exam of your platform as an integrity officer. You can unsubscribe in Invigil.";

    public static EmailMessage needsReview(NotificationEvent event) {
        NotificationEvent.Attempt attempt = event.attempt();
        NotificationEvent.Exam exam = event.exam();
        String where = exam.course().isBlank() ? exam.title() : exam.title() + " (" + exam.course() + ")";
        List<String> reasons = attempt.reasons().stream().map(EmailMessage::describe).toList();
        String subject = oneLine("Invigil: " + attempt.student() + " needs review in " + exam.title());
        String opening = attempt.student() + "'s attempt at " + where + " needs a review.";
        String why = reasons.isEmpty() ? "Why: the integrity checks asked for a person to look."
                : "Why: " + String.join(" ", reasons);
        String score = "Integrity score: " + attempt.score() + "/100 (a score is never a verdict).";
        String text = String.join("\n\n", opening, why, score, HOW_TO_REVIEW, "-- \n" + WHY_YOU_GET_THIS) + "\n";
        String html = "<!DOCTYPE html><html><body style=\"font-family: sans-serif\">"
                + "<p><strong>" + escape(attempt.student()) + "</strong>'s attempt at <strong>" + escape(exam.title())
                + "</strong>" + (exam.course().isBlank() ? "" : " (" + escape(exam.course()) + ")")
                + " needs a review.</p>"
                + (reasons.isEmpty() ? "<p>" + escape(why) + "</p>"
                : "<p>Why:</p><ul>" + reasons.stream().map(r -> "<li>" + escape(r) + "</li>")
                .collect(Collectors.joining()) + "</ul>")
                + "<p>" + escape(score) + "</p>"
                + "<p>" + escape(HOW_TO_REVIEW) + "</p>"
                + "<p style=\"color: #666; font-size: smaller\">" + escape(WHY_YOU_GET_THIS) + "</p>"
                + "</body></html>";
        return new EmailMessage(subject, text, html);
    }

    /** A reason of the integrity result (a rule id, or an identity or liveness check) in words. */
    static String describe(String reason) {
        return switch (reason) {
            case "identity-needs-review" -> "The identity check could not confirm the student against their "
                    + "reference photo.";
            case "enrolment-photo-to-confirm" -> "The reference photo taken at the start waits for confirmation.";
            case "liveness-not-confirmed" -> "The liveness check did not confirm a live person.";
            default -> Rule.of(reason).map(Rule::description).orElse(reason);
        };
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
