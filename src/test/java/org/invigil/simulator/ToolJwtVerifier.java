package org.invigil.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Verifies JWTs signed by a tool (client assertions, deep-linking responses, LtiStartAssessment) the way Moodle
 * does: RS256 only, a {@code kid} is required, and the tool's JWKS is fetched over HTTP from its registered
 * {@code jwks_uri} on every verification, while the tool waits for the answer (Security Framework 1.0 §6.3).
 */
final class ToolJwtVerifier {
    private static final Logger LOG = Logger.getLogger(ToolJwtVerifier.class.getName());
    private static final Duration SKEW = Duration.ofSeconds(60);

    /** Why a tool JWT was refused. */
    static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    private final LtiPlatformSimulator platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger fetches = new AtomicInteger();
    private final java.util.Set<String> nonces = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ToolJwtVerifier(LtiPlatformSimulator platform) {
        this.platform = platform;
    }

    /** Parses without verifying (to find out which tool it claims to come from). */
    static SignedJWT parse(String jwt) throws Invalid {
        if (jwt == null || jwt.isBlank()) {
            throw new Invalid("no JWT");
        }
        try {
            return SignedJWT.parse(jwt);
        } catch (ParseException e) {
            throw new Invalid("not a signed JWT (JWS compact serialisation): " + e.getMessage());
        }
    }

