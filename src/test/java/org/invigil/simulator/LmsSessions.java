package org.invigil.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The learners' sign-in to the LMS itself: {@code GET /login?user=<sub>[&next=<url>]} answers
 * {@code Set-Cookie: edx_exams_sessionid=<random>; Path=/; HttpOnly; SameSite=Lax} bound to that user (then
 * redirects to {@code next}, if given). Open edX's LtiStartAssessment, LtiEndAssessment hand-off and exam roster
 * need that session ({@code request.user} in edx-exams, whose session cookie is {@code edx_exams_sessionid}).
 * edx-exams sets it {@code SameSite=None; Secure}; {@code Lax} without {@code Secure} serves the tests over plain
 * http, where the tool and the simulator share the host {@code 127.0.0.1} and are therefore the same site (so a
 * browser also sends it from an iframe: {@link StartAssessmentEndpoint} models the third-party-cookie block with
 * {@code Sec-Fetch-Dest}).
 */
final class LmsSessions {
    /** edx-exams' {@code SESSION_COOKIE_NAME}. */
    static final String COOKIE = "edx_exams_sessionid";

    private final LtiPlatformSimulator platform;
    private final Map<String, User> sessions = new ConcurrentHashMap<>();

    LmsSessions(LtiPlatformSimulator platform) {
        this.platform = platform;
    }

    void routes(LtiPlatformSimulator http) {
        http.route("GET", "/login", this::signIn);
    }

    URI signInUrl(User user, URI next) {
        return URI.create(platform.baseUrl() + "/login?user=" + URLEncoder.encode(user.sub(), StandardCharsets.UTF_8)
                + (next == null ? "" : "&next=" + URLEncoder.encode(next.toString(), StandardCharsets.UTF_8)));
    }

    /** The signed-in user of the request's session cookie, if any. */
    Optional<User> user(Exchange ex) {
        return ex.cookie(COOKIE).map(sessions::get);
    }

    private void signIn(Exchange ex) {
        Map<String, String> q = ex.query();
        String sub = q.get("user");
        if (sub == null || sub.isBlank()) {
            throw HttpProblem.badRequest("user is required");
        }
        User user = platform.findUser(sub).orElseThrow(() -> HttpProblem.of(404, "no user " + sub));
        String session = UUID.randomUUID().toString().replace("-", "");
        sessions.put(session, user);
        ex.addHeader("Set-Cookie", COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax");
        String next = q.get("next");
        if (next != null && !next.isBlank()) {
            ex.addHeader("Location", next);
            ex.sendHtml(302, "<!DOCTYPE html><html><body><a href=\"" + Exchange.escapeHtml(next)
                    + "\">Continue</a></body></html>");
            return;
        }
        ex.sendHtml(200, "<!DOCTYPE html>\n<html><head><title>Dashboard</title></head><body><p id=\"signed-in\">"
                + "Signed in as " + Exchange.escapeHtml(user.name()) + ".</p></body></html>\n");
    }
}
