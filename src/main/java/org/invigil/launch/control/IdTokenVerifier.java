package org.invigil.launch.control;

import static org.invigil.launch.control.LtiClaims.*;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.invigil.ids.entity.UserId;
import org.invigil.launch.entity.LtiLaunch;
import org.invigil.launch.entity.MessageType;
import org.invigil.registration.control.Platforms;
import org.invigil.registration.entity.PlatformRegistration;

/**
 * Verifies an id_token as Security Framework 1.0 §5.1.3 and LTI Core 1.3 §5.3 require, one method per check, in
 * this order: state, token syntax, algorithm, issuer and audience (the registration), signature by kid, time,
 * nonce (single use), LTI version, message type, deployment, and the claims the message type requires. Each check
 * refuses with a {@link LaunchRejected} that names what failed.
 */
@ApplicationScoped
public class IdTokenVerifier {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Inject
    Platforms platforms;

    @Inject
    PlatformKeys platformKeys;

    @Inject
    LoginStates states;

    @Inject
    OneTimeValues oneTimeValues;

    Clock clock = Clock.systemUTC();

    public LtiLaunch verify(String idToken, String state) {
        LoginState login = states.decode(state);
        SignedJWT jwt = parse(idToken);
        checkAlgorithm(jwt);
        JWTClaimsSet claims = claims(jwt);
        PlatformRegistration registration = checkIssuerAndAudience(claims, login);
        checkSignature(jwt, keys(registration, jwt));
        Instant now = clock.instant();
        checkTimes(claims, now);
        checkNonce(claims, login);
        if (!oneTimeValues.firstUse("nonce", claims.getClaim("nonce").toString(), expiry(claims, now))) {
            throw LaunchRejected.untrusted("nonce_replayed", "This launch was already used. Each launch can be "
                    + "used once: start the activity again from the course page.");
        }
        checkVersion(claims);
        MessageType type = checkMessageType(claims);
        checkDeployment(claims, registration);
        checkMessageClaims(claims, type);
        return new LaunchClaims(claims).toLaunch(registration.id(), registration.clientId(), type);
    }

    static SignedJWT parse(String idToken) {
        if (idToken == null || idToken.isBlank()) {
            throw LaunchRejected.malformed("id_token_missing", "The launch has no id_token. The platform must "
                    + "post it to this address (response_mode form_post).");
        }
        try {
            return SignedJWT.parse(idToken.trim());
        } catch (ParseException e) {
            if (isUnsecured(idToken.trim())) {
                throw LaunchRejected.untrusted("algorithm_unsupported", "The id_token is not signed (alg none); "
                        + "LTI 1.3 requires RS256.");
            }
            throw LaunchRejected.malformed("id_token_malformed", "The id_token is not a signed JWT.");
        }
    }

    private static boolean isUnsecured(String token) {
        try {
            PlainJWT.parse(token);
            return true;
        } catch (ParseException e) {
            return false;
        }
    }

