package org.invigil.simulator;

/**
 * A 4xx (or 5xx) answer an endpoint gives on bad input; the HTTP wiring writes it and records a
 * {@link LtiPlatformSimulator.Rejection}.
 */
final class HttpProblem extends RuntimeException {
    private final int status;
    private final String contentType;
    private final String body;

    private HttpProblem(int status, String reason, String contentType, String body) {
        super(reason, null, false, false);
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    /** A plain-text answer with the reason as body, as Moodle's endpoints give. */
    static HttpProblem of(int status, String reason) {
        return new HttpProblem(status, reason, "text/plain; charset=utf-8", reason);
    }

    static HttpProblem badRequest(String reason) {
        return of(400, reason);
    }

    /** A JSON answer (OAuth errors, Canvas registration errors). */
    static HttpProblem json(int status, String reason, String json) {
        return new HttpProblem(status, reason, "application/json", json);
    }

    /** An OAuth 2 error answer (RFC 6749 §5.2). */
    static HttpProblem oauth(int status, String error, String description) {
        String json = jakarta.json.Json.createObjectBuilder()
                .add("error", error).add("error_description", description).build().toString();
        return json(status, error + ": " + description, json);
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    String body() {
        return body;
    }
}
