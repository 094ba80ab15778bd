package org.invigil.web.boundary;

import jakarta.json.Json;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.invigil.web.control.Problem;

/** Renders a {@link Problem} as a page for browsers or as {@code application/problem+json} for API callers. */
final class ProblemResponses {

    static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    private ProblemResponses() {
    }

    static Response of(Problem problem, HttpHeaders headers) {
        Response.ResponseBuilder response = Response.status(problem.status()).header("Cache-Control", "no-store");
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        if (problem.status() == 503) {
            response.header("Retry-After", "2");
        }
        if (Negotiation.wantsHtml(headers)) {
            String body = """
                    <h1>%s</h1>
                    <p class="problem">%s</p>
                    <p class="hint">Reference: <code>%s</code>. If this keeps happening, tell your LMS administrator
                    and quote the reference.</p>
                    """.formatted(Page.escape(problem.title()), Page.escape(problem.detail()),
                    Page.escape(problem.code()));
            return response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Page.render(problem.title(), body)).build();
        }
        String json = Json.createObjectBuilder()
                .add("type", "urn:invigil:problem:" + problem.code())
                .add("status", problem.status())
                .add("code", problem.code())
                .add("title", problem.title())
                .add("detail", problem.detail())
                .build().toString();
        return response.type(PROBLEM_JSON).entity(json).build();
    }
}