    static void checkAlgorithm(SignedJWT jwt) {
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!JWSAlgorithm.RS256.equals(algorithm)) {
            throw LaunchRejected.untrusted("algorithm_unsupported", "The id_token is signed with " + algorithm
                    + "; LTI 1.3 requires RS256.");
        }
    }

    static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw LaunchRejected.malformed("id_token_malformed", "The id_token's payload is not a JSON claims set.");
        }
    }

    /**
     * The issuer must be a registered platform, and the audience our client id there (with {@code azp} naming it
     * when there are several audiences); both must be those the login started with.
     */
    PlatformRegistration checkIssuerAndAudience(JWTClaimsSet claims, LoginState login) {
        String issuer = claims.getIssuer();
        if (issuer == null || issuer.isBlank()) {
            throw LaunchRejected.untrusted("issuer_missing", "The id_token has no iss claim.");
        }
        List<PlatformRegistration> registrations = platforms.byIssuer(issuer);
        if (registrations.isEmpty()) {
            throw OidcLogin.unknownIssuer(issuer);
        }
        String clientId = audience(claims);
        PlatformRegistration registration = registrations.stream()
                .filter(candidate -> candidate.clientId().equals(clientId)).findFirst()
                .orElseThrow(() -> LaunchRejected.untrusted("wrong_audience", "The id_token is addressed to "
                        + LaunchClaims.audiences(claims) + ", not to a client id registered for " + issuer + "."));
        if (!registration.id().equals(login.registrationId())) {
            throw LaunchRejected.untrusted("state_mismatch", "The id_token comes from another platform or client "
                    + "than the login it answers.");
        }
        return registration;
    }

    /** The client id the token is for: the single audience, or {@code azp} among several (OIDC Core §3.1.3.7). */
    static String audience(JWTClaimsSet claims) {
        Set<String> audiences = LaunchClaims.audiences(claims);
        if (audiences.isEmpty()) {
            throw LaunchRejected.untrusted("wrong_audience", "The id_token has no aud claim.");
        }
        Object azp = claims.getClaim("azp");
        if (audiences.size() > 1) {
            if (!(azp instanceof String party) || !audiences.contains(party)) {
                throw LaunchRejected.untrusted("wrong_audience", "The id_token has several audiences and no azp "
                        + "claim naming one of them.");
            }
            return party;
        }
        String only = audiences.iterator().next();
        if (azp != null && !only.equals(azp)) {
            throw LaunchRejected.untrusted("wrong_audience", "The id_token's azp " + azp + " is not its audience "
                    + only + ".");
        }
        return only;
    }

    List<JWK> keys(PlatformRegistration registration, SignedJWT jwt) {
        if (jwt.getHeader().getKeyID() == null || jwt.getHeader().getKeyID().isBlank()) {
            throw LaunchRejected.untrusted("kid_missing", "The id_token header has no kid; the platform must name "
                    + "the key it signed with.");
        }
        try {
            return platformKeys.matching(registration.endpoints().jwksUri(), jwt.getHeader());
        } catch (KeySourceException e) {
            throw LaunchRejected.untrusted("platform_keys_unavailable", "The platform's keys could not be fetched "
                    + "from " + registration.endpoints().jwksUri() + " to verify the launch: " + e.getMessage());
        }
    }

    static void checkSignature(SignedJWT jwt, List<JWK> keys) {
        if (keys.isEmpty()) {
            throw LaunchRejected.untrusted("unknown_kid", "The platform's JWKS has no RS256 key with kid "
                    + jwt.getHeader().getKeyID() + ".");
        }
        for (JWK key : keys) {
            if (key instanceof RSAKey rsa) {
                try {
                    if (jwt.verify(new RSASSAVerifier(rsa))) {
                        return;
                    }
                } catch (JOSEException e) {
                    // try the next key with this kid, if any
                }
            }
        }
        throw LaunchRejected.untrusted("bad_signature", "The id_token's signature does not verify with the "
                + "platform's key " + jwt.getHeader().getKeyID() + ".");
    }

    static void checkTimes(JWTClaimsSet claims, Instant now) {
        Date expires = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        if (expires == null) {
            throw LaunchRejected.untrusted("exp_missing", "The id_token has no exp claim.");
        }
        if (issued == null) {
            throw LaunchRejected.untrusted("iat_missing", "The id_token has no iat claim.");
        }
        if (!expires.toInstant().plus(CLOCK_SKEW).isAfter(now)) {
            throw LaunchRejected.untrusted("token_expired", "The id_token expired at " + expires.toInstant()
                    + ". Start the activity again from the course page; if it keeps happening, the platform's "
                    + "clock may be wrong.");
        }
        if (issued.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw LaunchRejected.untrusted("token_not_yet_valid", "The id_token was issued in the future ("
                    + issued.toInstant() + "); the platform's clock may be wrong.");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw LaunchRejected.untrusted("token_not_yet_valid", "The id_token is not valid before "
                    + notBefore.toInstant() + ".");
        }
    }

    static void checkNonce(JWTClaimsSet claims, LoginState login) {
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String value) || value.isBlank()) {
            throw LaunchRejected.untrusted("nonce_missing", "The id_token has no nonce claim.");
        }
        if (!value.equals(login.nonce())) {
            throw LaunchRejected.untrusted("nonce_mismatch", "The id_token's nonce is not the one of this login: "
                    + "it answers another login.");
        }
    }

    static void checkVersion(JWTClaimsSet claims) {
        Object version = claims.getClaim(VERSION);
        if (version == null) {
            throw LaunchRejected.malformed("version_missing", "The id_token has no " + VERSION + " claim.");
        }
        if (!SUPPORTED_VERSION.equals(version)) {
            throw LaunchRejected.malformed("version_unsupported", "The LTI version " + version
                    + " is not supported; Invigil speaks LTI " + SUPPORTED_VERSION + ".");
        }
    }

    static MessageType checkMessageType(JWTClaimsSet claims) {
        Object type = claims.getClaim(MESSAGE_TYPE);
        if (type == null) {
            throw LaunchRejected.malformed("message_type_missing", "The id_token has no " + MESSAGE_TYPE + " claim.");
        }
        return MessageType.of(type.toString()).orElseThrow(() -> LaunchRejected.malformed("message_type_unknown",
                "The message type " + type + " is not one Invigil handles (LtiResourceLinkRequest, "
                        + "LtiDeepLinkingRequest, LtiStartProctoring, LtiEndAssessment)."));
    }

    static void checkDeployment(JWTClaimsSet claims, PlatformRegistration registration) {
        Object deployment = claims.getClaim(DEPLOYMENT_ID);
        if (!(deployment instanceof String id) || id.isBlank()) {
            throw LaunchRejected.malformed("deployment_missing", "The id_token has no " + DEPLOYMENT_ID + " claim.");
        }
        if (!registration.knowsDeployment(id)) {
            throw LaunchRejected.untrusted("unknown_deployment", "The deployment " + id + " of "
                    + registration.issuer() + " is not registered with Invigil. Ask the tool administrator to add it.");
        }
    }

    /** What each message type cannot do without (LTI Core §5.3, Deep Linking §4.4, Proctoring §4.3). */
    static void checkMessageClaims(JWTClaimsSet claims, MessageType type) {
        LaunchClaims typed = new LaunchClaims(claims);
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw LaunchRejected.malformed("sub_missing", "The id_token has no sub: Invigil needs to know who is "
                    + "launching (anonymous launches are not supported).");
        }
        if (!UserId.wellFormed(claims.getSubject())) {
            throw LaunchRejected.malformed("sub_invalid", "The id_token's sub must be 1 to "
                    + "255 printable ASCII characters (LTI 1.3 Core §5.3.6); this one is "
                    + claims.getSubject().length() + " characters long or holds others.");
        }
        if (claims.getClaim(ROLES) == null) {
            throw LaunchRejected.malformed("roles_missing", "The id_token has no " + ROLES + " claim.");
        }
        typed.strings(ROLES);
        switch (type) {
            case RESOURCE_LINK, START_PROCTORING, END_ASSESSMENT -> {
                if (typed.object(RESOURCE_LINK).map(link -> link.get("id")).filter(id -> !id.toString().isBlank())
                        .isEmpty()) {
                    throw LaunchRejected.malformed("resource_link_missing", "The " + type.specName()
                            + " has no " + RESOURCE_LINK + " with an id.");
                }
                if (typed.text(TARGET_LINK_URI).filter(uri -> !uri.isBlank()).isEmpty()) {
                    throw LaunchRejected.malformed("target_link_uri_missing", "The " + type.specName()
                            + " has no " + TARGET_LINK_URI + " claim.");
                }
                if (type == MessageType.START_PROCTORING) {
                    for (String claim : List.of(AP_ATTEMPT_NUMBER, AP_START_ASSESSMENT_URL, AP_SESSION_DATA)) {
                        if (claims.getClaim(claim) == null) {
                            throw LaunchRejected.malformed("proctoring_claim_missing", "The LtiStartProctoring "
                                    + "message has no " + claim + " claim.");
                        }
                    }
                }
            }
            case DEEP_LINKING -> {
                if (typed.object(DEEP_LINKING_SETTINGS).map(dl -> dl.get("deep_link_return_url")).isEmpty()) {
                    throw LaunchRejected.malformed("deep_linking_settings_missing", "The LtiDeepLinkingRequest has "
                            + "no " + DEEP_LINKING_SETTINGS + " with a deep_link_return_url.");
                }
            }
        }
    }

    private static Instant expiry(JWTClaimsSet claims, Instant now) {
        Instant exp = claims.getExpirationTime().toInstant().plus(CLOCK_SKEW);
        return exp.isAfter(now) ? exp : now.plus(CLOCK_SKEW);
    }
}
