package org.invigil.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.invigil.DeployedTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SSRF through the unauthenticated Dynamic Registration page and through webhooks, against the real WAR: the tool
 * listens on every interface, so {@code 127.0.0.2:<its port>} reaches its own admin API; only {@code 127.0.0.1} is
 * allow-listed in the build. Every non-allowed destination is refused with a 400 before any connection, with the
 * same answer whether something listens there or not, and nothing of what the far side would say.
 */
class OutboundPolicyIT {

    static int toolPort;
    static int closedPort;
    static String adminApiAnswer;

    @BeforeAll
    static void ports() throws Exception {
        toolPort = DeployedTool.base().getPort();
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            closedPort = probe.getLocalPort();
        }
        // what the tool's own admin API says to a caller without the token: none of it may come back
        HttpResponse<String> direct = DeployedTool.get("/api/admin/platforms", "Accept", "application/json");
        assertEquals(401, direct.statusCode(), direct.body());
        adminApiAnswer = problem(direct).getString("detail");
    }

    static HttpResponse<String> register(String openidConfiguration) {
        return DeployedTool.get("/lti/register?openid_configuration="
                        + URLEncoder.encode(openidConfiguration, StandardCharsets.UTF_8) + "&registration_token=stolen",
                "Accept", "application/problem+json, text/html;q=0.1"); // the page is HTML; its refusal JSON
    }

    static JsonObject problem(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** A 400 problem with the code, nothing of the admin API's answer; returns the detail. */
    static String refused(HttpResponse<String> response, String code) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        JsonObject problem = problem(response);
        assertEquals(code, problem.getString("code"), response.body());
        assertFalse(response.body().contains(adminApiAnswer), "echoes the far side: " + response.body());
        assertFalse(response.body().contains("Bearer"), response.body());
        return problem.getString("detail");
    }

    @Test
    void registrationPageRefusesTheToolsOwnAdminApiOnAnotherLoopbackAddress() {
        String detail = refused(register("http://127.0.0.2:" + toolPort + "/api/admin/platforms"), "url_insecure");
        assertTrue(detail.contains("invigil.outbound.allow"), detail);
        String secure = refused(register("https://127.0.0.2:" + toolPort + "/api/admin/platforms"),
                "destination_refused");
        assertTrue(secure.contains("a loopback address (127.0.0.2)"), secure);
    }

    @Test
    void openAndClosedPortsGetTheSameAnswer() {
        for (String scheme : List.of("http", "https")) {
            String code = scheme.equals("http") ? "url_insecure" : "destination_refused";
            String open = refused(register(scheme + "://127.0.0.2:" + toolPort + "/api/admin/platforms"), code);
            String closed = refused(register(scheme + "://127.0.0.2:" + closedPort + "/api/admin/platforms"), code);
            assertEquals(open.replace(":" + toolPort + "/", ":PORT/"), closed.replace(":" + closedPort + "/", ":PORT/"));
        }
    }

    @Test
    void everyNonPublicAddressFormIsRefusedAlike() {
        for (String host : List.of("169.254.169.254", "10.0.0.1", "[::1]", "2130706434", "[::ffff:127.0.0.2]",
                "0.0.0.0", "100.64.0.1", "[fd00::1]", "224.0.0.1")) {
            refused(register("http://" + host + ":" + toolPort + "/latest/meta-data/"), "url_insecure");
            String detail = refused(register("https://" + host + ":" + toolPort + "/latest/meta-data/"),
                    "destination_refused");
            assertTrue(detail.contains("which Invigil does not call"), detail);
        }
    }

    @Test
    void decimalIpv4IsCheckedAsTheAddressItIs() {
        // 2130706434 is 127.0.0.2 (loopback, not allowed), whatever its text looks like
        String detail = refused(register("https://2130706434:" + toolPort + "/api/admin/platforms"),
                "destination_refused");
        assertTrue(detail.contains("(127.0.0.2)"), detail);
    }

    @Test
    void aWebhookAtANonAllowedAddressIsRefusedWhenConfigured() {
        HttpResponse<String> created = DeployedTool.putPlatform("""
                {"issuer": "https://lms.outbound-policy.example", "clientId": "outbound-client",
                 "deploymentIds": ["d1"], "authorizationEndpoint": "https://lms.outbound-policy.example/auth",
                 "tokenEndpoint": "https://lms.outbound-policy.example/token",
                 "jwksUri": "https://lms.outbound-policy.example/jwks", "name": "Policy",
                 "productFamilyCode": "moodle"}""");
        assertEquals(200, created.statusCode(), created.body());
        String platformId = Json.createReader(new StringReader(DeployedTool.get("/api/admin/platforms",
                        "Authorization", "Bearer " + DeployedTool.adminToken()).body())).readArray()
                .getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("issuer").equals("https://lms.outbound-policy.example"))
                .findFirst().orElseThrow().getString("id");
        for (String url : List.of("https://169.254.169.254/hook", "https://10.0.0.1/hook", "https://[::1]/hook",
                "https://127.0.0.2:" + closedPort + "/hook",
                "https://[::ffff:192.168.0.1]/hook")) {
            HttpResponse<String> answer = webhook(platformId, url);
            assertEquals(400, answer.statusCode(), url + ": " + answer.body());
            assertEquals("destination_refused", problem(answer).getString("code"), answer.body());
        }
        HttpResponse<String> plain = webhook(platformId, "http://127.0.0.2:" + toolPort + "/api/admin/platforms");
        assertEquals(400, plain.statusCode(), plain.body());
        assertEquals("url_insecure", problem(plain).getString("code"), plain.body());
    }

    static HttpResponse<String> webhook(String platformId, String url) {
        return DeployedTool.send(HttpRequest.newBuilder(DeployedTool.at("/api/admin/platforms/" + platformId
                        + "/webhook"))
                .header("Authorization", "Bearer " + DeployedTool.adminToken())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("url", url).build()
                        .toString())).build());
    }
}
