package org.invigil.registration.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.invigil.registration.entity.ToolAddress;

/**
 * The registration request a platform receives from Invigil (Dynamic Registration 1.0 §3.3 and the
 * {@code lti-tool-configuration} extension), written to satisfy the strictest platforms at once: Moodle's
 * domain-with-port rule, Canvas's privacy level, non-null labels and empty arrays rather than missing members.
 */
public final class ToolConfiguration {

    public static final String LTI_TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    public static final String CANVAS_PRIVACY_LEVEL = "https://canvas.instructure.com/lti/privacy_level";

    public static final String SCOPE_LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public static final String SCOPE_LINE_ITEM_READ = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    public static final String SCOPE_RESULT_READ = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    public static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public static final String SCOPE_MEMBERSHIPS =
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    /** LTI Proctoring Services' Assessment Control Service (§6.1.1). */
    public static final String SCOPE_ASSESSMENT_CONTROL = "https://purl.imsglobal.org/spec/lti-ap/scope/control.all";

    public static final List<String> SCOPES = List.of(
            SCOPE_LINE_ITEM, SCOPE_LINE_ITEM_READ, SCOPE_RESULT_READ, SCOPE_SCORE, SCOPE_MEMBERSHIPS,
            SCOPE_ASSESSMENT_CONTROL);

    public static final List<String> CLAIMS = List.of(
            "iss", "sub", "name", "given_name", "family_name", "email", "picture", "locale");

    public static final List<String> MESSAGES = List.of(
            "LtiResourceLinkRequest", "LtiDeepLinkingRequest", "LtiStartProctoring", "LtiEndAssessment");

    /**
     * The custom parameter through which a platform tells when the quiz closes: LTI's substitution variable
     * {@code $ResourceLink.available.endDateTime} (Canvas substitutes the assignment's lock date; Moodle sends the
     * variable's name, which Invigil ignores).
     */
    public static final String CLOSE_PARAMETER = "invigil_available_until";
    static final String CLOSE_VARIABLE = "$ResourceLink.available.endDateTime";

    static final String CLIENT_NAME = "Invigil";
    static final String DESCRIPTION = "Open-source exam proctoring: consent, identity check and explainable "
            + "integrity reports for quizzes in your course.";

    private ToolConfiguration() {
    }

    public static JsonObject of(ToolAddress tool) {
        String launch = tool.launch().toString();
        JsonArrayBuilder messages = Json.createArrayBuilder();
        for (String type : MESSAGES) {
            JsonObjectBuilder message = Json.createObjectBuilder()
                    .add("type", type)
                    .add("target_link_uri", launch)
                    .add("label", label(type))
                    .add("custom_parameters", Json.createObjectBuilder());
            if (type.equals("LtiDeepLinkingRequest")) {
                message.add("placements", Json.createArrayBuilder()
                        .add("ContentArea").add("assignment_selection").add("link_selection"));
            }
            messages.add(message);
        }
        JsonArrayBuilder claims = Json.createArrayBuilder();
        CLAIMS.forEach(claims::add);
        return Json.createObjectBuilder()
                .add("application_type", "web")
                .add("response_types", Json.createArrayBuilder().add("id_token"))
                .add("grant_types", Json.createArrayBuilder().add("implicit").add("client_credentials"))
                .add("initiate_login_uri", tool.login().toString())
                .add("redirect_uris", Json.createArrayBuilder().add(launch))
                .add("client_name", CLIENT_NAME)
                .add("jwks_uri", tool.jwks().toString())
                .add("logo_uri", tool.resolve("/static/invigil-logo.svg").toString())
                .add("token_endpoint_auth_method", "private_key_jwt")
                .add("contacts", Json.createArrayBuilder())
                .add("scope", String.join(" ", SCOPES))
                .add(LTI_TOOL_CONFIGURATION, Json.createObjectBuilder()
                        .add("domain", tool.domain())
                        .add("secondary_domains", Json.createArrayBuilder())
                        .add("target_link_uri", launch)
                        .add("description", DESCRIPTION)
                        .add("custom_parameters", Json.createObjectBuilder().add(CLOSE_PARAMETER, CLOSE_VARIABLE))
                        .add("claims", claims)
                        .add("messages", messages)
                        .add(CANVAS_PRIVACY_LEVEL, "public"))
                .build();
    }

    private static String label(String messageType) {
        return switch (messageType) {
            case "LtiDeepLinkingRequest" -> "Add a proctored exam (Invigil)";
            case "LtiStartProctoring" -> "Start proctoring (Invigil)";
            case "LtiEndAssessment" -> "End of assessment (Invigil)";
            default -> "Invigil";
        };
    }
}
