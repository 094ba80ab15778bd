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
import java.util.Optional;
import org.invigil.readiness.control.NotReady;
import org.invigil.readiness.control.Readiness;
import org.invigil.web.boundary.RefusalMapper;
import org.invigil.web.control.Problem;

/**
 * The first filter on {@code /api/*} (declared first in {@code web.xml}): until the application is ready, every API
 * request is answered 503 with {@code Retry-After} and a problem+json body, so that a client keeps what it wanted to
 * send and tries again, instead of meeting a 500 from a half-started application. Once ready it only passes requests
 * on.
 */
public class ReadinessGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Readiness readiness;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<NotReady> notYet = readiness.notYet();
        if (notYet.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Problem problem = RefusalMapper.problem(notYet.get());
        byte[] body = Json.createObjectBuilder()
                .add("type", "urn:invigil:problem:" + problem.code())
                .add("status", problem.status())
                .add("code", problem.code())
                .add("title", problem.title())
                .add("detail", problem.detail())
                .build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.status());
        response.setHeader("Retry-After", Integer.toString(Readiness.RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
