package org.invigil.web.control;

import jakarta.json.JsonException;

/**
 * JSON that {@link BoundedJson} will not read: malformed, not UTF-8, too deep, too large, too many members, a number
 * out of range, or not the type asked for. It is a {@link JsonException}, so code that already handles unreadable JSON
 * handles it too; at the HTTP boundary its {@link Problem} (400 or 413) is what the caller is told.
 */
public class JsonRefused extends JsonException {

    private static final long serialVersionUID = 1L;
    private final Problem problem;

    JsonRefused(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    static JsonRefused of(String code, String detail) {
        return new JsonRefused(Problem.badRequest(code, detail));
    }

    static JsonRefused tooLarge(long limit) {
        return new JsonRefused(new Problem(413, "json_too_large", "Request body too large",
                "The JSON body is larger than " + limit + " bytes."));
    }

    public Problem problem() {
        return problem;
    }
}
