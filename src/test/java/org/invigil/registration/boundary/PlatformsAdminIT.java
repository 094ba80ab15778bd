package org.invigil.registration.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.invigil.DeployedTool;
import org.junit.jupiter.api.Test;

class PlatformsAdminIT {

    static String platform(String issuer, String jwks) {
        return """
                {"issuer": "%s", "clientId": "manual-client", "deploymentIds": ["d1"],
                 "authorizationEndpoint": "%s/auth", "tokenEndpoint": "%s/token", "jwksUri": "%s",
                 "name": "Hand-made", "productFamilyCode": "moodle"}""".formatted(issuer, issuer, issuer, jwks);
    }

    @Test
    void createsThenUpdatesAPlatformByIssuerAndClientId() {
        HttpResponse<String> created = DeployedTool.putPlatform(platform("https://lms.manual.example",
                "https://lms.manual.example/jwks"));
        assertEquals(200, created.statusCode(), created.body());
        HttpResponse<String> updated = DeployedTool.putPlatform(platform("https://lms.manual.example",
                "https://lms.manual.example/keys-v2").replace("[\"d1\"]", "[\"d2\"]"));
        assertEquals(200, updated.statusCode(), updated.body());
        assertTrue(updated.body().contains("keys-v2"));
        assertTrue(updated.body().contains("\"d1\"") && updated.body().contains("\"d2\""), updated.body());
        HttpResponse<String> list = DeployedTool.get("/api/admin/platforms",
                "Authorization", "Bearer " + DeployedTool.adminToken());
        assertEquals(200, list.statusCode());
        assertEquals(1, list.body().split("https://lms.manual.example\"", -1).length - 1, list.body());
    }

    @Test
    void refusesInsecureOrIncompletePlatformsWithTheReason() {
        HttpResponse<String> insecure = DeployedTool.putPlatform(platform("http://lms.public.example",
                "http://lms.public.example/jwks"));
        assertEquals(400, insecure.statusCode());
        assertTrue(insecure.body().contains("must use HTTPS"), insecure.body());
        HttpResponse<String> incomplete = DeployedTool.putPlatform("{\"issuer\": \"https://x.example\"}");
        assertEquals(400, incomplete.statusCode());
        assertTrue(incomplete.body().contains("client id is missing"), incomplete.body());
        HttpResponse<String> notJson = DeployedTool.putPlatform("{not json");
        assertEquals(400, notJson.statusCode(), notJson.body());
        assertTrue(notJson.body().contains("json_malformed"), notJson.body());
    }

    @Test
    void registrationUrlExplainsItselfWhenOpenedDirectly() {
        HttpResponse<String> page = DeployedTool.get("/lti/register", "Accept", "text/html");
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("Dynamic Registration"));
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.headers().allValues("X-Frame-Options").isEmpty(),
                "LMSs frame the registration page (Canvas): no X-Frame-Options");
    }
}
