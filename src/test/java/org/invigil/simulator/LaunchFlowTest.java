package org.invigil.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LaunchFlowTest {
    private LtiPlatformSimulator lms;
    private FakeTool tool;
    private User student;
    private ResourceLink exam;

    @BeforeEach
    void start() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        tool = new FakeTool(lms, "client-1");
        lms.registerTool(tool.registration());
        student = lms.user("3", "Stu", "Dent");
        exam = lms.course("2", "Chemistry 101").enrol(student, Role.LEARNER)
                .resourceLink("1", "Proctored exam").gradedOutOf(100);
    }

    @AfterEach
    void stop() {
        tool.close();
        lms.close();
    }

    private JWKSet platformJwks() throws Exception {
        return JWKSet.parse(tool.send(HttpRequest.newBuilder(lms.jwksUri()).build()).body());
    }

    @Test
    void launchesWithSignedIdTokenCarryingTheLtiClaims() throws Exception {
        LaunchFlow flow = lms.launch(LaunchRequest.resourceLink(exam).as(student));
        BrowserResponse page = flow.run();

        assertEquals(200, page.status());
        Map<String, String> posted = tool.launches.get(0);
        assertEquals(flow.state(), posted.get("state"));
        SignedJWT jwt = SignedJWT.parse(posted.get("id_token"));
        assertEquals(lms.keys().current().getKeyID(), jwt.getHeader().getKeyID());
        RSAKey key = (RSAKey) platformJwks().getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key)));
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertEquals(lms.issuer(), c.getIssuer());
        assertEquals(List.of("client-1"), c.getAudience());
        assertEquals("client-1", c.getStringClaim("azp"));
        assertEquals("3", c.getSubject());
        assertEquals(flow.nonce(), c.getStringClaim("nonce"));
        assertEquals(60, (c.getExpirationTime().getTime() - c.getIssueTime().getTime()) / 1000);
        assertEquals("Stu Dent", c.getStringClaim("name"));
        assertNull(c.getClaim("picture"));
        String lti = "https://purl.imsglobal.org/spec/lti/claim/";
        assertEquals("LtiResourceLinkRequest", c.getStringClaim(lti + "message_type"));
        assertEquals("1.3.0", c.getStringClaim(lti + "version"));
        assertEquals("1", c.getStringClaim(lti + "deployment_id"));
        assertEquals(tool.base + "/launch", c.getStringClaim(lti + "target_link_uri"));
        assertEquals(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"),
                c.getStringListClaim(lti + "roles"));
        assertEquals("1", c.getJSONObjectClaim(lti + "resource_link").get("id"));
        assertEquals("2", c.getJSONObjectClaim(lti + "context").get("id"));
        assertEquals("moodle", c.getJSONObjectClaim(lti + "tool_platform").get("product_family_code"));
        assertEquals("iframe", c.getJSONObjectClaim(lti + "launch_presentation").get("document_target"));
        Map<String, Object> ags = c.getJSONObjectClaim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint");
        assertTrue(((String) ags.get("lineitem")).matches(".*/ags/2/lineitems/\\d+/lineitem\\?type_id=1"),
                ags.toString());
        assertTrue(((String) ags.get("lineitems")).endsWith("/ags/2/lineitems?type_id=1"));
        Map<String, Object> nrps = c.getJSONObjectClaim(
                "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice");
        assertEquals(lms.issuer() + "/nrps/2/memberships", nrps.get("context_memberships_url"));
    }

    @Test
    void canvasSendsPictureAndSystemRole() throws Exception {
        try (LtiPlatformSimulator canvas = LtiPlatformSimulator.start(Flavor.CANVAS);
                FakeTool canvasTool = new FakeTool(canvas, "10000000000001")) {
            canvas.registerTool(canvasTool.registration());
            User u = canvas.user("abc", "Ann", "Bee");
            ResourceLink link = canvas.course("c1", "Physics").enrol(u, Role.LEARNER).resourceLink("r1", "Quiz");
            LaunchFlow flow = canvas.launch(LaunchRequest.resourceLink(link).as(u));
            flow.run();
            JWTClaimsSet c = flow.idTokenClaims();
            assertEquals(u.picture().toString(), c.getStringClaim("picture"));
            assertTrue(c.getStringListClaim("https://purl.imsglobal.org/spec/lti/claim/roles")
                    .contains(Role.SYSTEM_USER.uri()));
            assertEquals(200, canvasTool.send(HttpRequest.newBuilder(u.picture()).build()).statusCode());
        }
    }

    @Test
    void loginByPostWorks() {
        lms.launch(LaunchRequest.resourceLink(exam).as(student).loginByPost()).run();
        assertEquals(1, tool.launches.size());
    }

    @Test
    void refusesAuthenticationRequestsMoodleWouldRefuse() {
        List<UnaryOperator<Map<String, String>>> tampers = List.of(
                p -> put(p, "response_mode", "query"),
                p -> put(p, "prompt", "login"),
                p -> put(p, "scope", "openid profile"),
                p -> put(p, "response_type", "code"),
                p -> put(p, "redirect_uri", tool.base + "/elsewhere"),
                p -> put(p, "login_hint", "4"),
                p -> put(p, "client_id", "nobody"),
                p -> put(p, "lti_message_hint", "forged"),
                p -> remove(p, "nonce"),
                p -> remove(p, "state"));
        for (UnaryOperator<Map<String, String>> tamper : tampers) {
            LaunchFlow flow = lms.launch(LaunchRequest.resourceLink(exam).as(student));
            flow.initiateLogin();
            PlatformRefusal refusal = assertThrows(PlatformRefusal.class, () -> flow.authorize(tamper));
            assertEquals(400, refusal.status());
        }
        assertEquals(tampers.size(), lms.rejections().size());
    }

    @Test
    void tamperHooksShapeTheIdToken() throws Exception {
        LaunchFlow flow = lms.launch(LaunchRequest.resourceLink(exam).as(student)
                .removeClaim("https://purl.imsglobal.org/spec/lti/claim/roles")
                .expiresIn(Duration.ofSeconds(-5))
                .audience("someone-else")
                .claims(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.1"))
                .signWith(lms.keys().foreignKey(), lms.keys().current().getKeyID()));
        flow.run();
        SignedJWT jwt = SignedJWT.parse(flow.idToken());
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertNull(c.getClaim("https://purl.imsglobal.org/spec/lti/claim/roles"));
        assertTrue(c.getExpirationTime().before(c.getIssueTime()));
        assertEquals(List.of("someone-else"), c.getAudience());
        assertEquals("1.1", c.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/version"));
        RSAKey published = (RSAKey) platformJwks().getKeyByKeyId(jwt.getHeader().getKeyID());
        assertFalse(jwt.verify(new RSASSAVerifier(published)));
    }

    @Test
    void unsignedTokensHaveAlgNone() {
        LaunchFlow flow = lms.launch(LaunchRequest.resourceLink(exam).as(student).unsigned());
        flow.initiateLogin();
        assertTrue(flow.authorize().idToken().startsWith("eyJhbGciOiJub25lIn0"));
    }

    @Test
    void replaysAndCrossLoginStatesCanBePosted() {
        LaunchFlow first = lms.launch(LaunchRequest.resourceLink(exam).as(student));
        first.run();
        first.post();
        LaunchFlow second = lms.launch(LaunchRequest.resourceLink(exam).as(student));
        second.initiateLogin();
        second.authorize();
        second.post(Map.of("id_token", second.idToken(), "state", first.state()));
        assertEquals(3, tool.launches.size());
        assertEquals(first.state(), tool.launches.get(2).get("state"));
    }

    @Test
    void deepLinkingRequestCarriesSettingsAndNoResourceLink() throws Exception {
        User teacher = lms.user("2", "Tea", "Cher");
        Course course = lms.findCourse("2").orElseThrow().enrol(teacher, Role.INSTRUCTOR);
        LaunchFlow flow = lms.launch(LaunchRequest.deepLinking(course).as(teacher).deepLinkingData("opaque"));
        flow.run();
        JWTClaimsSet c = flow.idTokenClaims();
        assertEquals("LtiDeepLinkingRequest", c.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/message_type"));
        assertNull(c.getClaim("https://purl.imsglobal.org/spec/lti/claim/resource_link"));
        Map<String, Object> settings = c.getJSONObjectClaim(
                "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings");
        assertEquals(lms.deepLinkReturnUrl().toString(), settings.get("deep_link_return_url"));
        assertEquals("opaque", settings.get("data"));
        assertEquals(List.of("ltiResourceLink"), settings.get("accept_types"));
    }

    @Test
    void startProctoringCarriesAttemptAndSessionData() throws Exception {
        LaunchFlow flow = lms.launch(LaunchRequest.startProctoring(exam, 2).as(student).sessionData("sd"));
        flow.run();
        JWTClaimsSet c = flow.idTokenClaims();
        String ap = "https://purl.imsglobal.org/spec/lti-ap/claim/";
        assertEquals(2L, ((Number) c.getClaim(ap + "attempt_number")).longValue());
        assertEquals("sd", c.getStringClaim(ap + "session_data"));
        assertEquals(lms.startAssessmentUrl().toString(), c.getStringClaim(ap + "start_assessment_url"));
    }

    @Test
    void rotatedKeysArePublished() throws Exception {
        String old = lms.keys().current().getKeyID();
        lms.keys().rotate(true);
        assertEquals(2, platformJwks().getKeys().size());
        lms.keys().rotate(false);
        assertEquals(1, platformJwks().getKeys().size());
        assertNull(platformJwks().getKeyByKeyId(old));
        lms.keys().unavailable(true);
        assertEquals(503, tool.send(HttpRequest.newBuilder(lms.jwksUri()).build()).statusCode());
    }

    @Test
    void parsesFormsLikeABrowser() {
        String html = "<form method='POST' action='/x?a=1&amp;b=2'><input type=hidden name=\"JWT\" "
                + "value=\"a&quot;b&#39;c\"><input type=checkbox name=off><input name=t value=v>"
                + "<textarea name=ta>x &lt; y</textarea></form>";
        HtmlForm form = HtmlForm.firstIn(html, URI.create("http://h:1/p/q"));
        assertEquals(URI.create("http://h:1/x?a=1&b=2"), form.action());
        assertEquals("POST", form.method());
        assertEquals(Map.of("JWT", "a\"b'c", "t", "v", "ta", "x < y"), form.fields());
    }

    private static Map<String, String> put(Map<String, String> p, String k, String v) {
        p.put(k, v);
        return p;
    }

    private static Map<String, String> remove(Map<String, String> p, String k) {
        p.remove(k);
        return p;
    }
}
