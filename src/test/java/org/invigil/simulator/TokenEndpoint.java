package org.invigil.simulator;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The OAuth 2 token endpoint {@code POST /token} for LTI services (Security Framework 1.0 §4.1, RFC 7523
 * client authentication with a JWT bearer assertion), strict like Moodle's {@code mod/lti/token.php}:
 * <ul>
 * <li>Content-Type media type exactly {@code application/x-www-form-urlencoded} (400 otherwise);</li>
 * <li>{@code grant_type=client_credentials} (400 {@code unsupported_grant_type});</li>
 * <li>{@code client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer};</li>
 * <li>{@code client_assertion}: RS256 with a {@code kid}, {@code iss = sub =} a registered client_id, signature
 * verified against the tool's JWKS fetched over HTTP while the tool waits (401 {@code invalid_client} for an
 * unknown client or bad signature);</li>
 * <li>{@code aud} = the token endpoint URL (the issuer is accepted too), {@code exp} in the future and at most
 * 5 min ahead, {@code iat} not in the future, a {@code jti} never seen before for that client (a replay is 400);</li>
 * <li>{@code scope}: space-separated, non-empty, every scope registered by the tool (400 {@code invalid_scope}).</li>
 * </ul>
 * Answers {@code {access_token, token_type: Bearer, expires_in, scope}}. Every request is counted
 * ({@link LtiPlatformSimulator#tokenRequestCount()}) so tests can check the tool caches its tokens.
 */
final class TokenEndpoint {
    private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(5);

    /** An access token the platform issued. */
    public record AccessToken(String value, String clientId, Set<String> scopes, Instant issuedAt,
            Instant expiresAt) {
    }

    private final LtiPlatformSimulator platform;
    private final ToolJwtVerifier verifier;
    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
    private final List<AccessToken> issued = new CopyOnWriteArrayList<>();
    private final Set<String> seenJtis = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Duration lifetime = Duration.ofHours(1);

    TokenEndpoint(LtiPlatformSimulator platform, ToolJwtVerifier verifier) {
        this.platform = platform;
        this.verifier = verifier;
    }

    void routes(LtiPlatformSimulator http) {
        http.route("POST", "/token", this::token);
    }

    void lifetime(Duration value) {
        this.lifetime = value;
    }

    int requestCount() {
        return requests.get();
    }

    List<AccessToken> issued() {
        return List.copyOf(issued);
    }

    void expireAll() {
        Instant past = platform.now().minusSeconds(1);
        tokens.replaceAll((value, t) -> new AccessToken(value, t.clientId(), t.scopes(), t.issuedAt(), past));
    }

    private void token(Exchange exchange) {
        requests.incrementAndGet();
        if (!"application/x-www-form-urlencoded".equals(exchange.mediaType())) {
            throw HttpProblem.oauth(400, "invalid_request",
                    "Content-Type must be application/x-www-form-urlencoded, got '"
                            + exchange.header("Content-Type").orElse("") + "'");
        }
        Map<String, String> form = exchange.form();
        if (!"client_credentials".equals(form.get("grant_type"))) {
            throw HttpProblem.oauth(400, "unsupported_grant_type",
                    "grant_type must be client_credentials, got '" + form.get("grant_type") + "'");
        }
        if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
            throw HttpProblem.oauth(400, "invalid_request", "client_assertion_type must be " + JWT_BEARER);
        }
        ToolRegistration tool;
        JWTClaimsSet claims;
        try {
            SignedJWT assertion = ToolJwtVerifier.parse(form.get("client_assertion"));
            JWTClaimsSet unverified = assertion.getJWTClaimsSet();
            String iss = unverified.getIssuer();
            tool = platform.registration(iss == null ? "" : iss).orElseThrow(
                    () -> HttpProblem.oauth(401, "invalid_client", "unknown client (iss '" + iss + "')"));
            claims = verifier.verify(assertion, tool);
        } catch (ToolJwtVerifier.Invalid e) {
            throw HttpProblem.oauth(401, "invalid_client", "client_assertion: " + e.getMessage());
        } catch (java.text.ParseException e) {
            throw HttpProblem.oauth(401, "invalid_client", "client_assertion claims unreadable");
        }
        checkAssertion(claims, tool);
        Set<String> scopes = grantedScopes(form.get("scope"), tool);

        Instant now = platform.now();
        AccessToken token = new AccessToken(UUID.randomUUID().toString(), tool.clientId(), scopes, now,
                now.plus(lifetime));
        tokens.put(token.value(), token);
        issued.add(token);
        LOG.fine(() -> "issued token to " + token.clientId() + " for " + scopes);
        exchange.sendJson(200, "application/json", Json.createObjectBuilder()
                .add("access_token", token.value())
                .add("token_type", "Bearer")
                .add("expires_in", lifetime.toSeconds())
                .add("scope", String.join(" ", new TreeSet<>(scopes)))
                .build());
    }

    private void checkAssertion(JWTClaimsSet claims, ToolRegistration tool) {
        if (!tool.clientId().equals(claims.getSubject())) {
            throw HttpProblem.oauth(400, "invalid_request", "client_assertion sub must equal iss (the client_id)");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || aud.stream().noneMatch(a -> a.equals(platform.tokenEndpoint().toString())
                || a.equals(platform.issuer()))) {
            throw HttpProblem.oauth(400, "invalid_request", "client_assertion aud " + aud + " must contain "
                    + platform.tokenEndpoint());
        }
        try {
            verifier.checkTimes(claims);
        } catch (ToolJwtVerifier.Invalid e) {
            throw HttpProblem.oauth(400, "invalid_request", "client_assertion: " + e.getMessage());
        }
        Instant latest = platform.now().plus(MAX_ASSERTION_LIFETIME).plusSeconds(2);
        if (claims.getExpirationTime().toInstant().isAfter(latest)) {
            throw HttpProblem.oauth(400, "invalid_request", "client_assertion exp is more than 5 minutes ahead");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            throw HttpProblem.oauth(400, "invalid_request", "client_assertion has no jti");
        }
        if (!seenJtis.add(tool.clientId() + " " + jti)) {
            throw HttpProblem.oauth(400, "invalid_request", "client_assertion jti '" + jti + "' was already used");
        }
    }

    private static Set<String> grantedScopes(String requested, ToolRegistration tool) {
        Set<String> scopes = new TreeSet<>(LtiPlatformSimulator.split(requested));
        if (scopes.isEmpty()) {
            throw HttpProblem.oauth(400, "invalid_scope", "no scope requested");
        }
        Set<String> unregistered = new TreeSet<>(scopes);
        unregistered.removeAll(tool.scopes());
        if (!unregistered.isEmpty()) {
            throw HttpProblem.oauth(400, "invalid_scope", "scopes not registered by the tool: " + unregistered);
        }
        return Set.copyOf(scopes);
    }

    /**
     * Checks a service request's bearer token: 401 when missing, unknown or expired; 403 when it carries none of
     * the accepted scopes. Returns the token.
     */
    AccessToken authorize(Exchange exchange, Set<String> acceptedScopes) {
        String value = exchange.bearerToken()
                .orElseThrow(() -> HttpProblem.of(401, "missing Authorization: Bearer token"));
        AccessToken token = tokens.get(value);
        if (token == null) {
            throw HttpProblem.of(401, "unknown access token");
        }
        if (!token.expiresAt().isAfter(platform.now())) {
            throw HttpProblem.of(401, "expired access token");
        }
        if (token.scopes().stream().noneMatch(acceptedScopes::contains)) {
            throw HttpProblem.of(403, "the access token has none of the scopes " + acceptedScopes);
        }
        return token;
    }
}
