package org.invigil.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private LtiPlatformSimulator lms;
    private FakeTool tool;

    @BeforeEach
    void start() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        tool = new FakeTool(lms, "client-1");
        lms.registerTool(tool.registration());
    }

    @AfterEach
    void stop() {
        tool.close();
        lms.close();
    }

    private String assertion(String jti) {
        return tool.clientAssertion(lms.tokenEndpoint().toString(), jti, Instant.now().plusSeconds(60));
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void issuesBearerTokenAfterFetchingTheToolJwks() {
        HttpResponse<String> response = tool.requestToken(FORM,
                tool.tokenForm(assertion("j1"), AssignmentAndGradeService.SCOPE_SCORE + " " + NamesAndRoles.SCOPE));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(3600, body.getInt("expires_in"));
        assertEquals(AssignmentAndGradeService.SCOPE_SCORE + " " + NamesAndRoles.SCOPE, body.getString("scope"));
        assertEquals(1, tool.jwksRequests.get());
        assertEquals(1, lms.tokenRequestCount());
        assertEquals(body.getString("access_token"), lms.issuedTokens().get(0).value());
    }

    @Test
    void acceptsTheIssuerAsAudience() {
        String assertion = tool.clientAssertion(lms.issuer(), "j1", Instant.now().plusSeconds(60));
        assertEquals(200, tool.requestToken(FORM, tool.tokenForm(assertion, NamesAndRoles.SCOPE)).statusCode());
    }

    @Test
    void refusesOtherContentTypes() {
        HttpResponse<String> response = tool.requestToken("application/json",
                tool.tokenForm(assertion("j1"), NamesAndRoles.SCOPE));
        assertEquals(400, response.statusCode());
        assertEquals("invalid_request", json(response).getString("error"));
    }

    @Test
    void refusesReplayedJti() {
        assertEquals(200, tool.requestToken(FORM, tool.tokenForm(assertion("same"), NamesAndRoles.SCOPE)).statusCode());
        HttpResponse<String> replay = tool.requestToken(FORM, tool.tokenForm(assertion("same"), NamesAndRoles.SCOPE));
        assertEquals(400, replay.statusCode());
        assertTrue(json(replay).getString("error_description").contains("already used"));
        assertEquals(2, lms.tokenRequestCount());
    }

    @Test
    void refusesAssertionsLivingLongerThanFiveMinutes() {
        String assertion = tool.clientAssertion(lms.tokenEndpoint().toString(), "j", Instant.now().plusSeconds(600));
        assertEquals(400, tool.requestToken(FORM, tool.tokenForm(assertion, NamesAndRoles.SCOPE)).statusCode());
    }

    @Test
    void refusesExpiredAssertionsAndWrongAudience() {
        String expired = tool.clientAssertion(lms.tokenEndpoint().toString(), "a", Instant.now().minusSeconds(120));
        assertEquals(400, tool.requestToken(FORM, tool.tokenForm(expired, NamesAndRoles.SCOPE)).statusCode());
        String elsewhere = tool.clientAssertion("https://elsewhere", "b", Instant.now().plusSeconds(60));
        assertEquals(400, tool.requestToken(FORM, tool.tokenForm(elsewhere, NamesAndRoles.SCOPE)).statusCode());
    }

    @Test
    void refusesAssertionsSignedWithAnotherKey() {
        RSAKey foreign = lms.keys().foreignKey();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("client-1").subject("client-1")
                .audience(lms.tokenEndpoint().toString()).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(60))).jwtID("x").build();
        String forged = lms.sign(claims, foreign, tool.key.getKeyID());
        HttpResponse<String> response = tool.requestToken(FORM, tool.tokenForm(forged, NamesAndRoles.SCOPE));
        assertEquals(401, response.statusCode());
        assertEquals("invalid_client", json(response).getString("error"));
    }

    @Test
    void refusesUnregisteredScopesAndOtherGrants() {
        assertEquals(400, tool.requestToken(FORM, tool.tokenForm(assertion("1"), "https://example.com/other"))
                .statusCode());
        Map<String, String> form = new java.util.LinkedHashMap<>(tool.tokenForm(assertion("2"), NamesAndRoles.SCOPE));
        form.put("grant_type", "password");
        assertEquals("unsupported_grant_type", json(tool.requestToken(FORM, form)).getString("error"));
    }
}
