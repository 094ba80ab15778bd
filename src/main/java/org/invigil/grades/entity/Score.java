package org.invigil.grades.entity;

import java.time.Instant;
import java.util.Optional;

/** One score publication (AGS 2.0 §3.4). */
public record Score(String userId, Optional<Double> scoreGiven, Optional<Double> scoreMaximum,
                    Optional<String> comment, ActivityProgress activityProgress, GradingProgress gradingProgress,
                    Instant timestamp) {

    public enum ActivityProgress { Initialized, Started, InProgress, Submitted, Completed }

    public enum GradingProgress { FullyGraded, Pending, PendingManual, Failed, NotReady }

    public Score {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("A score needs a userId");
        }
        if (scoreGiven.isPresent() && scoreMaximum.isEmpty()) {
            throw new IllegalArgumentException("A score with scoreGiven needs scoreMaximum");
        }
    }

    public Score at(Instant newTimestamp) {
        return new Score(userId, scoreGiven, scoreMaximum, comment, activityProgress, gradingProgress, newTimestamp);
    }
}
