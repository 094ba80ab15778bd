package org.invigil.readiness.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import org.invigil.readiness.control.Readiness;
import org.invigil.web.control.Problem;

/**
 * The first filter on {@code /api/*} (declared first in {@code web.xml}): until the application is ready, every API
 * request is answered 503 with {@code Retry-After} and a problem+json body, so that a client keeps what it wanted to
 * send and tries again, instead of meeting a 500 from a half-started application. Once ready it only passes requests
 * on.
 */
public class ReadinessGate extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Seconds a client is asked to wait: start-up takes tens of seconds, the clients' backoff does the rest. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    transient Readiness readiness;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (readiness.ready()) {
            chain.doFilter(request, response);
            return;
        }
        String waiting = readiness.pending().stream().map(part -> part.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" and "));
        Problem problem = new Problem(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "starting", "Starting",
                "Invigil is starting (waiting for: " + waiting + "). Nothing was received: try again in "
                        + RETRY_AFTER_SECONDS + " seconds.");
        byte[] body = Json.createObjectBuilder()
                .add("type", "urn:invigil:problem:" + problem.code())
                .add("status", problem.status())
                .add("code", problem.code())
                .add("title", problem.title())
                .add("detail", problem.detail())
                .build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
