package org.invigil.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.invigil.registration.entity.ToolAddress;
import org.junit.jupiter.api.Test;

class ToolConfigurationTest {

    @Test
    void domainCarriesThePortAsMoodleRequires() {
        JsonObject config = ToolConfiguration.of(ToolAddress.of("http://127.0.0.1:8080"));
        assertEquals("127.0.0.1:8080", config.getJsonObject(ToolConfiguration.LTI_TOOL_CONFIGURATION).getString("domain"));
        JsonObject standard = ToolConfiguration.of(ToolAddress.of("https://invigil.example.edu/"));
        assertEquals("invigil.example.edu",
                standard.getJsonObject(ToolConfiguration.LTI_TOOL_CONFIGURATION).getString("domain"));
        assertEquals("https://invigil.example.edu/lti/login", standard.getString("initiate_login_uri"));
    }

    @Test
    void offersEveryMessageScopeAndClaimInvigilUses() {
        JsonObject config = ToolConfiguration.of(ToolAddress.of("https://invigil.example.edu"));
        JsonObject lti = config.getJsonObject(ToolConfiguration.LTI_TOOL_CONFIGURATION);
        List<String> messages = lti.getJsonArray("messages").stream()
                .map(message -> message.asJsonObject().getString("type")).toList();
        assertEquals(List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest", "LtiStartProctoring",
                "LtiEndAssessment"), messages);
        lti.getJsonArray("messages").forEach(message -> assertFalse(
                message.asJsonObject().getString("label").isBlank(), "Canvas wants a label on every message"));
        assertTrue(config.getString("scope").contains("https://purl.imsglobal.org/spec/lti-ags/scope/score"));
        assertTrue(config.getString("scope").contains("contextmembership.readonly"));
        assertTrue(config.getString("scope").contains("https://purl.imsglobal.org/spec/lti-ap/scope/control.all"),
                "Proctoring Services' Assessment Control Service");
        assertTrue(lti.getJsonArray("claims").getValuesAs(JsonString.class).stream()
                .anyMatch(claim -> claim.getString().equals("picture")));
        assertEquals("public", lti.getString(ToolConfiguration.CANVAS_PRIVACY_LEVEL));
        assertEquals("private_key_jwt", config.getString("token_endpoint_auth_method"));
        assertEquals("$ResourceLink.available.endDateTime",
                lti.getJsonObject("custom_parameters").getString(ToolConfiguration.CLOSE_PARAMETER),
                "the student's close time, where the platform substitutes it");
        assertTrue(config.getJsonArray("contacts").isEmpty(), "Canvas wants empty arrays, not missing members");
    }
}
