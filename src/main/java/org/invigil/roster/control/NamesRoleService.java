package org.invigil.roster.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.access.entity.Roles;
import org.invigil.advantage.control.PlatformServiceException;
import org.invigil.advantage.control.ServiceCall;
import org.invigil.outbound.control.HttpAnswer;
import org.invigil.registration.entity.PlatformRegistration;
import org.invigil.roster.entity.Member;

/** The NRPS 2.0 client. */
@ApplicationScoped
public class NamesRoleService {

    public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    static final String MEMBERSHIP_CONTAINER = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private static final int MAX_PAGES = 200;

    @Inject
    ServiceCall service;

    /** Members asked for per page ({@code limit}); platforms may answer fewer and page with {@code rel="next"}. */
    @Inject
    @ConfigProperty(name = "invigil.roster.page-size", defaultValue = "100")
    int pageSize;

    /** Every member of the context (or of one resource link), following {@code rel="next"} pages. */
    public List<Member> members(PlatformRegistration platform, String membershipsUrl, Optional<String> resourceLinkId) {
        Set<String> scopes = service.scopes(platform, Set.of(SCOPE), "memberships");
        StringBuilder query = new StringBuilder("limit=").append(pageSize);
        resourceLinkId.ifPresent(rlid -> query.append("&rlid=").append(URLEncoder.encode(rlid, StandardCharsets.UTF_8)));
        String next = membershipsUrl + (membershipsUrl.contains("?") ? "&" : "?") + query;
        List<Member> members = new ArrayList<>();
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            HttpAnswer answer = service.call(platform, scopes, "names and roles service", ServiceCall.Method.GET,
                    service.address(next, "The memberships URL"), MEMBERSHIP_CONTAINER, null, null);
            JsonObject container;
            try {
                container = Json.createReader(new StringReader(answer.body())).readObject();
            } catch (JsonException e) {
                throw new PlatformServiceException("names and roles service", answer.status(), "the answer is not JSON");
            }
            if (!(container.get("members") instanceof JsonArray array)) {
                throw new PlatformServiceException("names and roles service", answer.status(),
                        "the answer has no members array");
            }
            for (JsonValue value : array) {
                if (value instanceof JsonObject member) {
                    members.add(member(member));
                }
            }
            next = ServiceCall.nextPage(answer).orElse(null);
        }
        return members;
    }

    static Member member(JsonObject json) {
        List<String> roles = new ArrayList<>();
        if (json.get("roles") instanceof JsonArray array) {
            for (JsonValue role : array) {
                if (role instanceof JsonString text) {
                    roles.add(text.getString());
                }
            }
        }
        return new Member(text(json, "user_id").orElse(""), json.getString("status", "Active"), Roles.parse(roles),
                text(json, "name"), text(json, "given_name"), text(json, "family_name"), text(json, "email"),
                text(json, "picture"), text(json, "ext_user_username").or(() -> text(json, "lis_person_sourcedid")));
    }

    private static Optional<String> text(JsonObject json, String member) {
        return json.get(member) instanceof JsonString value && !value.getString().isBlank()
                ? Optional.of(value.getString()) : Optional.empty();
    }
}
