package org.invigil.launch.control;

import static org.invigil.launch.control.LtiClaims.*;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.invigil.launch.entity.LtiLaunch;
import org.invigil.launch.entity.MessageType;
import org.invigil.registration.entity.PlatformEndpoints;
import org.invigil.registration.entity.PlatformRegistration;
import org.invigil.web.boundary.RefusalMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdTokenVerifierTest {

    static RSAKey platformKey;
    static RSAKey otherKey;
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final LoginState LOGIN = new LoginState("reg-1", "https://lms.example", "client-1", "nonce-1",
            "https://tool.example/lti/launch", NOW.plusSeconds(600));

    @BeforeAll
    static void keys() throws Exception {
        platformKey = new RSAKeyGenerator(2048).keyID("platform-key").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("platform-key").generate();
    }

    static JWTClaimsSet.Builder resourceLinkClaims() {
        return new JWTClaimsSet.Builder()
                .issuer("https://lms.example").audience("client-1").subject("user-7")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(60)))
                .claim("nonce", "nonce-1")
                .claim(VERSION, "1.3.0")
                .claim(MESSAGE_TYPE, "LtiResourceLinkRequest")
                .claim(DEPLOYMENT_ID, "dep-1")
                .claim(TARGET_LINK_URI, "https://tool.example/lti/launch")
                .claim(RESOURCE_LINK, Map.of("id", "rl-1", "title", "Final exam"))
                .claim(ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                .claim(CONTEXT, Map.of("id", "ctx-1", "title", "Chemistry"));
    }

    static SignedJWT signed(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt;
    }

    static PlatformRegistration registration() {
        PlatformRegistration registration = new PlatformRegistration("https://lms.example", "client-1",
                new PlatformEndpoints("https://lms.example/auth", "https://lms.example/token",
                        "https://lms.example/jwks", null), PlatformRegistration.Source.MANUAL, NOW);
        registration.addDeployment("dep-1");
        return registration;
    }

    static String code(Runnable check) {
        return assertThrows(LaunchRejected.class, check::run).code();
    }

    static int status(Runnable check) {
        return RefusalMapper.problem(assertThrows(LaunchRejected.class, check::run)).status();
    }

    @Test
    void rejectsMissingIdToken() {
        assertEquals("id_token_missing", code(() -> IdTokenVerifier.parse(" ")));
        assertEquals(400, status(() -> IdTokenVerifier.parse(null)));
    }

    @Test
    void rejectsIdTokenThatIsNotAJwt() {
        assertEquals("id_token_malformed", code(() -> IdTokenVerifier.parse("not.a-jwt")));
    }

    @Test
    void rejectsUnsignedIdToken() {
        String unsigned = new com.nimbusds.jwt.PlainJWT(resourceLinkClaims().build()).serialize();
        assertEquals("algorithm_unsupported", code(() -> IdTokenVerifier.parse(unsigned)));
        assertEquals(401, status(() -> IdTokenVerifier.parse(unsigned)));
    }

    @Test
    void rejectsAlgorithmsOtherThanRs256() throws Exception {
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), resourceLinkClaims().build());
        hmac.sign(new MACSigner(new byte[32]));
        SignedJWT parsed = IdTokenVerifier.parse(hmac.serialize());
        assertEquals("algorithm_unsupported", code(() -> IdTokenVerifier.checkAlgorithm(parsed)));
        assertEquals(401, status(() -> IdTokenVerifier.checkAlgorithm(parsed)));
    }

    @Test
    void acceptsRs256() throws Exception {
        SignedJWT jwt = IdTokenVerifier.parse(signed(resourceLinkClaims().build(), platformKey).serialize());
        assertDoesNotThrow(() -> IdTokenVerifier.checkAlgorithm(jwt));
    }

    @Test
    void audienceIsTheSingleAudience() {
        assertEquals("client-1", IdTokenVerifier.audience(resourceLinkClaims().build()));
    }

    @Test
    void severalAudiencesNeedAnAzpAmongThem() {
        JWTClaimsSet withoutAzp = resourceLinkClaims().audience(List.of("client-1", "other")).build();
        assertEquals("wrong_audience", code(() -> IdTokenVerifier.audience(withoutAzp)));
        JWTClaimsSet withAzp = resourceLinkClaims().audience(List.of("client-1", "other")).claim("azp", "client-1").build();
        assertEquals("client-1", IdTokenVerifier.audience(withAzp));
        JWTClaimsSet foreignAzp = resourceLinkClaims().audience(List.of("client-1", "other")).claim("azp", "x").build();
        assertEquals("wrong_audience", code(() -> IdTokenVerifier.audience(foreignAzp)));
    }

    @Test
    void rejectsAzpThatIsNotTheAudience() {
        JWTClaimsSet claims = resourceLinkClaims().claim("azp", "someone-else").build();
        assertEquals("wrong_audience", code(() -> IdTokenVerifier.audience(claims)));
    }

    @Test
    void rejectsMissingAudience() {
        JWTClaimsSet claims = resourceLinkClaims().audience((String) null).build();
        assertEquals("wrong_audience", code(() -> IdTokenVerifier.audience(claims)));
    }

    @Test
    void acceptsSignatureOfTheKidsKey() throws Exception {
        SignedJWT jwt = signed(resourceLinkClaims().build(), platformKey);
        assertDoesNotThrow(() -> IdTokenVerifier.checkSignature(jwt, List.<JWK>of(platformKey.toPublicJWK())));
    }

    @Test
    void rejectsUnknownKid() throws Exception {
        SignedJWT jwt = signed(resourceLinkClaims().build(), platformKey);
        assertEquals("unknown_kid", code(() -> IdTokenVerifier.checkSignature(jwt, List.of())));
    }

    @Test
    void rejectsSignatureByAnotherKeyUnderAKnownKid() throws Exception {
        SignedJWT forged = signed(resourceLinkClaims().build(), otherKey);
        assertEquals("bad_signature",
                code(() -> IdTokenVerifier.checkSignature(forged, List.<JWK>of(platformKey.toPublicJWK()))));
    }

    @Test
    void rejectsAlteredPayload() throws Exception {
        SignedJWT jwt = signed(resourceLinkClaims().build(), platformKey);
        String[] parts = jwt.serialize().split("\\.");
        String altered = SignedJWT.parse(signed(resourceLinkClaims().subject("admin").build(), platformKey)
                .serialize()).getParsedParts()[1].toString();
        SignedJWT tampered = SignedJWT.parse(parts[0] + "." + altered + "." + parts[2]);
        assertEquals("bad_signature",
                code(() -> IdTokenVerifier.checkSignature(tampered, List.<JWK>of(platformKey.toPublicJWK()))));
    }

    @Test
    void rejectsExpiredToken() {
        JWTClaimsSet claims = resourceLinkClaims().expirationTime(Date.from(NOW.minusSeconds(120))).build();
        assertEquals("token_expired", code(() -> IdTokenVerifier.checkTimes(claims, NOW)));
    }

    @Test
    void toleratesSmallClockSkew() {
        JWTClaimsSet claims = resourceLinkClaims().expirationTime(Date.from(NOW.minusSeconds(30)))
                .issueTime(Date.from(NOW.plusSeconds(30))).build();
        assertDoesNotThrow(() -> IdTokenVerifier.checkTimes(claims, NOW));
    }

    @Test
    void rejectsTokenIssuedInTheFuture() {
        JWTClaimsSet claims = resourceLinkClaims().issueTime(Date.from(NOW.plusSeconds(600)))
                .expirationTime(Date.from(NOW.plusSeconds(900))).build();
        assertEquals("token_not_yet_valid", code(() -> IdTokenVerifier.checkTimes(claims, NOW)));
    }

    @Test
    void rejectsTokenBeforeItsNotBefore() {
        JWTClaimsSet claims = resourceLinkClaims().notBeforeTime(Date.from(NOW.plusSeconds(300))).build();
        assertEquals("token_not_yet_valid", code(() -> IdTokenVerifier.checkTimes(claims, NOW)));
    }

    @Test
    void rejectsTokenWithoutExpiryOrIssueTime() {
        assertEquals("exp_missing",
                code(() -> IdTokenVerifier.checkTimes(resourceLinkClaims().expirationTime(null).build(), NOW)));
        assertEquals("iat_missing",
                code(() -> IdTokenVerifier.checkTimes(resourceLinkClaims().issueTime(null).build(), NOW)));
    }

    @Test
    void nonceMustBeTheLoginsNonce() {
        assertDoesNotThrow(() -> IdTokenVerifier.checkNonce(resourceLinkClaims().build(), LOGIN));
        assertEquals("nonce_mismatch",
                code(() -> IdTokenVerifier.checkNonce(resourceLinkClaims().claim("nonce", "other").build(), LOGIN)));
        assertEquals("nonce_missing",
                code(() -> IdTokenVerifier.checkNonce(resourceLinkClaims().claim("nonce", null).build(), LOGIN)));
    }

    @Test
    void versionMustBe130() {
        assertEquals("version_missing",
                code(() -> IdTokenVerifier.checkVersion(resourceLinkClaims().claim(VERSION, null).build())));
        assertEquals("version_unsupported",
                code(() -> IdTokenVerifier.checkVersion(resourceLinkClaims().claim(VERSION, "1.1").build())));
        assertEquals(400, status(() -> IdTokenVerifier.checkVersion(resourceLinkClaims().claim(VERSION, "1.1").build())));
    }

    @Test
    void messageTypeMustBeKnown() {
        assertEquals(MessageType.RESOURCE_LINK, IdTokenVerifier.checkMessageType(resourceLinkClaims().build()));
        assertEquals("message_type_unknown", code(() -> IdTokenVerifier.checkMessageType(
                resourceLinkClaims().claim(MESSAGE_TYPE, "LtiSubmissionReviewRequest").build())));
        assertEquals("message_type_missing", code(() -> IdTokenVerifier.checkMessageType(
                resourceLinkClaims().claim(MESSAGE_TYPE, null).build())));
    }

    @Test
    void deploymentMustBeRegistered() {
        assertDoesNotThrow(() -> IdTokenVerifier.checkDeployment(resourceLinkClaims().build(), registration()));
        assertEquals("unknown_deployment", code(() -> IdTokenVerifier.checkDeployment(
                resourceLinkClaims().claim(DEPLOYMENT_ID, "dep-2").build(), registration())));
        assertEquals("deployment_missing", code(() -> IdTokenVerifier.checkDeployment(
                resourceLinkClaims().claim(DEPLOYMENT_ID, null).build(), registration())));
    }

    @Test
    void resourceLinkLaunchNeedsResourceLinkTargetRolesAndSubject() {
        assertDoesNotThrow(() -> IdTokenVerifier.checkMessageClaims(resourceLinkClaims().build(),
                MessageType.RESOURCE_LINK));
        assertEquals("resource_link_missing", code(() -> IdTokenVerifier.checkMessageClaims(
                resourceLinkClaims().claim(RESOURCE_LINK, null).build(), MessageType.RESOURCE_LINK)));
        assertEquals("resource_link_missing", code(() -> IdTokenVerifier.checkMessageClaims(
                resourceLinkClaims().claim(RESOURCE_LINK, Map.of("title", "x")).build(), MessageType.RESOURCE_LINK)));
        assertEquals("target_link_uri_missing", code(() -> IdTokenVerifier.checkMessageClaims(
                resourceLinkClaims().claim(TARGET_LINK_URI, null).build(), MessageType.RESOURCE_LINK)));
        assertEquals("roles_missing", code(() -> IdTokenVerifier.checkMessageClaims(
                resourceLinkClaims().claim(ROLES, null).build(), MessageType.RESOURCE_LINK)));
        assertEquals("sub_missing", code(() -> IdTokenVerifier.checkMessageClaims(
                resourceLinkClaims().subject(null).build(), MessageType.RESOURCE_LINK)));
        assertEquals("sub_invalid", code(() -> IdTokenVerifier.checkMessageClaims(
                resourceLinkClaims().subject("x".repeat(256)).build(), MessageType.RESOURCE_LINK)));
        assertEquals("sub_invalid", code(() -> IdTokenVerifier.checkMessageClaims(
                resourceLinkClaims().subject("caf\u00e9").build(), MessageType.RESOURCE_LINK)));
        assertDoesNotThrow(() -> IdTokenVerifier.checkMessageClaims(
                resourceLinkClaims().subject("x".repeat(255)).build(), MessageType.RESOURCE_LINK));
    }

    @Test
    void acceptsAnEmptyRolesArray() {
        assertDoesNotThrow(() -> IdTokenVerifier.checkMessageClaims(resourceLinkClaims().claim(ROLES, List.of())
                .build(), MessageType.RESOURCE_LINK));
    }

    @Test
    void rejectsRolesThatAreNotAnArrayOfStrings() {
        assertEquals("claim_malformed", code(() -> IdTokenVerifier.checkMessageClaims(
                resourceLinkClaims().claim(ROLES, "Learner").build(), MessageType.RESOURCE_LINK)));
    }

    @Test
    void deepLinkingNeedsItsSettings() {
        JWTClaimsSet withoutSettings = resourceLinkClaims().claim(MESSAGE_TYPE, "LtiDeepLinkingRequest")
                .claim(RESOURCE_LINK, null).build();
        assertEquals("deep_linking_settings_missing",
                code(() -> IdTokenVerifier.checkMessageClaims(withoutSettings, MessageType.DEEP_LINKING)));
        JWTClaimsSet withSettings = resourceLinkClaims().claim(RESOURCE_LINK, null)
                .claim(DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", "https://lms.example/dl")).build();
        assertDoesNotThrow(() -> IdTokenVerifier.checkMessageClaims(withSettings, MessageType.DEEP_LINKING));
    }

    @Test
    void startProctoringNeedsItsProctoringClaims() {
        JWTClaimsSet claims = resourceLinkClaims().claim(MESSAGE_TYPE, "LtiStartProctoring").build();
        assertEquals("proctoring_claim_missing",
                code(() -> IdTokenVerifier.checkMessageClaims(claims, MessageType.START_PROCTORING)));
        JWTClaimsSet complete = resourceLinkClaims().claim(AP_ATTEMPT_NUMBER, 1)
                .claim(AP_START_ASSESSMENT_URL, "https://lms.example/start").claim(AP_SESSION_DATA, "abc").build();
        assertDoesNotThrow(() -> IdTokenVerifier.checkMessageClaims(complete, MessageType.START_PROCTORING));
    }

    @Test
    void verifiedClaimsBecomeATypedLaunch() {
        JWTClaimsSet claims = resourceLinkClaims()
                .claim("name", "Stu Dent").claim("email", "stu@example.edu")
                .claim(ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
                        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student"))
                .claim(CUSTOM, Map.of("invigil_exam", "exam-9", "nested", Map.of("x", 1)))
                .claim(AGS_ENDPOINT, Map.of("scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                        "lineitems", "https://lms.example/li", "lineitem", "https://lms.example/li/1?type_id=1"))
                .claim(NRPS, Map.of("context_memberships_url", "https://lms.example/nrps",
                        "service_versions", List.of("2.0")))
                .build();
        LtiLaunch launch = new LaunchClaims(claims).toLaunch("reg-1", "client-1", MessageType.RESOURCE_LINK);
        assertEquals("user-7", launch.user().subject());
        assertEquals("Stu Dent", launch.user().displayName());
        assertTrue(launch.roles().isLearner());
        assertTrue(!launch.roles().isStaff());
        assertEquals("rl-1", launch.resourceLink().orElseThrow().id());
        assertEquals("ctx-1", launch.context().orElseThrow().id());
        assertEquals(Map.of("invigil_exam", "exam-9"), launch.custom());
        assertEquals("https://lms.example/li/1?type_id=1", launch.gradeService().orElseThrow().lineItem().orElseThrow());
        assertEquals("https://lms.example/nrps", launch.membershipService().orElseThrow().contextMembershipsUrl());
    }

    @Test
    void malformedContextClaimIsNamed() {
        JWTClaimsSet claims = resourceLinkClaims().claim(CONTEXT, "ctx-1").build();
        LaunchRejected rejected = assertThrows(LaunchRejected.class,
                () -> new LaunchClaims(claims).toLaunch("reg-1", "client-1", MessageType.RESOURCE_LINK));
        assertTrue(rejected.detail().contains(CONTEXT));
    }
}
