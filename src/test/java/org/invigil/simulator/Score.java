package org.invigil.simulator;

import java.time.Instant;
import java.util.Optional;

/**
 * A score a tool posted (AGS 2.0 §3.4), as accepted by the platform.
 *
 * @param userId           the LTI user id
 * @param scoreGiven       as sent; may be {@code null}
 * @param scoreMaximum     as sent; may be {@code null}
 * @param comment          as sent (Moodle makes it the grade feedback); may be {@code null}
 * @param activityProgress Initialized | Started | InProgress | Submitted | Completed
 * @param gradingProgress  FullyGraded | Pending | PendingManual | Failed | NotReady
 * @param timestamp        the tool's timestamp
 * @param json             the body as received
 */
public record Score(String userId, Double scoreGiven, Double scoreMaximum, String comment, String activityProgress,
        String gradingProgress, Instant timestamp, String json) {

    /** The grade the gradebook shows: {@code scoreGiven} only when {@code FullyGraded} (Moodle ignores it otherwise). */
    public Optional<Double> grade() {
        return "FullyGraded".equals(gradingProgress) ? Optional.ofNullable(scoreGiven) : Optional.empty();
    }
}
