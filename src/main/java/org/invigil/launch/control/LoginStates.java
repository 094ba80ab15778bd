package org.invigil.launch.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.invigil.crypto.control.MasterKey;

/**
 * Issues and checks OIDC {@code state} values: an HMAC-SHA256 JWS over the {@link LoginState}, valid ten minutes.
 * The signature makes the state unforgeable (the CSRF defence of OIDC); single use comes from the nonce inside it,
 * which the launch consumes.
 */
@ApplicationScoped
public class LoginStates {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String AUDIENCE = "invigil:oidc-state";

    private final SecureRandom random = new SecureRandom();

    @Inject
    MasterKey masterKey;

    Clock clock = Clock.systemUTC();

    public LoginStates() {
    }

    /** For unit tests. */
    public LoginStates(MasterKey masterKey, Clock clock) {
        this.masterKey = masterKey;
        this.clock = clock;
    }

    public LoginState begin(String registrationId, String issuer, String clientId, String targetLinkUri) {
        return new LoginState(registrationId, issuer, clientId, randomValue(), targetLinkUri,
                clock.instant().plus(LIFETIME));
    }

    public String encode(LoginState state) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(AUDIENCE)
                .claim("registration", state.registrationId())
                .claim("platform", state.issuer())
                .claim("client_id", state.clientId())
                .claim("nonce", state.nonce())
                .claim("target_link_uri", state.targetLinkUri())
                .expirationTime(Date.from(state.expiresAt()))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the login state", e);
        }
    }

    /** The state as issued; refuses a missing, altered, foreign or expired one. */
    public LoginState decode(String state) {
        if (state == null || state.isBlank()) {
            throw LaunchRejected.malformed("state_missing", "The launch has no state parameter. Start the "
                    + "activity again from the course page.");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(state);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw LaunchRejected.malformed("state_malformed", "The state parameter is not one Invigil issued.");
        }
        try {
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key()))
                    || !claims.getAudience().contains(AUDIENCE)) {
                throw LaunchRejected.untrusted("state_invalid", "The state parameter was not issued by this "
                        + "Invigil or was altered.");
            }
        } catch (JOSEException e) {
            throw LaunchRejected.untrusted("state_invalid", "The state parameter cannot be verified.");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
            throw LaunchRejected.untrusted("state_expired", "The login took longer than "
                    + LIFETIME.toMinutes() + " minutes. Start the activity again from the course page.");
        }
        try {
            return new LoginState(claims.getStringClaim("registration"), claims.getStringClaim("platform"),
                    claims.getStringClaim("client_id"), claims.getStringClaim("nonce"),
                    claims.getStringClaim("target_link_uri"), expiry.toInstant());
        } catch (ParseException e) {
            throw LaunchRejected.malformed("state_malformed", "The state parameter is incomplete.");
        }
    }

    private byte[] key() {
        return masterKey.derive("oidc-state");
    }

    private String randomValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
