package org.invigil.session.control;

import org.invigil.ids.entity.SessionId;
import org.invigil.refusal.entity.Refusal;

/** Requests about a proctoring session that cannot be honoured, each with its kind and the words the student sees. */
public final class SessionRefusals {

    private SessionRefusals() {
    }

    public static AttemptRefused notFound(SessionId id) {
        return new AttemptRefused(Refusal.Kind.UNKNOWN, "session_unknown", "No such session",
                "There is no proctoring session " + id + ".");
    }

    public static AttemptRefused notYours() {
        return new AttemptRefused(Refusal.Kind.NOT_YOURS, "session_not_yours", "Not your session",
                "This proctoring session belongs to another student or another exam.");
    }

    public static AttemptRefused wrongState(String action, String state) {
        return new AttemptRefused(Refusal.Kind.NOT_NOW, "session_state", "Not now",
                "You cannot " + action + " now: this session is at the step '" + state + "'.");
    }

    public static AttemptRefused notALearner() {
        return new AttemptRefused(Refusal.Kind.NOT_YOURS, "learners_only", "For students",
                "Proctoring sessions are for the students of the course; open the instructor page instead.");
    }
}
