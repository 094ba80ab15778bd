package org.invigil.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * edx-exams' {@code exam_roster}: {@code GET /proctoring/roster/{resourceLinkId}}, the {@code custom.roster_url} of
 * an Open edX instructor launch, answering {@code [[anonymous_user_id, username], ...]} for every user with an
 * attempt at that exam (an LtiStartProctoring launch), in launch order. Like edx-exams it authenticates by the LMS
 * session ({@link LmsSessions}) of course staff, with Django REST framework's default session authentication and no
 * LTI token: no or a non-staff session is 403. The tool's page reads it in the instructor's browser
 * ({@code fetch(url, {credentials: "include"})}): a request whose {@code Origin} is a registered tool's gets
 * {@code Access-Control-Allow-Origin} with credentials (edx-exams' {@code CORS_ALLOW_CREDENTIALS}).
 */
final class ExamRoster {
    private final LtiPlatformSimulator platform;
    private final ProctoredAttempts attempts;
    private final LmsSessions sessions;

    ExamRoster(LtiPlatformSimulator platform, ProctoredAttempts attempts, LmsSessions sessions) {
        this.platform = platform;
        this.attempts = attempts;
        this.sessions = sessions;
    }

    void routes(LtiPlatformSimulator http) {
        http.route("GET", "/proctoring/roster/([^/]+)", this::roster);
    }

    URI url(ResourceLink link) {
        return URI.create(platform.baseUrl() + "/proctoring/roster/"
                + java.net.URLEncoder.encode(link.id(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private void roster(Exchange ex) {
        allowToolOrigin(ex);
        String linkId = ex.pathParam(1);
        ResourceLink link = platform.courses().stream().flatMap(c -> c.link(linkId).stream()).findFirst()
                .orElseThrow(() -> HttpProblem.of(404, "no exam (resource link) " + linkId));
        User user = sessions.user(ex).orElseThrow(() -> HttpProblem.of(403,
                "no LMS session: the roster needs the signed-in course staff's session cookie"));
        if (!IdTokens.isCourseStaff(link.course(), user)) {
            throw HttpProblem.of(403, user + " is not course staff of " + link.course());
        }
        Set<User> users = new LinkedHashSet<>();
        attempts.ofLink(link).forEach(a -> users.add(a.user()));
        JsonArrayBuilder roster = Json.createArrayBuilder();
        users.forEach(u -> roster.add(Json.createArrayBuilder().add(platform.anonymousId(u)).add(u.edxUsername())));
        ex.sendJson(200, "application/json", roster.build());
    }

    private void allowToolOrigin(Exchange ex) {
        Optional<String> origin = ex.header("Origin");
        if (origin.isPresent() && platform.registrations().stream().anyMatch(t -> origin.get().equals(origin(t)))) {
            ex.addHeader("Access-Control-Allow-Origin", origin.get());
            ex.addHeader("Access-Control-Allow-Credentials", "true");
            ex.addHeader("Vary", "Origin");
        }
    }

    private static String origin(ToolRegistration tool) {
        URI uri = tool.targetLinkUri() != null ? tool.targetLinkUri() : tool.initiateLoginUri();
        if (uri == null) {
            return null;
        }
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
