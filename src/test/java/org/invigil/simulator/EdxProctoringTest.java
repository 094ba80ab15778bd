package org.invigil.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Open edX profile ({@link Flavor#EDX}) of Proctoring Services 1.0: launches, LtiStartAssessment, ACS, roster. */
class EdxProctoringTest {
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final String AP = "https://purl.imsglobal.org/spec/lti-ap/claim/";
    private static final String JSON = "application/json";
    private static final String CLIENT = "edx-client";
    private LtiPlatformSimulator lms;
    private FakeTool tool;
    private User student;
    private User teacher;
    private ResourceLink exam;
    private SimulatedBrowser learner;

    @BeforeEach
    void start() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.EDX);
        tool = new FakeTool(lms, CLIENT);
        lms.registerTool(tool.registration().scopes(AssessmentControlService.SCOPE));
        student = lms.user("3", "Stu", "Dent");
        teacher = lms.user("2", "Tea", "Cher");
        exam = lms.course("course-v1:edX+CHEM+2026", "Chemistry").enrol(teacher, Role.INSTRUCTOR)
                .enrol(student, Role.LEARNER).resourceLink("exam-1", "Final exam");
        learner = SimulatedBrowser.withCookies();
        assertEquals(200, learner.get(lms.signInUrl(student)).status());
    }

    @AfterEach
    void stop() {
        tool.close();
        lms.close();
    }

    private LaunchFlow startProctoring(int attempt) {
        LaunchFlow flow = lms.launch(LaunchRequest.startProctoring(exam, attempt).as(student), learner);
        assertEquals(200, flow.run().status());
        return flow;
    }

    /** What the tool echoes: no kid, no aud, no nonce, no deployment_id (Open edX checks none of them). */
    private static JWTClaimsSet.Builder startAssessment(LaunchFlow flow) {
        JWTClaimsSet launch = flow.idTokenClaims();
        return new JWTClaimsSet.Builder().issuer(CLIENT).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .claim(LTI + "message_type", "LtiStartAssessment")
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "resource_link", Map.of("id", "exam-1"))
                .claim(AP + "session_data", launch.getClaim(AP + "session_data"))
                .claim(AP + "attempt_number", launch.getClaim(AP + "attempt_number"));
    }

    private String signed(JWTClaimsSet.Builder claims) {
        return IdTokens.sign(claims.build(), tool.key, null, null, null);
    }

    private BrowserResponse post(SimulatedBrowser browser, String jwt) {
        return browser.post(lms.startAssessmentUrl(), Map.of("JWT", jwt));
    }

    private void started(int attempt, Consumer<JWTClaimsSet.Builder> edit) {
        JWTClaimsSet.Builder claims = startAssessment(startProctoring(attempt));
        edit.accept(claims);
        BrowserResponse page = post(learner, signed(claims));
        assertEquals(200, page.status(), page.body());
    }

    @Test
    void startProctoringLaunchIsShapedAsOpenEdxSendsIt() throws Exception {
        LaunchFlow flow = startProctoring(1);
        JWTClaimsSet c = flow.idTokenClaims();
        String anonymous = lms.anonymousId(student);
        assertTrue(anonymous.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), anonymous);
        assertEquals(anonymous, c.getSubject());
        assertEquals(anonymous, flow.loginParameters().get("login_hint"));
        assertEquals(List.of(), c.getStringListClaim(LTI + "roles"));
        assertNull(c.getClaim("name"));
        assertNull(c.getClaim("email"));
        assertNull(c.getClaim("given_name"));
        assertNull(c.getClaim("locale"));
        assertEquals(Map.of("id", "exam-1"), c.getJSONObjectClaim(LTI + "resource_link"));
        assertEquals(Map.of("id", "course-v1:edX+CHEM+2026", "label", "COURSE-V1:EDX+CHEM+2026"),
                c.getJSONObjectClaim(LTI + "context"));
        Map<String, Object> platform = c.getJSONObjectClaim(LTI + "tool_platform");
        assertEquals(Map.of("guid", lms.guid(), "name", "Open edX"), platform);
        assertEquals(URI.create(lms.baseUrl()).getRawAuthority() + "/browser_lock/",
                c.getJSONObjectClaim(LTI + "custom").get("custom_url"));
        assertEquals(Map.of("assessment_control_url", lms.acsUrl().toString(), "actions", List.of("terminate")),
                c.getJSONObjectClaim(AP + "acs"));
        String sessionData = c.getStringClaim(AP + "session_data");
        assertTrue(sessionData.matches("[A-Za-z0-9]{32}"), sessionData);
        assertEquals(3600, (c.getExpirationTime().getTime() - c.getIssueTime().getTime()) / 1000);

        LaunchFlow again = startProctoring(2);
        assertEquals(sessionData, again.idTokenClaims().getStringClaim(AP + "session_data"),
                "session_data is cached per user and resource link");
    }

    @Test
    void endAssessmentLaunchCarriesNullSessionDataAndNoAcs() throws Exception {
        LaunchFlow flow = lms.launch(LaunchRequest.endAssessment(exam, 1).as(student), learner);
        flow.run();
        Map<String, Object> payload = SignedJWT.parse(flow.idToken()).getPayload().toJSONObject();
        assertTrue(payload.containsKey(AP + "session_data"), payload.toString());
        assertNull(payload.get(AP + "session_data"));
        assertFalse(payload.containsKey(AP + "acs"));
        assertEquals("LtiEndAssessment", payload.get(LTI + "message_type"));
        assertEquals(1L, ((Number) payload.get(AP + "attempt_number")).longValue());
        assertTrue(((Map<?, ?>) payload.get(LTI + "launch_presentation")).containsKey("return_url"));
        assertTrue(payload.get("exp") instanceof Number, "exp stays a NumericDate: " + payload.get("exp"));

        LaunchFlow removed = lms.launch(LaunchRequest.endAssessment(exam, 1).as(student)
                .removeClaim(AP + "session_data"), learner);
        removed.run();
        assertFalse(SignedJWT.parse(removed.idToken()).getPayload().toJSONObject().containsKey(AP + "session_data"));
    }

    @Test
    void namesTheLearnerOnlyWhenPiiSharingIsOn() {
        LaunchFlow flow = lms.launch(LaunchRequest.startProctoring(exam, 1).as(student).sharePii(), learner);
        flow.run();
        JWTClaimsSet c = flow.idTokenClaims();
        assertEquals("Stu Dent", c.getClaim("name"));
        assertEquals(student.email(), c.getClaim("email"));
        assertEquals("stu", c.getClaim("preferred_username"));
    }

    @Test
    void acceptsStartAssessmentSignedByAnyToolKeyWithoutKidNonceAudienceOrDeployment() {
        RSAKey second = PlatformKeys.generate();
        tool.extraKeys.add(second);
        LaunchFlow flow = startProctoring(1);
        String jwt = IdTokens.sign(startAssessment(flow).build(), second, null, JWSAlgorithm.RS512, null);

        BrowserResponse page = post(learner, jwt);

        assertEquals(200, page.status(), page.body() + " / " + lms.rejections());
        assertTrue(page.body().contains("<p id=\"assessment-started\">Attempt 1 started.</p>"), page.body());
        assertTrue(page.body().contains("id=\"finish-assessment\""), page.body());
        StartAssessmentEndpoint.Received received = lms.startAssessments().get(0);
        assertEquals(student, received.user());
        assertEquals(student, received.sessionUser().orElseThrow());
        assertEquals(1, received.attemptNumber());
        assertEquals("ready_to_start", lms.edxReviewStatus(exam, student, 1).orElseThrow());
        BrowserResponse revisit = learner.get(lms.assessmentPageUrl(exam, student, 1));
        assertEquals(200, revisit.status());
        assertTrue(revisit.body().contains("id=\"assessment-started\""));
    }

    @Test
    void comparesAttemptNumberAsPythonDoes() {
        started(1, c -> c.claim(AP + "attempt_number", true));
        started(2, c -> c.claim(AP + "attempt_number", 2.0));
        assertEquals(2, lms.startAssessments().size());
    }

    @Test
    void refusesWhatOpenEdxRefuses() {
        LaunchFlow flow = startProctoring(1);
        SimulatedBrowser noSession = new SimulatedBrowser();
        SimulatedBrowser inIframe = SimulatedBrowser.withCookies().header("Sec-Fetch-Dest", "iframe");
        inIframe.get(lms.signInUrl(student));
        SimulatedBrowser teacherSession = SimulatedBrowser.withCookies();
        teacherSession.get(lms.signInUrl(teacher));
        record Case(SimulatedBrowser browser, Consumer<JWTClaimsSet.Builder> tamper, RSAKey key, int status,
                String reason) {
        }
        List<Case> cases = List.of(
                new Case(learner, c -> c.claim(AP + "session_data", "x".repeat(32)), null, 400, "session_data"),
                new Case(learner, c -> c.claim(AP + "attempt_number", "1"), null, 400, "attempt_number"),
                new Case(learner, c -> c.claim(AP + "attempt_number", 2), null, 400, "attempt_number"),
                new Case(learner, c -> c.claim(LTI + "message_type", "LtiResourceLinkRequest"), null, 400,
                        "message_type"),
                new Case(learner, c -> c.claim(LTI + "version", "1.1"), null, 400, "version"),
                new Case(learner, c -> c.claim(LTI + "resource_link", null), null, 404, "resource_link"),
                new Case(learner, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(5))), null, 400,
                        "expired"),
                new Case(learner, c -> { }, lms.keys().foreignKey(), 400, "Signature verification failed"),
                new Case(learner, c -> c.issuer("someone-else"), null, 404, "client_id"),
                new Case(noSession, c -> { }, null, 403, "no LMS session: the learner is not signed in"),
                new Case(inIframe, c -> { }, null, 403, "top-level navigation"),
                new Case(teacherSession, c -> { }, null, 403, "no LtiStartProctoring launch"));
        for (Case test : cases) {
            JWTClaimsSet.Builder claims = startAssessment(flow);
            test.tamper().accept(claims);
            String jwt = IdTokens.sign(claims.build(), test.key() != null ? test.key() : tool.key, null, null, null);
            BrowserResponse answer = post(test.browser(), jwt);
            assertEquals(test.status(), answer.status(), test.reason() + ": " + answer.body());
            assertTrue(answer.body().contains(test.reason()), test.reason() + " in " + answer.body());
        }
        assertEquals(0, lms.startAssessments().size());
        assertEquals(cases.size(), lms.rejections().size());
        assertEquals("download_software_clicked", lms.edxReviewStatus(exam, student, 1).orElseThrow());
    }

    @Test
    void readsEndAssessmentReturnWithPythonInt() {
        started(1, c -> c.claim(AP + "end_assessment_return", true));
        started(2, c -> c.claim(AP + "end_assessment_return", "1"));
        started(3, c -> c.claim(AP + "end_assessment_return", "yes"));
        started(4, c -> c.claim(AP + "end_assessment_return", 0));
        assertEquals(List.of(true, true, false, false), lms.startAssessments().stream()
                .map(StartAssessmentEndpoint.Received::endAssessmentReturn).toList());
        assertTrue(lms.attempt(exam, student, 2).orElseThrow().endAssessmentReturn());
        assertFalse(lms.attempt(exam, student, 3).orElseThrow().endAssessmentReturn());
    }

    @Test
    void finishingLaunchesLtiEndAssessmentWhenTheToolAskedForIt() throws Exception {
        started(1, c -> c.claim(AP + "end_assessment_return", true));
        URI finish = lms.endAssessmentLaunchUrl(exam, student, 1);
        String page = learner.get(lms.assessmentPageUrl(exam, student, 1)).body();
        assertTrue(page.contains("href=\"" + finish.getRawPath() + "?" + finish.getRawQuery() + "\""), page);

        BrowserResponse idTokenForm = learner.get(finish);

        assertEquals(200, idTokenForm.status(), idTokenForm.body());
        assertEquals(URI.create(tool.base + "/launch"), idTokenForm.form().action());
        int before = tool.launches.size();
        assertEquals(200, learner.submitForm(idTokenForm).status());
        assertEquals(before + 1, tool.launches.size());
        JWTClaimsSet end = SignedJWT.parse(tool.launches.get(before).get("id_token")).getJWTClaimsSet();
        assertEquals("LtiEndAssessment", end.getClaim(LTI + "message_type"));
        assertEquals(1L, end.getLongClaim(AP + "attempt_number"));
        assertEquals(lms.anonymousId(student), end.getSubject());
        assertEquals("submitted", lms.edxReviewStatus(exam, student, 1).orElseThrow());
        assertEquals(403, new SimulatedBrowser().get(finish).status(), "Open edX needs the learner's session");
    }

    @Test
    void finishingWithoutEndAssessmentReturnShowsTheSubmittedPage() {
        started(1, c -> { });
        int before = tool.launches.size();
        BrowserResponse page = learner.get(lms.endAssessmentLaunchUrl(exam, student, 1));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("id=\"assessment-submitted\""), page.body());
        assertEquals(before, tool.launches.size());
    }

    // ---------------------------------------------------------------- ACS

    private JsonObjectBuilder control(int attempt, String action) {
        return Json.createObjectBuilder()
                .add("user", Json.createObjectBuilder().add("iss", lms.issuer()).add("sub", lms.anonymousId(student)))
                .add("resource_link", Json.createObjectBuilder().add("id", "exam-1"))
                .add("attempt_number", attempt)
                .add("action", action)
                .add("incident_time", "2026-03-01T10:15:00Z")
                .add("incident_severity", 0.3)
                .add("reason_code", "1");
    }

    private String acsToken() {
        return tool.accessToken(AssessmentControlService.SCOPE);
    }

    @Test
    void terminateSetsTheReviewStatusBySeverityAboveAQuarter() {
        record Case(JsonObjectBuilder body, String review) {
        }
        List<Case> cases = List.of(
                new Case(control(1, "terminate").add("incident_severity", 0.26), "second_review_required"),
                new Case(control(2, "terminate").add("incident_severity", 0.25), "verified"),
                new Case(control(3, "terminate").add("incident_severity", "0.1"), "verified"),
                new Case(control(4, "terminate").add("reason_code", "2").add("incident_severity", 0.9), "error"),
                new Case(control(5, "terminate").add("reason_code", 1).add("incident_severity", 0.9), "error"));
        String token = acsToken();
        for (int i = 0; i < cases.size(); i++) {
            started(i + 1, c -> { });
            HttpResponse<String> answer = tool.acs(token, JSON, cases.get(i).body().build().toString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("{\"status\":\"terminated\"}", answer.body());
            assertEquals(cases.get(i).review(), lms.edxReviewStatus(exam, student, i + 1).orElseThrow());
            assertEquals(cases.get(i).review(), lms.controlRequests().get(i).reviewStatus());
        }
    }

    @Test
    void acsRefusesWhatEdxExamsRefuses() {
        started(1, c -> { });
        startProctoring(2);
        String token = acsToken();
        String nrpsOnly = tool.accessToken(NamesAndRoles.SCOPE);
        record Case(String token, String contentType, String body, int status) {
        }
        List<Case> cases = List.of(
                new Case(null, JSON, control(1, "terminate").build().toString(), 401),
                new Case(nrpsOnly, JSON, control(1, "terminate").build().toString(), 403),
                new Case(token, AssessmentControlService.MEDIA_TYPE, control(1, "terminate").build().toString(), 415),
                new Case(token, JSON, control(1, "pause").build().toString(), 400),
                new Case(token, JSON, control(1, "terminate").remove("incident_time").build().toString(), 400),
                new Case(token, JSON, control(1, "terminate").remove("reason_code").build().toString(), 400),
                new Case(token, JSON, control(1, "terminate").remove("resource_link").build().toString(), 400),
                new Case(token, JSON, control(9, "terminate").build().toString(), 400),
                new Case(token, JSON, control(2, "terminate").build().toString(), 400),
                new Case(token, JSON, control(1, "terminate").add("user", Json.createObjectBuilder()
                        .add("sub", "not-an-anonymous-id")).build().toString(), 500));
        for (Case test : cases) {
            HttpResponse<String> answer = tool.acs(test.token(), test.contentType(), test.body());
            assertEquals(test.status(), answer.statusCode(), test + ": " + answer.body());
        }
        assertEquals("ready_to_start", lms.edxReviewStatus(exam, student, 1).orElseThrow());

        HttpResponse<String> flag = tool.acs(token, JSON, control(1, "flag").build().toString());
        assertEquals(200, flag.statusCode(), flag.body());
        assertEquals("ready_to_start", lms.edxReviewStatus(exam, student, 1).orElseThrow(), "flag does nothing");
        assertEquals(200, tool.acs(token, JSON, control(1, "terminate").build().toString()).statusCode());
        assertEquals(400, tool.acs(token, JSON, control(1, "terminate").build().toString()).statusCode(),
                "a reviewed attempt takes no more control");

        List<AssessmentControlService.ControlRequest> received = lms.controlRequests();
        assertEquals(cases.size() + 3, received.size());
        assertEquals(List.of(401, 403, 415, 400, 400, 400, 400, 400, 400, 500, 200, 200, 400),
                received.stream().map(AssessmentControlService.ControlRequest::status).toList());
        assertTrue(received.get(2).reason().contains("application/json"), received.get(2).reason());
        assertEquals("pause", received.get(3).action());
        assertEquals(cases.size() + 1, lms.rejections().stream().filter(r -> r.path().equals("/proctoring/acs"))
                .count(), "every refusal is a rejection");
    }

    // ---------------------------------------------------------------- instructor tool

    @Test
    void instructorLaunchCarriesARosterUrlThatAnswersCourseStaffSessions() throws Exception {
        startProctoring(1);
        SimulatedBrowser instructor = SimulatedBrowser.withCookies().header("Origin", tool.base);
        instructor.get(lms.signInUrl(teacher));
        LaunchFlow flow = lms.launch(LaunchRequest.resourceLink(exam).as(teacher), instructor);
        flow.run();
        JWTClaimsSet c = flow.idTokenClaims();
        assertEquals(lms.rosterUrl(exam).toString(), c.getJSONObjectClaim(LTI + "custom").get("roster_url"));
        assertTrue(c.getStringListClaim(LTI + "roles").containsAll(List.of(Role.INSTRUCTOR.uri(),
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator")));

        BrowserResponse roster = instructor.get(lms.rosterUrl(exam));

        assertEquals(200, roster.status(), roster.body());
        assertEquals("[[\"" + lms.anonymousId(student) + "\",\"stu\"]]", roster.body());
        assertEquals(tool.base, roster.header("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("true", roster.header("Access-Control-Allow-Credentials").orElseThrow());
        assertEquals(403, learner.get(lms.rosterUrl(exam)).status(), "a learner is not course staff");
        assertEquals(403, new SimulatedBrowser().get(lms.rosterUrl(exam)).status(), "no session");
        LaunchFlow learnerLaunch = lms.launch(LaunchRequest.resourceLink(exam).as(student), learner);
        learnerLaunch.run();
        assertNull(learnerLaunch.idTokenClaims().getClaim(LTI + "custom"));
        assertNotEquals(List.of(), learnerLaunch.idTokenClaims().getStringListClaim(LTI + "roles"));
    }

    @Test
    void rosterNamesUsersByExplicitUsername() {
        student.username("stu_dent");
        startProctoring(1);
        SimulatedBrowser instructor = SimulatedBrowser.withCookies();
        instructor.get(lms.signInUrl(teacher));
        assertEquals("[[\"" + lms.anonymousId(student) + "\",\"stu_dent\"]]",
                instructor.get(lms.rosterUrl(exam)).body());
    }
}
