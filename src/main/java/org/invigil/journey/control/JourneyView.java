package org.invigil.journey.control;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.ExamSummary;
import org.invigil.session.control.ConsentText;
import org.invigil.session.entity.ProctoringSession;

/**
 * The attempt as its student sees it: what the client needs to render the session. {@code closesAt} is when its quiz
 * closes for this student (with their extra time), when a close time is known. {@code assessment} is there when the
 * attempt began with LtiStartProctoring: the checks end in a hand-back to the platform's assessment.
 */
public record JourneyView(ProctoringSession session, ExamSummary exam, Set<Check> active, ConsentText consent,
                          String referenceSource, int identityAttemptsLeft, int livenessAttemptsLeft, long nextSequence,
                          Optional<Instant> closesAt, Optional<Assessment> assessment) {

    /**
     * The platform's assessment this attempt hands the student back to (LTI Proctoring Services).
     *
     * @param attemptNumber  the platform's attempt number
     * @param handedBackAt   when the student was first sent to it
     * @param platformStatus the attempt's status as the platform's Assessment Control Service last answered it
     */
    public record Assessment(int attemptNumber, Optional<Instant> handedBackAt, Optional<String> platformStatus) {
    }
}
