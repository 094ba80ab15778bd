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
 * closes for this student (with their extra time), when a close time is known.
 */
public record JourneyView(ProctoringSession session, ExamSummary exam, Set<Check> active, ConsentText consent,
                          String referenceSource, int identityAttemptsLeft, int livenessAttemptsLeft, long nextSequence,
                          Optional<Instant> closesAt) {
}
