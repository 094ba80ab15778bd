package org.invigil.access.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.access.entity.ToolSession;
import org.invigil.crypto.control.MasterKey;

/** Issues and opens tool session tokens: HMAC-SHA256 JWS with a key derived from the master key. */
@ApplicationScoped
public class ToolSessions {

    private static final String AUDIENCE = "invigil:tool-session";

    @Inject
    MasterKey masterKey;

    @Inject
    @ConfigProperty(name = "invigil.session.lifetime-minutes", defaultValue = "240")
    int lifetimeMinutes;

    Clock clock = Clock.systemUTC();

    public ToolSessions() {
    }

    /** For unit tests. */
    public ToolSessions(MasterKey masterKey, int lifetimeMinutes, Clock clock) {
        this.masterKey = masterKey;
        this.lifetimeMinutes = lifetimeMinutes;
        this.clock = clock;
    }

    public Instant expiryFromNow() {
        return clock.instant().plus(Duration.ofMinutes(lifetimeMinutes));
    }

    public String issue(ToolSession session) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .audience(AUDIENCE)
                .subject(session.userId())
                .expirationTime(Date.from(session.expiresAt()))
                .issueTime(Date.from(clock.instant()))
                .claim("reg", session.registrationId())
                .claim("iss_p", session.issuer())
                .claim("cid", session.clientId())
                .claim("dep", session.deploymentId())
                .claim("name", session.userName())
                .claim("roles", List.copyOf(session.roles()))
                .claim("aud_t", session.audience().name());
        session.contextId().ifPresent(value -> claims.claim("ctx", value));
        session.contextTitle().ifPresent(value -> claims.claim("ctx_t", value));
        session.resourceLinkId().ifPresent(value -> claims.claim("rl", value));
        session.examId().ifPresent(value -> claims.claim("exam", value));
        session.email().ifPresent(value -> claims.claim("email", value));
        session.picture().ifPresent(value -> claims.claim("picture", value));
        session.deepLinkReturnUrl().ifPresent(value -> claims.claim("dl_ret", value));
        session.deepLinkData().ifPresent(value -> claims.claim("dl_data", value));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(masterKey.derive("tool-session")));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a tool session", e);
        }
    }

    public ToolSession open(String token) {
        if (token == null || token.isBlank()) {
            throw SessionRefused.notSignedIn("session_missing", "This page needs the session from your LMS launch. "
                    + "Open the activity again from your course page.");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.trim());
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new MACVerifier(masterKey.derive("tool-session")))) {
                throw invalid();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!claims.getAudience().contains(AUDIENCE)) {
                throw invalid();
            }
            Date expiry = claims.getExpirationTime();
            if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
                throw SessionRefused.notSignedIn("session_expired", "Your session has expired. Open the activity "
                        + "again from your course page.");
            }
            return new ToolSession(claims.getStringClaim("reg"), claims.getStringClaim("iss_p"),
                    claims.getStringClaim("cid"), claims.getStringClaim("dep"), optional(claims, "ctx"),
                    optional(claims, "ctx_t"), optional(claims, "rl"), optional(claims, "exam"),
                    claims.getSubject(), claims.getStringClaim("name"), optional(claims, "email"), optional(claims, "picture"),
                    new HashSet<>(claims.getStringListClaim("roles")),
                    ToolSession.Audience.valueOf(claims.getStringClaim("aud_t")), optional(claims, "dl_ret"),
                    optional(claims, "dl_data"), expiry.toInstant());
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            throw invalid();
        }
    }

    private static SessionRefused invalid() {
        return SessionRefused.notSignedIn("session_invalid", "The session token is not valid. Open the activity "
                + "again from your course page.");
    }

    private static Optional<String> optional(JWTClaimsSet claims, String name) throws ParseException {
        return Optional.ofNullable(claims.getStringClaim(name));
    }
}
