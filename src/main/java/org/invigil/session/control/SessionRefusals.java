package org.invigil.session.control;

import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** Requests about a proctoring session that cannot be honoured, each with the status and words the student sees. */
public final class SessionRefusals {

    private SessionRefusals() {
    }

    public static ProblemException notFound(String id) {
        return new ProblemException(new Problem(404, "session_unknown", "No such session",
                "There is no proctoring session " + id + "."));
    }

    public static ProblemException notYours() {
        return new ProblemException(new Problem(403, "session_not_yours", "Not your session",
                "This proctoring session belongs to another student or another exam."));
    }

    public static ProblemException wrongState(String action, String state) {
        return new ProblemException(new Problem(409, "session_state", "Not now",
                "You cannot " + action + " now: this session is at the step '" + state + "'."));
    }

    public static ProblemException notALearner() {
        return new ProblemException(new Problem(403, "learners_only", "For students",
                "Proctoring sessions are for the students of the course; open the instructor page instead."));
    }
}
