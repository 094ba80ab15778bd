package org.invigil.assessment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.invigil.assessment.entity.Handoff;
import org.invigil.registration.entity.PlatformEndpoints;
import org.invigil.registration.entity.PlatformRegistration;
import org.invigil.session.entity.IdentityStatus;
import org.invigil.session.entity.ProctoringSession;
import org.junit.jupiter.api.Test;

class StartAssessmentTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final String AP = "https://purl.imsglobal.org/spec/lti-ap/claim/";
    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    final PlatformRegistration platform = new PlatformRegistration("https://tao.example", "client-9",
            new PlatformEndpoints("https://tao.example/auth", "https://tao.example/token", "https://tao.example/jwks",
                    null), PlatformRegistration.Source.MANUAL, T0);
    final Handoff handoff = new Handoff("s-1", "p-1", new Handoff.Launch("dep-3", "link-7", Optional.of("Final"),
            Optional.empty(), 2, Optional.of("eyJ.platform.signed"), "https://tao.example/start", Optional.empty(),
            Set.of()), T0);

    ProctoringSession attempt(String email) {
        return attempt("Ada Lovelace", email);
    }

    ProctoringSession attempt(String name, String email) {
        return new ProctoringSession("exam-1", "p-1", "course-1", "user-5", name, email, null, true, new byte[0], T0);
    }

    static ProctoringSession verified(ProctoringSession attempt) {
        attempt.consent("v1", T0, Set.of(), 30);
        attempt.passSystemCheck(true, false);
        attempt.recordIdentityAttempt(IdentityStatus.VERIFIED, 0.91, false);
        assertEquals(IdentityStatus.VERIFIED, attempt.identityStatus());
        return attempt;
    }

    @Test
    void echoesWhatTheLaunchSentAndCarriesWhatStrictPlatformsCheck() throws Exception {
        JWTClaimsSet claims = StartAssessment.claims(handoff, attempt("ada@example.edu"), platform, T0);
        assertEquals("client-9", claims.getIssuer(), "iss is the tool's client id");
        assertEquals(List.of("https://tao.example"), claims.getAudience(), "aud is the platform issuer");
        assertEquals("LtiStartAssessment", claims.getStringClaim(LTI + "message_type"));
        assertEquals("1.3.0", claims.getStringClaim(LTI + "version"));
        assertEquals("dep-3", claims.getStringClaim(LTI + "deployment_id"));
        assertEquals(Map.of("id", "link-7", "title", "Final"), claims.getJSONObjectClaim(LTI + "resource_link"));
        assertEquals("eyJ.platform.signed", claims.getStringClaim(AP + "session_data"), "echoed exactly");
        assertEquals(2, claims.getClaim(AP + "attempt_number"), "a number, not text: Open edX compares types");
        assertEquals(Boolean.TRUE, claims.getBooleanClaim(AP + "end_assessment_return"));
        assertTrue(claims.getExpirationTime().toInstant().isAfter(T0));
        assertEquals(T0, claims.getIssueTime().toInstant());
        String nonce = claims.getStringClaim("nonce");
        assertNotEquals(nonce, StartAssessment.claims(handoff, attempt(null), platform, T0).getStringClaim("nonce"),
                "a fresh nonce each time: a strict platform takes each once");
    }

    @Test
    void namesTheVerifiedUserOnlyWhenTheIdentityCheckVerifiedThem() throws Exception {
        ProctoringSession unverified = attempt("ada@example.edu");
        assertNull(StartAssessment.claims(handoff, unverified, platform, T0).getClaim(AP + "verified_user"));
        ProctoringSession verified = verified(attempt("ada@example.edu"));
        assertEquals(Map.of("name", "Ada Lovelace", "email", "ada@example.edu"),
                StartAssessment.claims(handoff, verified, platform, T0).getJSONObjectClaim(AP + "verified_user"));
    }

    @Test
    void namesOnlyWhatThePlatformToldOfTheLearner() throws Exception {
        assertEquals(Map.of("email", "ada@example.edu"), StartAssessment.claims(handoff,
                verified(attempt(null, "ada@example.edu")), platform, T0).getJSONObjectClaim(AP + "verified_user"));
        assertNull(StartAssessment.claims(handoff, verified(attempt(null, null)), platform, T0)
                .getClaim(AP + "verified_user"), "Open edX without PII sharing: nobody to name");
    }
}
