package org.invigil.keys.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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

    /**
     * Several nodes on one database rotate at the same hour and create the first key at the same start: the same
     * race as concurrent rotations on one node, since the decision is taken in the database. Without the lock, two
     * rotations read the same active key, both retire it and both add a key, leaving two keys that sign.
     */
    @Test
    void concurrentRotationsLeaveExactlyOneSigningKey() throws Exception {
        int rotations = 6;
        List<String> before = kids(keys());
        ExecutorService pool = Executors.newFixedThreadPool(rotations);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < rotations; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return DeployedTool.send(HttpRequest.newBuilder(DeployedTool.at("/api/admin/keys/rotate"))
                            .header("Authorization", "Bearer " + DeployedTool.adminToken())
                            .POST(HttpRequest.BodyPublishers.noBody()).build());
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                assertEquals(200, answer.get(2, TimeUnit.MINUTES).statusCode());
            }
        } finally {
            pool.shutdownNow();
        }
        List<JsonObject> after = keys();
        List<JsonObject> unretired = after.stream().filter(key -> !key.containsKey("retiredAt")).toList();
        assertEquals(1, unretired.size(), "exactly one key is active after concurrent rotations: " + after);
        assertTrue(unretired.get(0).getBoolean("signing"));
        assertEquals(before.size() + rotations, after.size(), "every rotation made one key");
        HttpResponse<String> anonymous = DeployedTool.get("/api/admin/keys");
        assertEquals(401, anonymous.statusCode());
    }

    private static List<JsonObject> keys() {
        HttpResponse<String> list = DeployedTool.get("/api/admin/keys",
                "Authorization", "Bearer " + DeployedTool.adminToken());
        assertEquals(200, list.statusCode(), list.body());
        return Json.createReader(new StringReader(list.body())).readArray().getValuesAs(JsonObject.class);
    }

    private static List<String> kids(List<JsonObject> keys) {
        return keys.stream().map(key -> key.getString("kid")).toList();
    }
}
