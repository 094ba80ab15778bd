package org.invigil.exam.entity;

/**
 * How an exam is proctored. Later issues add checks and thresholds; the defaults are the safe ones.
 *
 * @param frameIntervalSeconds seconds between webcam frames (2..60)
 * @param identityRequired     whether the student must pass the identity check before the exam
 */
public record ExamSettings(int frameIntervalSeconds, boolean identityRequired) {

    public static final int MIN_FRAME_INTERVAL = 2;
    public static final int MAX_FRAME_INTERVAL = 60;

    public static ExamSettings defaults() {
        return new ExamSettings(3, true);
    }

    public ExamSettings {
        if (frameIntervalSeconds < MIN_FRAME_INTERVAL || frameIntervalSeconds > MAX_FRAME_INTERVAL) {
            throw new IllegalArgumentException("The frame interval must be between " + MIN_FRAME_INTERVAL + " and "
                    + MAX_FRAME_INTERVAL + " seconds, not " + frameIntervalSeconds + ".");
        }
    }
}
