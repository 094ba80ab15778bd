package org.invigil.launch.control;

import static org.invigil.launch.control.LtiClaims.*;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.invigil.access.entity.Roles;
import org.invigil.launch.entity.LtiLaunch.AssessmentControlClaim;
import org.invigil.launch.entity.LtiLaunch.DeepLinkingSettings;
import org.invigil.launch.entity.LtiLaunch.GradeServiceClaim;
import org.invigil.launch.entity.LtiLaunch.LaunchContext;
import org.invigil.launch.entity.LtiLaunch.LaunchPresentation;
import org.invigil.launch.entity.LtiLaunch.LaunchUser;
import org.invigil.launch.entity.LtiLaunch.MembershipServiceClaim;
import org.invigil.launch.entity.LtiLaunch.ProctoringClaims;
import org.invigil.launch.entity.LtiLaunch.ResourceLink;
import org.invigil.launch.entity.LtiLaunch.ToolPlatform;
import org.invigil.launch.entity.LtiLaunch;
import org.invigil.launch.entity.MessageType;

/** Reads a verified claims set into a typed {@link LtiLaunch}; a claim of the wrong shape is a 400 naming it. */
final class LaunchClaims {

    private final JWTClaimsSet claims;

    LaunchClaims(JWTClaimsSet claims) {
        this.claims = claims;
    }

    LtiLaunch toLaunch(String registrationId, String clientId, MessageType type) {
        return new LtiLaunch(registrationId, claims.getIssuer(), clientId, text(DEPLOYMENT_ID).orElseThrow(),
                type, text(TARGET_LINK_URI).orElse(null), user(), roles(), context(), resourceLink(), custom(),
                presentation(), platform(), gradeService(), membershipService(), deepLinking(), proctoring());
    }

    Optional<String> text(String name) {
        Object value = claims.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Optional.of(value.toString());
        }
        throw malformed(name, "a string");
    }

    Optional<Map<String, Object>> object(String name) {
        Object value = claims.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> typed = new LinkedHashMap<>();
            map.forEach((key, member) -> typed.put(String.valueOf(key), member));
            return Optional.of(typed);
        }
        throw malformed(name, "a JSON object");
    }

    List<String> strings(String name) {
        return strings(claims.getClaim(name), name);
    }

    private LaunchUser user() {
        return new LaunchUser(claims.getSubject(), text("name"), text("given_name"), text("family_name"),
                text("email"), text("picture"), text("locale"));
    }

    private Roles roles() {
        return Roles.parse(strings(ROLES));
    }

    private Optional<LaunchContext> context() {
        return object(CONTEXT).map(context -> new LaunchContext(member(context, "id", CONTEXT).orElseThrow(
                () -> malformed(CONTEXT + ".id", "present")), member(context, "label", CONTEXT),
                member(context, "title", CONTEXT)));
    }

    private Optional<ResourceLink> resourceLink() {
        return object(RESOURCE_LINK).map(link -> new ResourceLink(member(link, "id", RESOURCE_LINK).orElseThrow(
                () -> malformed(RESOURCE_LINK + ".id", "present")), member(link, "title", RESOURCE_LINK),
                member(link, "description", RESOURCE_LINK)));
    }

    private Map<String, String> custom() {
        Map<String, String> custom = new LinkedHashMap<>();
        object(CUSTOM).ifPresent(values -> values.forEach((key, value) -> {
            if (value != null && !(value instanceof Map) && !(value instanceof List)) {
                custom.put(key, String.valueOf(value));
            }
        }));
        return custom;
    }

    private Optional<LaunchPresentation> presentation() {
        return object(LAUNCH_PRESENTATION).map(p -> new LaunchPresentation(
                member(p, "document_target", LAUNCH_PRESENTATION), member(p, "return_url", LAUNCH_PRESENTATION),
                member(p, "locale", LAUNCH_PRESENTATION)));
    }

    private Optional<ToolPlatform> platform() {
        return object(TOOL_PLATFORM).map(p -> new ToolPlatform(member(p, "guid", TOOL_PLATFORM),
                member(p, "name", TOOL_PLATFORM), member(p, "product_family_code", TOOL_PLATFORM),
                member(p, "version", TOOL_PLATFORM)));
    }

    private Optional<GradeServiceClaim> gradeService() {
        return object(AGS_ENDPOINT).map(ags -> new GradeServiceClaim(
                new LinkedHashSet<>(strings(ags.get("scope"), AGS_ENDPOINT + ".scope")),
                member(ags, "lineitems", AGS_ENDPOINT), member(ags, "lineitem", AGS_ENDPOINT)));
    }

    private Optional<MembershipServiceClaim> membershipService() {
        return object(NRPS).map(nrps -> new MembershipServiceClaim(
                member(nrps, "context_memberships_url", NRPS).orElseThrow(
                        () -> malformed(NRPS + ".context_memberships_url", "present")),
                strings(nrps.get("service_versions"), NRPS + ".service_versions")));
    }

    private Optional<DeepLinkingSettings> deepLinking() {
        return object(DEEP_LINKING_SETTINGS).map(dl -> new DeepLinkingSettings(
                member(dl, "deep_link_return_url", DEEP_LINKING_SETTINGS).orElseThrow(
                        () -> malformed(DEEP_LINKING_SETTINGS + ".deep_link_return_url", "present")),
                strings(dl.get("accept_types"), DEEP_LINKING_SETTINGS + ".accept_types"),
                Boolean.parseBoolean(String.valueOf(dl.getOrDefault("accept_multiple", "false"))),
                member(dl, "data", DEEP_LINKING_SETTINGS), member(dl, "title", DEEP_LINKING_SETTINGS)));
    }

    private Optional<ProctoringClaims> proctoring() {
        Optional<String> attempt = text(AP_ATTEMPT_NUMBER);
        if (attempt.isEmpty()) {
            return Optional.empty();
        }
        int number;
        try {
            number = Integer.parseInt(attempt.get());
        } catch (NumberFormatException e) {
            throw malformed(AP_ATTEMPT_NUMBER, "a whole number");
        }
        return Optional.of(new ProctoringClaims(number, text(AP_START_ASSESSMENT_URL), text(AP_SESSION_DATA),
                text(AP_ERROR_MESSAGE), text(AP_ERROR_LOG),
                object(AP_SETTINGS).flatMap(settings -> member(settings, "data", AP_SETTINGS)), control()));
    }

    /** {@code .../lti-ap/claim/acs} (Proctoring Services 1.0 §4.1.5): where and what the tool may control. */
    private Optional<AssessmentControlClaim> control() {
        return object(AP_CONTROL).map(acs -> new AssessmentControlClaim(
                member(acs, "assessment_control_url", AP_CONTROL).orElseThrow(
                        () -> malformed(AP_CONTROL + ".assessment_control_url", "present")),
                new LinkedHashSet<>(strings(acs.get("actions"), AP_CONTROL + ".actions"))));
    }

    private static Optional<String> member(Map<String, Object> object, String name, String claim) {
        Object value = object.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(value.toString());
        }
        throw malformed(claim + "." + name, "a string");
    }

    private static List<String> strings(Object value, String name) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw malformed(name, "an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw malformed(name, "an array of strings");
            }
            strings.add(text);
        }
        return strings;
    }

    static LaunchRejected malformed(String claim, String expected) {
        return LaunchRejected.malformed("claim_malformed", "The claim " + claim + " must be " + expected + ".");
    }

    static Set<String> audiences(JWTClaimsSet claims) {
        return new LinkedHashSet<>(claims.getAudience());
    }
}
