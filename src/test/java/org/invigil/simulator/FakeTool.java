package org.invigil.simulator;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal, well-behaved LTI tool for the simulator's own unit tests: serves its JWKS, answers the login
 * initiation with a correct redirect to the platform and records what is posted to its launch URL.
 */
final class FakeTool implements AutoCloseable {
    final RSAKey key = PlatformKeys.generate();
    final HttpServer server;
    final String base;
    final AtomicInteger jwksRequests = new AtomicInteger();
    final List<Map<String, String>> launches = new CopyOnWriteArrayList<>();
    /** Further keys the JWKS publishes after {@link #key} (e.g. to sign with a key listed second). */
    final List<RSAKey> extraKeys = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();
    private final LtiPlatformSimulator platform;
    private final String clientId;
    private final java.util.concurrent.ExecutorService executor;

    FakeTool(LtiPlatformSimulator platform, String clientId) throws IOException {
        this.platform = platform;
        this.clientId = clientId;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-tool");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/jwks", ex -> {
            jwksRequests.incrementAndGet();
            List<com.nimbusds.jose.jwk.JWK> published = new java.util.ArrayList<>(List.of(key.toPublicJWK()));
            extraKeys.forEach(k -> published.add(k.toPublicJWK()));
            send(ex, 200, "application/json", new com.nimbusds.jose.jwk.JWKSet(published).toString());
        });
        server.createContext("/login", this::login);
        server.createContext("/launch", ex -> {
            launches.add(Exchange.decodeForm(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            send(ex, 200, "text/html", "<html><body>launched</body></html>");
        });
        server.start();
    }

    ToolRegistration registration() {
        return new ToolRegistration(clientId)
                .deploymentIds("1")
                .initiateLoginUri(URI.create(base + "/login"))
                .redirectUris(URI.create(base + "/launch"))
                .jwksUri(URI.create(base + "/jwks"))
                .targetLinkUri(URI.create(base + "/launch"))
                .scopes(ToolRegistration.ALL_SERVICE_SCOPES);
    }

    private void login(HttpExchange ex) throws IOException {
        Map<String, String> p = "POST".equals(ex.getRequestMethod())
                ? Exchange.decodeForm(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                : Exchange.decodeForm(ex.getRequestURI().getRawQuery());
        Map<String, String> auth = new LinkedHashMap<>();
        auth.put("scope", "openid");
        auth.put("response_type", "id_token");
        auth.put("response_mode", "form_post");
        auth.put("prompt", "none");
        auth.put("client_id", clientId);
        auth.put("redirect_uri", base + "/launch");
        auth.put("login_hint", p.get("login_hint"));
        auth.put("lti_message_hint", p.get("lti_message_hint"));
        auth.put("state", "st-" + UUID.randomUUID());
        auth.put("nonce", "n-" + UUID.randomUUID());
        ex.getResponseHeaders().set("Location", platform.authorizationEndpoint() + "?" + Exchange.encodeForm(auth));
        send(ex, 302, "text/plain", "");
    }

    /** A client assertion for the token endpoint. */
    String clientAssertion(String aud, String jti, Instant exp) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(aud)
                .issueTime(new Date()).expirationTime(Date.from(exp)).jwtID(jti).build();
        return IdTokens.sign(claims, key, key.getKeyID(), null, null);
    }

    HttpResponse<String> requestToken(String contentType, Map<String, String> form) {
        return send(HttpRequest.newBuilder(platform.tokenEndpoint()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(Exchange.encodeForm(form))).build());
    }

    Map<String, String> tokenForm(String assertion, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", TokenEndpoint.JWT_BEARER);
        form.put("client_assertion", assertion);
        form.put("scope", scope);
        return form;
    }

    /** A fresh access token with those scopes (fails the test if refused). */
    String accessToken(String scope) {
        HttpResponse<String> response = requestToken("application/x-www-form-urlencoded", tokenForm(
                clientAssertion(platform.tokenEndpoint().toString(), UUID.randomUUID().toString(),
                        Instant.now().plusSeconds(60)), scope));
        if (response.statusCode() != 200) {
            throw new AssertionError("token refused: " + response.body());
        }
        return jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readObject()
                .getString("access_token");
    }

    /** Signs a tool message (RS256) with the tool key and its kid. */
    String sign(JWTClaimsSet claims) {
        return IdTokens.sign(claims, key, key.getKeyID(), null, null);
    }

    /** An Assessment Control Service request with that bearer token (none if null), Content-Type and body. */
    HttpResponse<String> acs(String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(platform.acsUrl())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
