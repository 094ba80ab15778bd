package org.invigil.advantage.control;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.invigil.keys.control.KeyRing;
import org.invigil.outbound.control.HttpAnswer;
import org.invigil.outbound.control.PlatformHttp;
import org.invigil.registration.entity.PlatformRegistration;

/**
 * Service access tokens (Security Framework 1.0 §4.1): a client_credentials grant authenticated by an RS256 client
 * assertion (iss = sub = client id, aud = the token endpoint or the platform's token audience, exp within five
 * minutes, unique jti), cached per registration and scope set until shortly before they expire.
 */
@ApplicationScoped
public class AccessTokens {

    static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);
    static final String FORM = "application/x-www-form-urlencoded";

    private record Cached(String token, Instant expiresAt) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    KeyRing keyRing;

    @Inject
    PlatformHttp http;

    Clock clock = Clock.systemUTC();

    public String token(PlatformRegistration platform, Set<String> scopes) {
        Set<String> sorted = new TreeSet<>(scopes);
        String key = platform.id() + " " + String.join(" ", sorted);
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && cached.expiresAt().isAfter(now.plus(EXPIRY_MARGIN))) {
            return cached.token();
        }
        Cached fresh = request(platform, sorted, now);
        cache.put(key, fresh);
        return fresh.token();
    }

    /** Forgets a token the platform no longer accepts (it answered 401 with it). */
    public void forget(PlatformRegistration platform, Set<String> scopes) {
        cache.remove(platform.id() + " " + String.join(" ", new TreeSet<>(scopes)));
    }

    private Cached request(PlatformRegistration platform, Set<String> scopes, Instant now) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion(platform, now));
        form.put("scope", String.join(" ", scopes));
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpAnswer answer = http.post(http.address(platform.endpoints().tokenEndpoint(), "The token endpoint"),
                FORM, body, Map.of("Accept", "application/json"));
        if (!answer.isSuccess()) {
            throw new PlatformServiceException("token endpoint", answer.status(), PlatformMessages.of(answer));
        }
        try {
            JsonObject json = Json.createReader(new StringReader(answer.body())).readObject();
            if (!(json.get("access_token") instanceof JsonString token) || token.getString().isBlank()) {
                throw new PlatformServiceException("token endpoint", answer.status(), "the answer has no access_token");
            }
            long seconds = json.get("expires_in") instanceof JsonNumber number ? number.longValue() : 3600;
            return new Cached(token.getString(), now.plusSeconds(Math.max(seconds, 0)));
        } catch (JsonException | ClassCastException e) {
            throw new PlatformServiceException("token endpoint", answer.status(), "the answer is not JSON");
        }
    }

    private String assertion(PlatformRegistration platform, Instant now) {
        return keyRing.sign(new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .subject(platform.clientId())
                .audience(platform.tokenAudience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }
}
