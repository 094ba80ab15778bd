package org.invigil.deeplinking.control;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Exam;
import org.invigil.exam.entity.ExamSettings;
import org.invigil.grades.control.Gradebook;
import org.invigil.keys.control.KeyRing;
import org.invigil.launch.control.LtiClaims;
import org.invigil.registration.entity.ToolAddress;

/**
 * Makes the exam an instructor asked for and the signed LtiDeepLinkingResponse that hands its link back to the
 * platform: one {@code ltiResourceLink} pointing at the launch URL, with the exam id as a custom parameter and an
 * integrity {@code lineItem} for the platform to create with the link.
 */
@ApplicationScoped
public class DeepLinking {

    static final Duration RESPONSE_LIFETIME = Duration.ofMinutes(5);

    @Inject
    Exams exams;

    @Inject
    KeyRing keyRing;

    Clock clock = Clock.systemUTC();

    /** The form the platform's browser posts back: where to, and the {@code JWT} field. */
    public record Response(String returnUrl, String jwt, String examId) {
    }

    public Response createExam(ToolSession session, String title, ExamSettings settings, ToolAddress tool) {
        String returnUrl = session.deepLinkReturnUrl().orElseThrow(() -> new IllegalArgumentException(
                "The session is not a deep linking session"));
        Exam exam = exams.draft(session.platform(), session.deploymentId(), session.contextId().orElse(null),
                title, settings);
        Map<String, Object> lineItem = new LinkedHashMap<>();
        lineItem.put("scoreMaximum", Gradebook.SCORE_MAXIMUM);
        lineItem.put("label", title + " · proctoring check");
        lineItem.put("resourceId", exam.id());
        lineItem.put("tag", Gradebook.GATE_TAG);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "ltiResourceLink");
        item.put("title", title);
        item.put("text", "Proctored by Invigil");
        item.put("url", tool.launch().toString());
        item.put("custom", Map.of(Exams.EXAM_PARAMETER, exam.id()));
        item.put("lineItem", lineItem);
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(session.clientId())
                .audience(session.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(RESPONSE_LIFETIME)))
                .claim("nonce", UUID.randomUUID().toString())
                .claim("azp", session.clientId())
                .claim(LtiClaims.DEPLOYMENT_ID, session.deploymentId())
                .claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingResponse")
                .claim(LtiClaims.VERSION, LtiClaims.SUPPORTED_VERSION)
                .claim(LtiClaims.DEEP_LINKING_CONTENT_ITEMS, List.of(item))
                .claim("https://purl.imsglobal.org/spec/lti-dl/claim/msg", "Added the proctored exam \"" + title + "\".");
        session.deepLinkData().ifPresent(data -> claims.claim(LtiClaims.DEEP_LINKING_DATA, data));
        return new Response(returnUrl, keyRing.sign(claims.build()), exam.id());
    }
}
