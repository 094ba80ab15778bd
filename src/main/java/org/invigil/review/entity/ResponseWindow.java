package org.invigil.review.entity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a student may still answer their report: from the end of the attempt until a reviewer's final decision
 * (cleared or confirmed; a follow-up keeps the window open), in words a student can act on.
 *
 * @param attemptFinished whether the attempt has ended (or consent was declined)
 * @param finalDecision   whether a reviewer has taken a final decision on the whole attempt
 * @param written         how many responses the student has written already
 * @param incidentIds     the incidents of the attempt, which a response may name
 */
public record ResponseWindow(boolean attemptFinished, boolean finalDecision, int written, Set<String> incidentIds) {

    /** The longest response, as long as a reviewer's note. */
    public static final int MAX_LENGTH = 4000;
    /** Responses per attempt at most: room to add to an answer, not to flood the reviewer. */
    public static final int MAX_RESPONSES = 20;

    /** Why a response is refused, each with the words the student reads. */
    public enum Refusal {
        ATTEMPT_RUNNING("Your attempt has not ended yet. You can respond once it has."),
        DECIDED("A reviewer has already made a final decision on this attempt, so it no longer takes responses. "
                + "If you disagree with the decision, contact your instructor."),
        EMPTY("Write what you want the reviewer to know before sending."),
        TOO_LONG("A response must be at most " + MAX_LENGTH + " characters. Shorten it, or split it into two."),
        TOO_MANY("You have written " + MAX_RESPONSES + " responses to this attempt, the most it takes. "
                + "Contact your instructor to add more."),
        INCIDENT_UNKNOWN("That incident is not part of this attempt.");

        private final String words;

        Refusal(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public ResponseWindow {
        incidentIds = Set.copyOf(incidentIds);
    }

    /** The window of an attempt with these decisions (on incidents and on the attempt). */
    public static ResponseWindow of(boolean attemptFinished, List<Decision> decisions, int written,
                                    Set<String> incidentIds) {
        return new ResponseWindow(attemptFinished, decisions.stream().anyMatch(ResponseWindow::isFinal), written,
                incidentIds);
    }

    /** A decision on the whole attempt that closes it: cleared or confirmed, not follow-up. */
    public static boolean isFinal(Decision decision) {
        return decision.incidentId().isEmpty() && decision.outcome() != Decision.Outcome.FOLLOW_UP;
    }

    /** Whether the student can write at all now (the form is shown). */
    public boolean isOpen() {
        return attemptFinished && !finalDecision && written < MAX_RESPONSES;
    }

    /** Why this response cannot be written, if it cannot; empty when it can. */
    public Optional<Refusal> refusal(String incidentId, String text) {
        if (finalDecision) {
            return Optional.of(Refusal.DECIDED);
        }
        if (!attemptFinished) {
            return Optional.of(Refusal.ATTEMPT_RUNNING);
        }
        if (written >= MAX_RESPONSES) {
            return Optional.of(Refusal.TOO_MANY);
        }
        if (text == null || text.isBlank()) {
            return Optional.of(Refusal.EMPTY);
        }
        if (text.strip().length() > MAX_LENGTH) {
            return Optional.of(Refusal.TOO_LONG);
        }
        if (incidentId != null && !incidentId.isBlank() && !incidentIds.contains(incidentId)) {
            return Optional.of(Refusal.INCIDENT_UNKNOWN);
        }
        return Optional.empty();
    }
}
