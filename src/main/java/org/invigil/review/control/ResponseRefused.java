package org.invigil.review.control;

import org.invigil.review.entity.ResponseWindow;
import org.invigil.refusal.entity.Refusal;

/** A student's response that cannot be taken now, with the status and the words the student reads. */
public class ResponseRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    public ResponseRefused(ResponseWindow.Refusal reason) {
        super(kind(reason), code(reason), title(reason), reason.words());
    }

    private static Kind kind(ResponseWindow.Refusal reason) {
        return switch (reason) {
            case ATTEMPT_RUNNING, DECIDED, TOO_MANY -> Kind.NOT_NOW;
            case EMPTY, TOO_LONG -> Kind.INVALID;
            case INCIDENT_UNKNOWN -> Kind.UNKNOWN;
        };
    }

    private static String code(ResponseWindow.Refusal reason) {
        return switch (reason) {
            case ATTEMPT_RUNNING -> "attempt_running";
            case DECIDED -> "decision_final";
            case TOO_MANY -> "responses_limit";
            case EMPTY -> "response_empty";
            case TOO_LONG -> "response_too_long";
            case INCIDENT_UNKNOWN -> "incident_unknown";
        };
    }

    private static String title(ResponseWindow.Refusal reason) {
        return switch (reason) {
            case ATTEMPT_RUNNING -> "Not yet";
            case DECIDED -> "Already decided";
            case TOO_MANY -> "No more responses";
            case EMPTY, TOO_LONG -> "Check your response";
            case INCIDENT_UNKNOWN -> "No such incident";
        };
    }
}
