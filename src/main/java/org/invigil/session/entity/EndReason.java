package org.invigil.session.entity;

import java.util.Arrays;
import java.util.Optional;

/** Why an attempt's monitoring ended. */
public enum EndReason {
    /** The student ended it (the journey's or the monitor's "end" button). */
    STUDENT("student"),
    /** The exam-page agent saw the quiz submitted. */
    QUIZ_SUBMITTED("quiz-submitted"),
    /** An instructor ended it, with a reason in the audit trail. */
    STAFF("staff"),
    /** The platform said the assessment ended (LTI Proctoring Services' LtiEndAssessment). */
    PLATFORM("platform"),
    /** Nothing arrived from the monitor for longer than the set time: the attempt is incomplete. */
    ABANDONED("abandoned"),
    /** The quiz's close time passed (with the student's extra time and the grace). */
    CLOSED("closed");

    private final String id;

    EndReason(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<EndReason> of(String id) {
        return Arrays.stream(values()).filter(reason -> reason.id.equals(id)).findFirst();
    }
}
