package org.invigil.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names and Role Provisioning Services 2.0: {@code GET /nrps/{contextId}/memberships} (NRPS 2.0 §2–3).
 * <ul>
 * <li>bearer token with scope {@code https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly}
 * (401/403);</li>
 * <li>{@code Accept} must include {@code application/vnd.ims.lti-nrps.v2.membershipcontainer+json} (406);</li>
 * <li>query {@code role} (full URI or short name), {@code rlid} (a resource link of the context, else 400),
 * {@code limit} and {@code from}, with {@code Link: <...>; rel="next"};</li>
 * <li>{@link Flavor#MOODLE}: short role names ({@code "Learner"}), no {@code picture}, {@code ext_user_username};
 * {@link Flavor#CANVAS}: full role URIs and {@code picture} (unless the tool's privacy level hides it).</li>
 * </ul>
 * Body: {@code {id, context:{id,label,title}, members:[{status, user_id, roles, name, given_name, family_name,
 * email, ...}]}}.
 */
final class NamesAndRoles {
    static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    static final String MEMBERSHIP_CONTAINER = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

    private final LtiPlatformSimulator platform;
    private final TokenEndpoint tokens;

    NamesAndRoles(LtiPlatformSimulator platform, TokenEndpoint tokens) {
        this.platform = platform;
        this.tokens = tokens;
    }

    static String membershipsUrl(String issuer, Course course) {
        return issuer + "/nrps/" + URLEncoder.encode(course.id(), StandardCharsets.UTF_8) + "/memberships";
    }

    void routes(LtiPlatformSimulator http) {
        http.route("GET", "/nrps/([^/]+)/memberships", this::memberships);
    }

    private void memberships(Exchange ex) {
        TokenEndpoint.AccessToken token = tokens.authorize(ex, Set.of(SCOPE));
        ToolRegistration tool = platform.registration(token.clientId())
                .orElseThrow(() -> HttpProblem.of(401, "the token's tool is gone"));
        String accept = ex.header("Accept").orElse("");
        if (!accept.contains(MEMBERSHIP_CONTAINER)) {
            throw HttpProblem.of(406, "Accept must include " + MEMBERSHIP_CONTAINER + ", got '" + accept + "'");
        }
        String contextId = ex.pathParam(1);
        Course course = platform.findCourse(contextId)
                .orElseThrow(() -> HttpProblem.of(404, "no context " + contextId));
        Map<String, String> q = ex.query();
        if (q.containsKey("rlid") && course.link(q.get("rlid")).isEmpty()) {
            throw HttpProblem.badRequest("rlid '" + q.get("rlid") + "' is not a resource link of " + contextId);
        }
        List<Course.Membership> members = course.members();
        if (q.containsKey("role")) {
            Role role = Role.contextRole(q.get("role"))
                    .orElseThrow(() -> HttpProblem.badRequest("unknown role '" + q.get("role") + "'"));
            members = members.stream().filter(m -> m.roles().contains(role)).toList();
        }
        Page page = Page.of(q, members.size());
        JsonArrayBuilder array = Json.createArrayBuilder();
        members.subList(page.from(), page.to()).forEach(m -> array.add(member(m, tool)));
        page.nextLink(platform.baseUrl(), ex).ifPresent(link -> ex.addHeader("Link", link));
        String query = ex.uri().getRawQuery();
        ex.sendJson(200, MEMBERSHIP_CONTAINER, Json.createObjectBuilder()
                .add("id", platform.baseUrl() + ex.uri().getRawPath() + (query == null ? "" : "?" + query))
                .add("context", Json.createObjectBuilder().add("id", course.id()).add("label", course.label())
                        .add("title", course.title()))
                .add("members", array)
                .build());
    }

    private JsonObjectBuilder member(Course.Membership m, ToolRegistration tool) {
        Flavor flavor = platform.flavor();
        User user = m.user();
        JsonArrayBuilder roles = Json.createArrayBuilder();
        m.roles().forEach(r -> roles.add(flavor == Flavor.MOODLE ? r.shortName() : r.uri()));
        String privacy = flavor == Flavor.CANVAS ? tool.privacyLevel().orElse("public") : "public";
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("status", m.active() ? "Active" : "Inactive")
                .add("roles", roles)
                .add("user_id", user.sub());
        if (privacy.equals("public") || privacy.equals("name_only")) {
            json.add("name", user.name()).add("given_name", user.givenName()).add("family_name", user.familyName());
        }
        if (privacy.equals("public") || privacy.equals("email_only")) {
            json.add("email", user.email());
        }
        user.sourcedId().ifPresent(s -> json.add("lis_person_sourcedid", s));
        if (flavor == Flavor.MOODLE) {
            json.add("ext_user_username", user.username());
        } else if (privacy.equals("public") && user.picture() != null) {
            json.add("picture", user.picture().toString());
        }
        return json;
    }
}
