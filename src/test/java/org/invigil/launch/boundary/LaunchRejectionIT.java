package org.invigil.launch.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.invigil.DeployedTool;
import org.invigil.simulator.BrowserResponse;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LaunchFlow;
import org.invigil.simulator.LaunchRequest;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.Role;
import org.invigil.simulator.SimulatedBrowser;
import org.invigil.simulator.ToolRegistration;
import org.invigil.simulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way a login or launch can be wrong, against the real WAR: each answers 400 or 401 with a code and a sentence
 * naming the problem, as an HTML page to browsers and RFC 9457 JSON to API callers, and never a 5xx.
 */
class LaunchRejectionIT {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static LtiPlatformSimulator lms;
    static ToolRegistration tool;
    static User student;
    static User teacher;
    static ResourceLink exam;

    @BeforeAll
    static void installedInAMoodle() {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        BrowserResponse confirm = lms.browser().get(lms.registrationStartUrl(DeployedTool.at("/lti/register")));
        BrowserResponse done = lms.browser().submitForm(confirm);
        assertEquals(200, done.status(), done.body());
        tool = lms.onlyRegistration().activate();
        student = lms.user("3", "Stu", "Dent");
        teacher = lms.user("2", "Tea", "Cher");
        Course course = lms.course("2", "Chemistry 101").enrol(student, Role.LEARNER).enrol(teacher, Role.INSTRUCTOR);
        exam = course.resourceLink("1", "Proctored exam");
        assertEquals(200, launch(LaunchRequest.resourceLink(exam).as(student)).status(), "the happy path must work");
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    static BrowserResponse launch(LaunchRequest request) {
        return lms.launch(request).run();
    }

    static void refused(BrowserResponse response, int status, String code) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.body().contains(code), "expected " + code + " in: " + response.body());
        assertTrue(response.header("Content-Type").orElse("").startsWith("text/html"), "browsers get a page");
        assertFalse(response.body().contains("Exception") || response.body().contains("at org."),
                "no stack trace: " + response.body());
    }

    static LaunchRequest studentLaunch() {
        return LaunchRequest.resourceLink(exam).as(student);
    }

    // --- login initiation

    @Test
    void loginWithoutIssuer() {
        HttpResponse<String> response = DeployedTool.get("/lti/login?login_hint=3&target_link_uri="
                + encode(DeployedTool.at("/lti/launch").toString()), "Accept", "application/json");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("\"code\":\"login_iss_missing\""), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void loginFromAnUnknownPlatform() {
        HttpResponse<String> response = DeployedTool.get("/lti/login?iss=" + encode("https://unknown-lms.example")
                + "&login_hint=3&target_link_uri=" + encode(DeployedTool.at("/lti/launch").toString()));
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("unknown_issuer") && response.body().contains("https://unknown-lms.example"));
    }

    @Test
    void loginWithAnUnknownClientId() {
        LaunchFlow flow = lms.launch(studentLaunch().loginParameters(p -> p.put("client_id", "not-our-client")));
        refused(flow.initiateLogin(), 401, "unknown_client");
    }

    @Test
    void loginWithAnUnknownDeployment() {
        LaunchFlow flow = lms.launch(studentLaunch().loginParameters(p -> p.put("lti_deployment_id", "999")));
        refused(flow.initiateLogin(), 401, "unknown_deployment");
    }

    @Test
    void loginForATargetOutsideTheTool() {
        LaunchFlow flow = lms.launch(studentLaunch()
                .loginParameters(p -> p.put("target_link_uri", "https://evil.example/phish")));
        refused(flow.initiateLogin(), 400, "target_link_uri_foreign");
    }

    // --- the launch post

    @Test
    void launchWithoutIdToken() {
        LaunchFlow flow = lms.launch(studentLaunch());
        flow.initiateLogin();
        flow.authorize();
        refused(flow.post(Map.of("state", flow.state())), 400, "id_token_missing");
    }

    @Test
    void launchWithoutState() {
        LaunchFlow flow = lms.launch(studentLaunch());
        flow.initiateLogin();
        flow.authorize();
        refused(flow.post(Map.of("id_token", flow.idToken())), 400, "state_missing");
    }

    @Test
    void launchWithAForgedState() {
        LaunchFlow flow = lms.launch(studentLaunch());
        flow.initiateLogin();
        flow.authorize();
        String state = flow.state();
        String forged = state.substring(0, state.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        refused(flow.post(Map.of("id_token", flow.idToken(), "state", forged)), 401, "state_invalid");
    }

    @Test
    void idTokenThatIsNotAJwt() {
        LaunchFlow flow = lms.launch(studentLaunch());
        flow.initiateLogin();
        flow.authorize();
        refused(flow.post(Map.of("id_token", "this-is-not-a-jwt", "state", flow.state())), 400, "id_token_malformed");
    }

    @Test
    void unsignedIdToken() {
        refused(launch(studentLaunch().unsigned()), 401, "algorithm_unsupported");
    }

    @Test
    void idTokenSignedWithASharedSecret() throws Exception {
        OctetSequenceKey secret = new OctetSequenceKeyGenerator(256).keyID("hmac").generate();
        refused(launch(studentLaunch().signWith(secret, "hmac").algorithm(JWSAlgorithm.HS256)), 401,
                "algorithm_unsupported");
    }

    @Test
    void idTokenSignedByAnotherKeyUnderThePlatformsKid() {
        refused(launch(studentLaunch().signWith(lms.keys().foreignKey(), lms.keys().current().getKeyID())), 401,
                "bad_signature");
    }

    @Test
    void idTokenWithAnUnknownKid() {
        refused(launch(studentLaunch().signWith(lms.keys().foreignKey(), "kid-nobody-published")), 401, "unknown_kid");
    }

    @Test
    void idTokenWithoutKid() {
        refused(launch(studentLaunch().header(header -> header.keyID(null))), 401, "kid_missing");
    }

    @Test
    void expiredIdToken() {
        refused(launch(studentLaunch().issuedAt(Instant.now().minusSeconds(900)).expiresIn(Duration.ofSeconds(60))),
                401, "token_expired");
    }

    @Test
    void idTokenIssuedInTheFuture() {
        refused(launch(studentLaunch().issuedAt(Instant.now().plusSeconds(900)).expiresIn(Duration.ofSeconds(60))),
                401, "token_not_yet_valid");
    }

    @Test
    void replayedLaunch() {
        LaunchFlow flow = lms.launch(studentLaunch());
        assertEquals(200, flow.run().status());
        refused(flow.post(), 401, "nonce_replayed");
    }

    @Test
    void idTokenOfOneLoginWithTheStateOfAnother() {
        LaunchFlow first = lms.launch(studentLaunch());
        first.initiateLogin();
        first.authorize();
        LaunchFlow second = lms.launch(studentLaunch());
        second.initiateLogin();
        second.authorize();
        refused(second.post(Map.of("id_token", first.idToken(), "state", second.state())), 401, "nonce_mismatch");
    }

    @Test
    void idTokenForAnotherAudience() {
        refused(launch(studentLaunch().audience("some-other-tool")), 401, "wrong_audience");
    }

    @Test
    void idTokenFromAnUnregisteredIssuer() {
        refused(launch(studentLaunch().claims(claims -> claims.issuer("https://impostor.example"))), 401,
                "unknown_issuer");
    }

    @Test
    void idTokenWithoutLtiVersion() {
        refused(launch(studentLaunch().removeClaim(LTI + "version")), 400, "version_missing");
    }

    @Test
    void idTokenOfAnotherLtiVersion() {
        refused(launch(studentLaunch().claims(claims -> claims.claim(LTI + "version", "1.1.0"))), 400,
                "version_unsupported");
    }

    @Test
    void idTokenWithAnUnknownMessageType() {
        refused(launch(studentLaunch().claims(claims -> claims.claim(LTI + "message_type", "LtiSubmissionReviewRequest"))),
                400, "message_type_unknown");
    }

    @Test
    void idTokenForAnUnknownDeployment() {
        refused(launch(studentLaunch().claims(claims -> claims.claim(LTI + "deployment_id", "42"))), 401,
                "unknown_deployment");
    }

    @Test
    void resourceLinkLaunchWithoutResourceLink() {
        refused(launch(studentLaunch().removeClaim(LTI + "resource_link")), 400, "resource_link_missing");
    }

    @Test
    void launchWithoutRoles() {
        refused(launch(studentLaunch().removeClaim(LTI + "roles")), 400, "roles_missing");
    }

    @Test
    void learnersCannotDeepLink() {
        refused(launch(LaunchRequest.deepLinking(exam.course()).as(student)), 403, "deep_linking_staff_only");
    }

    @Test
    void apiCallersGetProblemJson() {
        SimulatedBrowser api = new SimulatedBrowser().header("Accept", "application/json");
        LaunchFlow flow = lms.launch(studentLaunch().audience("some-other-tool"), api);
        BrowserResponse response = flow.run();
        assertEquals(401, response.status());
        assertTrue(response.header("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("\"code\":\"wrong_audience\""), response.body());
    }

    @Test
    void theLaunchAddressOpenedDirectly() {
        HttpResponse<String> response = DeployedTool.get("/lti/launch", "Accept", "text/html");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("launch_needs_post"));
    }

    @Test
    void pagesRefuseAMissingOrForgedSession() {
        assertEquals(401, DeployedTool.get("/lti/exam/student").statusCode());
        HttpResponse<String> forged = DeployedTool.get("/lti/exam/instructor?session=eyJhbGciOiJIUzI1NiJ9.e30.x");
        assertEquals(401, forged.statusCode());
        assertTrue(forged.body().contains("session_invalid"));
    }

    @Test
    void aStudentSessionCannotOpenTheInstructorPage() {
        BrowserResponse studentPage = launch(studentLaunch());
        String session = studentPage.uri().getQuery().replaceFirst("^session=", "");
        HttpResponse<String> response = DeployedTool.send(HttpRequest.newBuilder(URI.create(
                DeployedTool.at("/lti/exam/instructor") + "?session=" + encode(session))).GET().build());
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.body().contains("staff_only"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
