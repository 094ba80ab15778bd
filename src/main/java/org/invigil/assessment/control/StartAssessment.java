package org.invigil.assessment.control;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.invigil.access.entity.ToolSession;
import org.invigil.assessment.entity.Handoff;
import org.invigil.audit.control.AuditLog;
import org.invigil.ids.entity.SessionId;
import org.invigil.keys.control.KeyRing;
import org.invigil.registration.control.Platforms;
import org.invigil.registration.entity.PlatformRegistration;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.IdentityStatus;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.session.entity.SessionState;

/**
 * The tool's LtiStartAssessment message (Proctoring Services 1.0 §4.2): once the learner's checks are done and
 * monitoring runs, a JWT signed with the tool's key that the learner's browser posts, as the one form field
 * {@code JWT}, to the platform's {@code start_assessment_url}. It echoes exactly what the LtiStartProctoring launch
 * sent ({@code session_data}, {@code attempt_number} as a number, the resource link, the deployment), asks to be
 * launched again at the end ({@code end_assessment_return}), and names the {@code verified_user} where the identity
 * check verified the learner against a reference photo. It carries everything both strict and lenient platforms
 * check: {@code kid} in the header, {@code iss} = client id, {@code aud} = the platform issuer, a fresh nonce.
 */
@ApplicationScoped
public class StartAssessment {

    static final String AP = "https://purl.imsglobal.org/spec/lti-ap/claim/";
    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    /** How long the message may take from the tool, through the learner's browser, to the platform. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    ProctoringSessions sessions;

    @Inject
    Platforms platforms;

    @Inject
    KeyRing keys;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** Where the learner's browser posts the message, and the message. */
    public record Form(String url, String jwt) {
    }

    /**
     * The message that hands the student's checked attempt back to the platform's assessment. Refused for an attempt
     * that did not begin with LtiStartProctoring, and before the checks are done or after the attempt ended.
     */
    @Transactional
    public Form handBack(SessionId sessionId, ToolSession student) {
        ProctoringSession attempt = sessions.of(sessionId, student);
        Handoff handoff = em.find(Handoff.class, sessionId.value());
        if (handoff == null) {
            throw AssessmentRefused.notProctoringServices();
        }
        if (attempt.state() != SessionState.MONITORING && attempt.state() != SessionState.PAUSED) {
            throw AssessmentRefused.notReady(attempt.state().id());
        }
        PlatformRegistration platform = platforms.require(handoff.registrationId());
        Instant now = clock.instant();
        handoff.handedBack(now);
        audit.record(student, "start-assessment", "session:" + sessionId.value(), "Handed back to the platform's "
                + "assessment, attempt " + handoff.attemptNumber() + ".");
        return new Form(handoff.startUrl(), keys.sign(claims(handoff, attempt, platform, now)));
    }

    static JWTClaimsSet claims(Handoff handoff, ProctoringSession attempt, PlatformRegistration platform,
                               Instant now) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("id", handoff.linkId());
        handoff.linkTitle().ifPresent(title -> link.put("title", title));
        handoff.linkDescription().ifPresent(description -> link.put("description", description));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .audience(platform.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("nonce", UUID.randomUUID().toString())
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "message_type", "LtiStartAssessment")
                .claim(LTI + "deployment_id", handoff.deploymentId())
                .claim(LTI + "resource_link", link)
                .claim(AP + "session_data", handoff.sessionData().orElse(null))
                .claim(AP + "attempt_number", handoff.attemptNumber())
                .claim(AP + "end_assessment_return", true);
        if (attempt.identityStatus() == IdentityStatus.VERIFIED) {
            // only what the platform told Invigil of the learner (Open edX without PII sharing tells nothing)
            Map<String, Object> verified = new LinkedHashMap<>();
            if (attempt.userName() != null && !attempt.userName().isBlank()) {
                verified.put("name", attempt.userName());
            }
            attempt.email().ifPresent(email -> verified.put("email", email));
            if (!verified.isEmpty()) {
                claims.claim(AP + "verified_user", verified);
            }
        }
        return claims.build();
    }
}
