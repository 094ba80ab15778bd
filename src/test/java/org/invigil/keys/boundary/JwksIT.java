package org.invigil.keys.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.invigil.DeployedTool;
import org.junit.jupiter.api.Test;

class JwksIT {

    @Test
    void publishesPublicRsaKeysOnly() throws Exception {
        HttpResponse<String> response = DeployedTool.get("/lti/jwks.json");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JWKSet set = JWKSet.parse(response.body());
        assertFalse(set.getKeys().isEmpty());
        for (JWK key : set.getKeys()) {
            assertEquals("RSA", key.getKeyType().getValue());
            assertEquals("RS256", key.getAlgorithm().getName());
            assertFalse(key.isPrivate(), "the JWKS must never carry a private key");
            assertTrue(key.getKeyID() != null && !key.getKeyID().isBlank());
        }
    }

    @Test
    void rotationKeepsThePreviousKeyPublished() throws Exception {
        List<String> before = JWKSet.parse(DeployedTool.get("/lti/jwks.json").body()).getKeys().stream()
                .map(JWK::getKeyID).toList();
        HttpResponse<String> rotated = DeployedTool.send(HttpRequest.newBuilder(DeployedTool.at("/api/admin/keys/rotate"))
                .header("Authorization", "Bearer " + DeployedTool.adminToken())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, rotated.statusCode(), rotated.body());
        List<String> after = JWKSet.parse(DeployedTool.get("/lti/jwks.json").body()).getKeys().stream()
                .map(JWK::getKeyID).toList();
        assertTrue(after.containsAll(before), "keys retired by rotation stay published during the grace period");
        assertEquals(before.size() + 1, after.size());
    }

    @Test
    void rotationNeedsTheAdminToken() {
        HttpResponse<String> anonymous = DeployedTool.send(HttpRequest.newBuilder(DeployedTool.at("/api/admin/keys/rotate"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.body().contains("admin_token_missing"));
        HttpResponse<String> wrong = DeployedTool.send(HttpRequest.newBuilder(DeployedTool.at("/api/admin/keys/rotate"))
                .header("Authorization", "Bearer not-the-token-at-all")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("admin_token_wrong"));
    }
}
