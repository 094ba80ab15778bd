package org.invigil.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeepLinkingReturnTest {
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
    private LtiPlatformSimulator lms;
    private FakeTool tool;
    private Course course;
    private User teacher;

    @BeforeEach
    void start() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        tool = new FakeTool(lms, "client-1");
        lms.registerTool(tool.registration());
        teacher = lms.user("2", "Tea", "Cher");
        course = lms.course("2", "Chemistry").enrol(teacher, Role.INSTRUCTOR);
    }

    @AfterEach
    void stop() {
        tool.close();
        lms.close();
    }

    private BrowserResponse respond(LaunchFlow flow, Consumer<JWTClaimsSet.Builder> tamper) {
        String data = (String) ((Map<?, ?>) flow.idTokenClaims().getClaim(DL + "deep_linking_settings")).get("data");
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("client-1").audience(lms.issuer())
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .claim("nonce", UUID.randomUUID().toString())
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "message_type", "LtiDeepLinkingResponse")
                .claim(LTI + "deployment_id", "1")
                .claim(DL + "data", data)
                .claim(DL + "content_items", List.of(Map.of("type", "ltiResourceLink", "title", "Final exam",
                        "url", tool.base + "/launch", "custom", Map.of("exam", "e-42"),
                        "lineItem", Map.of("scoreMaximum", 100, "label", "Final exam", "tag", "exam"))));
        tamper.accept(claims);
        String jwt = IdTokens.sign(claims.build(), tool.key, tool.key.getKeyID(), null, null);
        String page = OidcAuthorization.autoPostForm(lms.deepLinkReturnUrl().toString(), Map.of("JWT", jwt));
        return flow.browser().submitForm(page, lms.deepLinkReturnUrl());
    }

    @Test
    void createsResourceLinkWithLineItem() {
        LaunchFlow flow = lms.launch(LaunchRequest.deepLinking(course).as(teacher));
        flow.run();
        BrowserResponse page = respond(flow, c -> { });
        assertEquals(200, page.status(), page.body());
        DeepLinkingReturn.Received received = lms.deepLinkingResponses().get(0);
        ResourceLink link = received.resourceLinks().get(0);
        assertEquals("Final exam", link.title());
        assertEquals(Map.of("exam", "e-42"), link.customParameters());
        assertEquals(course.link(link.id()).orElseThrow(), link);
        LineItem item = link.lineItem().orElseThrow();
        assertEquals(100.0, item.scoreMaximum());
        assertEquals("exam", item.tag().orElseThrow());
        assertEquals(link.id(), item.resourceLinkId().orElseThrow());

        User student = lms.user("3", "Stu", "Dent");
        course.enrol(student, Role.LEARNER);
        LaunchFlow launch = lms.launch(LaunchRequest.resourceLink(link).as(student));
        launch.run();
        assertTrue(((String) ((Map<?, ?>) launch.idTokenClaims().getClaim(
                "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint")).get("lineitem")).contains("/lineitems/"));
        assertEquals("e-42", ((Map<?, ?>) launch.idTokenClaims().getClaim(LTI + "custom")).get("exam"));
    }

    @Test
    void refusesResponsesThatBreakTheRules() {
        LaunchFlow flow = lms.launch(LaunchRequest.deepLinking(course).as(teacher).acceptMultiple(false));
        flow.run();
        List<Consumer<JWTClaimsSet.Builder>> tampers = List.of(
                c -> c.claim(DL + "data", "other"),
                c -> c.audience("someone"),
                c -> c.claim("nonce", null),
                c -> c.claim(LTI + "version", "1.1"),
                c -> c.claim(LTI + "message_type", "LtiResourceLinkRequest"),
                c -> c.claim(LTI + "deployment_id", "9"),
                c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600))),
                c -> c.claim(DL + "content_items", List.of(Map.of("type", "html", "html", "<p>"))),
                c -> c.claim(DL + "content_items", List.of(Map.of("type", "ltiResourceLink"),
                        Map.of("type", "ltiResourceLink"))),
                c -> c.claim(DL + "content_items", List.of(Map.of("type", "ltiResourceLink",
                        "lineItem", Map.of("label", "no max")))));
        for (Consumer<JWTClaimsSet.Builder> tamper : tampers) {
            assertEquals(400, respond(flow, tamper).status());
        }
        assertEquals(0, lms.deepLinkingResponses().size());
        assertEquals(tampers.size(), lms.rejections().size());
    }

    @Test
    void startAssessmentEchoesSessionData() {
        ResourceLink exam = course.resourceLink("1", "Exam");
        User student = lms.user("3", "Stu", "Dent");
        course.enrol(student, Role.LEARNER);
        LaunchFlow flow = lms.launch(LaunchRequest.startProctoring(exam, 1).as(student).sessionData("sd-1"));
        flow.run();
        String ap = "https://purl.imsglobal.org/spec/lti-ap/claim/";
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("client-1").audience(lms.issuer())
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .claim("nonce", "n1").claim(LTI + "version", "1.3.0")
                .claim(LTI + "message_type", "LtiStartAssessment").claim(LTI + "deployment_id", "1")
                .claim(LTI + "resource_link", Map.of("id", "1")).claim(ap + "session_data", "sd-1")
                .claim(ap + "attempt_number", 1).build();
        String jwt = IdTokens.sign(claims, tool.key, tool.key.getKeyID(), null, null);
        BrowserResponse page = flow.browser().post(lms.startAssessmentUrl(), Map.of("JWT", jwt));
        assertEquals(200, page.status(), page.body());
        assertEquals(student, lms.startAssessments().get(0).user());
    }
}
