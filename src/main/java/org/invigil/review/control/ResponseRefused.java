package org.invigil.review.control;

import org.invigil.review.entity.ResponseWindow;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** A student's response that cannot be taken now, with the status and the words the student reads. */
public class ResponseRefused extends ProblemException {

    private static final long serialVersionUID = 1L;

    public ResponseRefused(ResponseWindow.Refusal reason) {
        super(problem(reason));
    }

    static Problem problem(ResponseWindow.Refusal reason) {
        return switch (reason) {
            case ATTEMPT_RUNNING -> new Problem(409, "attempt_running", "Not yet", reason.words());
            case DECIDED -> new Problem(409, "decision_final", "Already decided", reason.words());
            case TOO_MANY -> new Problem(409, "responses_limit", "No more responses", reason.words());
            case EMPTY -> new Problem(400, "response_empty", "Check your response", reason.words());
            case TOO_LONG -> new Problem(400, "response_too_long", "Check your response", reason.words());
            case INCIDENT_UNKNOWN -> new Problem(404, "incident_unknown", "No such incident", reason.words());
        };
    }
}