    /** Checks alg and kid, fetches the tool JWKS and verifies the signature; returns the claims. */
    JWTClaimsSet verify(SignedJWT jwt, ToolRegistration tool) throws Invalid {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new Invalid("alg must be RS256, got " + jwt.getHeader().getAlgorithm());
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null || kid.isBlank()) {
            throw new Invalid("the JWS header has no kid");
        }
        if (tool.jwksUri() == null) {
            throw new Invalid("tool " + tool.clientId() + " has no jwks_uri");
        }
        JWK key = fetch(tool.jwksUri()).getKeyByKeyId(kid);
        if (!(key instanceof RSAKey rsa)) {
            throw new Invalid("no RSA key with kid '" + kid + "' in the tool JWKS at " + tool.jwksUri());
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsa))) {
                throw new Invalid("bad signature for kid '" + kid + "'");
            }
            return jwt.getJWTClaimsSet();
        } catch (JOSEException | ParseException e) {
            throw new Invalid("cannot verify: " + e.getMessage());
        }
    }

    /**
     * Open edX's {@code ToolKeyHandler.validate_and_decode}: tries every key of the tool JWKS in turn, ignoring the
     * {@code kid}, with PyJWT's {@code algorithms=['RS256', 'RS512']} and {@code verify_aud: False}; {@code exp} and
     * {@code nbf} are checked only when present, without leeway. Returns the claims.
     */
    JWTClaimsSet verifyWithAnyKey(SignedJWT jwt, ToolRegistration tool) throws Invalid {
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!JWSAlgorithm.RS256.equals(alg) && !JWSAlgorithm.RS512.equals(alg)) {
            throw new Invalid("The specified alg value is not allowed (" + alg + "; RS256 or RS512)");
        }
        if (tool.jwksUri() == null) {
            throw new Invalid("tool " + tool.clientId() + " has no jwks_uri");
        }
        boolean verified = false;
        for (JWK key : fetch(tool.jwksUri()).getKeys()) {
            if (key instanceof RSAKey rsa) {
                try {
                    if (jwt.verify(new RSASSAVerifier(rsa))) {
                        verified = true;
                        break;
                    }
                } catch (JOSEException e) {
                    LOG.fine(() -> "key " + rsa.getKeyID() + " cannot verify: " + e.getMessage());
                }
            }
        }
        if (!verified) {
            throw new Invalid("Signature verification failed for every key of the tool JWKS at " + tool.jwksUri());
        }
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = platform.now();
            if (claims.getExpirationTime() != null && !claims.getExpirationTime().toInstant().isAfter(now)) {
                throw new Invalid("Signature has expired (exp " + claims.getExpirationTime().toInstant() + ")");
            }
            if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now)) {
                throw new Invalid("The token is not yet valid (nbf " + claims.getNotBeforeTime().toInstant() + ")");
            }
            return claims;
        } catch (ParseException e) {
            throw new Invalid("the claims are unreadable: " + e.getMessage());
        }
    }

    /** Checks {@code exp} (required, in the future) and {@code iat} (required, not in the future) with 60 s skew. */
    void checkTimes(JWTClaimsSet claims) throws Invalid {
        Instant now = platform.now();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null) {
            throw new Invalid("exp is missing");
        }
        if (iat == null) {
            throw new Invalid("iat is missing");
        }
        if (exp.toInstant().plus(SKEW).isBefore(now)) {
            throw new Invalid("expired at " + exp.toInstant());
        }
        if (iat.toInstant().minus(SKEW).isAfter(now)) {
            throw new Invalid("issued in the future at " + iat.toInstant());
        }
    }

    private JWKSet fetch(URI jwksUri) throws Invalid {
        fetches.incrementAndGet();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(jwksUri)
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Invalid("the tool JWKS at " + jwksUri + " answered " + response.statusCode());
            }
            return JWKSet.parse(response.body());
        } catch (IOException e) {
            LOG.info(() -> "cannot fetch tool JWKS " + jwksUri + ": " + e);
            throw new Invalid("cannot fetch the tool JWKS at " + jwksUri + ": " + e);
        } catch (ParseException e) {
            throw new Invalid("the tool JWKS at " + jwksUri + " is not a JWK set: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Invalid("interrupted");
        }
    }

    /** A tool-to-platform LTI message (deep-linking response, LtiStartAssessment) that passed the common checks. */
    record ToolMessage(ToolRegistration tool, JWTClaimsSet claims, String jwt) {
    }

    /**
     * The checks every tool-originated LTI message gets (LTI Core 1.3 §5.1.x, Deep Linking 2.0 §4.5): the
     * {@code iss} is a registered client_id, RS256 signature by the tool's JWKS, {@code aud} contains the platform
     * issuer, {@code exp}/{@code iat}, a {@code nonce} never seen before for that tool, {@code version 1.3.0},
     * the expected {@code message_type}, a {@code deployment_id} of the tool. Failures are 400 with the reason.
     */
    ToolMessage verifyMessage(String jwt, String messageType) {
        try {
            SignedJWT signed = parse(jwt);
            String iss = signed.getJWTClaimsSet().getIssuer();
            ToolRegistration tool = platform.registration(iss == null ? "" : iss)
                    .orElseThrow(() -> new Invalid("iss '" + iss + "' is not the client_id of a registered tool"));
            JWTClaimsSet claims = verify(signed, tool);
            checkTimes(claims);
            if (claims.getAudience() == null || !claims.getAudience().contains(platform.issuer())) {
                throw new Invalid("aud " + claims.getAudience() + " must contain the platform issuer "
                        + platform.issuer());
            }
            String nonce = claims.getStringClaim("nonce");
            if (nonce == null || nonce.isBlank()) {
                throw new Invalid("nonce is missing");
            }
            if (!nonces.add(tool.clientId() + " " + nonce)) {
                throw new Invalid("nonce '" + nonce + "' was already used (replay)");
            }
            String version = claims.getStringClaim(IdTokens.LTI + "version");
            if (!"1.3.0".equals(version)) {
                throw new Invalid("version must be 1.3.0, got " + version);
            }
            String type = claims.getStringClaim(IdTokens.LTI + "message_type");
            if (!messageType.equals(type)) {
                throw new Invalid("message_type must be " + messageType + ", got " + type);
            }
            String deployment = claims.getStringClaim(IdTokens.LTI + "deployment_id");
            if (deployment == null || !tool.deploymentIds().contains(deployment)) {
                throw new Invalid("deployment_id '" + deployment + "' is not a deployment of " + tool.clientId());
            }
            return new ToolMessage(tool, claims, jwt);
        } catch (Invalid e) {
            throw HttpProblem.badRequest(messageType + ": " + e.getMessage());
        } catch (ParseException e) {
            throw HttpProblem.badRequest(messageType + ": a claim has the wrong type: " + e.getMessage());
        }
    }

    int fetchCount() {
        return fetches.get();
    }
}
