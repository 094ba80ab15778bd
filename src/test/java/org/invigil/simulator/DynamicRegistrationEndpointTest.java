package org.invigil.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DynamicRegistrationEndpointTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** What a tool at http://127.0.0.1:9 would post; the edit lets tests break it. */
    private static String registration(UnaryOperator<String> edit) {
        String tool = "http://127.0.0.1:9";
        return edit.apply("""
                {"application_type":"web","response_types":["id_token"],
                 "grant_types":["implicit","client_credentials"],
                 "initiate_login_uri":"%1$s/lti/login","redirect_uris":["%1$s/lti/launch"],
                 "client_name":"Invigil","jwks_uri":"%1$s/lti/jwks","token_endpoint_auth_method":"private_key_jwt",
                 "scope":"https://purl.imsglobal.org/spec/lti-ags/scope/score https://example.com/unknown",
                 "contacts":[],
                 "https://purl.imsglobal.org/spec/lti-tool-configuration":{
                   "domain":"127.0.0.1:9","target_link_uri":"%1$s/lti/launch",
                   "claims":["iss","sub","name","email","picture"],
                   "https://canvas.instructure.com/lti/privacy_level":"public",
                   "messages":[{"type":"LtiResourceLinkRequest","label":"Exam"},
                               {"type":"LtiDeepLinkingRequest","target_link_uri":"%1$s/lti/deep-link",
                                "label":"Add exam"}]}}
                """.formatted(tool));
    }

    private HttpResponse<String> register(LtiPlatformSimulator lms, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(lms.registrationEndpoint()).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Map<String, String> startParameters(LtiPlatformSimulator lms) {
        URI start = lms.registrationStartUrl(URI.create("http://127.0.0.1:9/lti/register"));
        assertTrue(start.toString().startsWith("http://127.0.0.1:9/lti/register?openid_configuration="));
        return Exchange.decodeForm(start.getRawQuery());
    }

    @Test
    void moodleRegistersPendingToolWithDeepLinkingOnly() throws Exception {
        try (LtiPlatformSimulator lms = LtiPlatformSimulator.start(Flavor.MOODLE)) {
            Map<String, String> p = startParameters(lms);
            HttpResponse<String> config = send(HttpRequest.newBuilder(URI.create(p.get("openid_configuration")))
                    .build());
            assertEquals(200, config.statusCode());
            JsonObject openid = json(config.body());
            assertEquals(lms.issuer(), openid.getString("issuer"));
            assertEquals("moodle", openid.getJsonObject(DynamicRegistrationEndpoint.PLATFORM_CONFIGURATION)
                    .getString("product_family_code"));
            assertFalse(openid.getJsonArray("claims_supported").toString().contains("picture"));

            HttpResponse<String> response = register(lms, p.get("registration_token"), registration(s -> s));
            assertEquals(200, response.statusCode(), response.body());
            JsonObject answer = json(response.body());
            ToolRegistration tool = lms.registration(answer.getString("client_id")).orElseThrow();
            assertEquals(tool.deploymentId(), answer.getJsonObject(DynamicRegistrationEndpoint.TOOL_CONFIGURATION)
                    .getString("deployment_id"));
            assertEquals(List.of("LtiDeepLinkingRequest"),
                    tool.messages().stream().map(ToolRegistration.Message::type).toList());
            assertFalse(tool.claims().contains("picture"));
            assertEquals(java.util.Set.of(AssignmentAndGradeService.SCOPE_SCORE), tool.scopes());
            assertFalse(tool.isActive());
            assertThrows(IllegalStateException.class, () -> lms.launch(LaunchRequest.deepLinking(
                    lms.course("c", "C")).as(lms.user("1", "A", "B"))));

            assertEquals(401, register(lms, p.get("registration_token"), registration(s -> s)).statusCode());
        }
    }

    @Test
    void moodleRefusesDomainOtherThanTargetHostAndPort() throws Exception {
        try (LtiPlatformSimulator lms = LtiPlatformSimulator.start(Flavor.MOODLE)) {
            HttpResponse<String> response = register(lms, startParameters(lms).get("registration_token"),
                    registration(s -> s.replace("\"domain\":\"127.0.0.1:9\"", "\"domain\":\"127.0.0.1\"")));
            assertEquals(400, response.statusCode());
            assertTrue(response.body().contains("domain"), response.body());
            HttpResponse<String> broken = register(lms, startParameters(lms).get("registration_token"),
                    registration(s -> s.replace("\"implicit\",", "").replace("private_key_jwt", "client_secret")));
            assertEquals(400, broken.statusCode());
            assertTrue(broken.body().contains("grant_types") && broken.body().contains("private_key_jwt"));
            assertEquals(401, register(lms, "unknown", registration(s -> s)).statusCode());
        }
    }

    @Test
    void canvasWantsTokenOnConfigurationAndAnswers422() throws Exception {
        try (LtiPlatformSimulator lms = LtiPlatformSimulator.start(Flavor.CANVAS)) {
            Map<String, String> p = startParameters(lms);
            assertEquals(401, send(HttpRequest.newBuilder(URI.create(p.get("openid_configuration"))).build())
                    .statusCode());
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(p.get("openid_configuration")))
                    .header("Authorization", "Bearer " + p.get("registration_token")).build()).statusCode());
            HttpResponse<String> refused = register(lms, p.get("registration_token"), registration(s -> s
                    .replace("\"https://canvas.instructure.com/lti/privacy_level\":\"public\",", "")
                    .replace("\"label\":\"Exam\"", "\"label\":null")));
            assertEquals(422, refused.statusCode());
            assertEquals(2, json(refused.body()).getJsonArray("errors").size(), refused.body());

            HttpResponse<String> ok = register(lms, p.get("registration_token"), registration(s -> s));
            assertEquals(200, ok.statusCode(), ok.body());
            ToolRegistration tool = lms.onlyRegistration();
            assertTrue(tool.isActive());
            assertEquals(2, tool.messages().size());
            assertEquals("public", tool.privacyLevel().orElseThrow());
        }
    }

    @Test
    void nextRegistrationCanBeRefused() throws Exception {
        try (LtiPlatformSimulator lms = LtiPlatformSimulator.start(Flavor.CANVAS)) {
            String token = startParameters(lms).get("registration_token");
            lms.refuseNextRegistration(422, "{\"errors\":[\"nope\"]}");
            HttpResponse<String> refused = register(lms, token, registration(s -> s));
            assertEquals(422, refused.statusCode());
            assertEquals("{\"errors\":[\"nope\"]}", refused.body());
            assertEquals(200, register(lms, token, registration(s -> s)).statusCode());
        }
    }
}
