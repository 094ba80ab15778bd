package org.invigil.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The "tao-strict" profile ({@link Flavor#TAO}) of Proctoring Services 1.0: launches, LtiStartAssessment, ACS. */
class TaoProctoringTest {
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final String AP = "https://purl.imsglobal.org/spec/lti-ap/claim/";
    private static final String CONTROL = AssessmentControlService.MEDIA_TYPE;
    private static final String CLIENT = "tao-client";
    private LtiPlatformSimulator lms;
    private FakeTool tool;
    private User student;
    private ResourceLink exam;

    @BeforeEach
    void start() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.TAO);
        tool = new FakeTool(lms, CLIENT);
        lms.registerTool(tool.registration().scopes(AssessmentControlService.SCOPE));
        student = lms.user("3", "Stu", "Dent");
        exam = lms.course("c1", "Chemistry").enrol(student, Role.LEARNER).resourceLink("exam-1", "Final exam");
    }

    @AfterEach
    void stop() {
        tool.close();
        lms.close();
    }

    private LaunchFlow startProctoring(int attempt) {
        LaunchFlow flow = lms.launch(LaunchRequest.startProctoring(exam, attempt).as(student));
        assertEquals(200, flow.run().status());
        return flow;
    }

    /** A strictly valid LtiStartAssessment for that launch. */
    private JWTClaimsSet.Builder startAssessment(LaunchFlow flow) {
        JWTClaimsSet launch = flow.idTokenClaims();
        return new JWTClaimsSet.Builder().issuer(CLIENT).audience(lms.issuer()).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .claim("nonce", UUID.randomUUID().toString())
                .claim(LTI + "message_type", "LtiStartAssessment")
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "deployment_id", "1")
                .claim(LTI + "resource_link", Map.of("id", "exam-1"))
                .claim(AP + "session_data", launch.getClaim(AP + "session_data"))
                .claim(AP + "attempt_number", launch.getClaim(AP + "attempt_number"));
    }

    private BrowserResponse post(String jwt) {
        return lms.browser().post(lms.startAssessmentUrl(), Map.of("JWT", jwt));
    }

    private void started(int attempt) {
        BrowserResponse page = post(tool.sign(startAssessment(startProctoring(attempt)).build()));
        assertEquals(200, page.status(), page.body());
    }

    @Test
    void launchCarriesPlatformSignedSessionDataAndEveryAction() throws Exception {
        JWTClaimsSet c = startProctoring(1).idTokenClaims();
        SignedJWT sessionData = SignedJWT.parse(c.getStringClaim(AP + "session_data"));
        JWKSet platformJwks = JWKSet.parse(tool.send(HttpRequest.newBuilder(lms.jwksUri()).build()).body());
        RSAKey key = (RSAKey) platformJwks.getKeyByKeyId(sessionData.getHeader().getKeyID());
        assertTrue(sessionData.verify(new RSASSAVerifier(key)));
        JWTClaimsSet data = sessionData.getJWTClaimsSet();
        assertEquals(CLIENT, data.getClaim("registration_id"));
        assertEquals(600, (data.getExpirationTime().getTime() - data.getIssueTime().getTime()) / 1000);
        assertEquals(Map.of("assessment_control_url", lms.acsUrl().toString(),
                "actions", List.of("pause", "resume", "terminate", "update", "flag")),
                c.getJSONObjectClaim(AP + "acs"));
        assertEquals("tao", c.getJSONObjectClaim(LTI + "tool_platform").get("product_family_code"));
        assertEquals("3", c.getSubject());
        assertEquals(600, (c.getExpirationTime().getTime() - c.getIssueTime().getTime()) / 1000);

        LaunchFlow end = lms.launch(LaunchRequest.endAssessment(exam, 1).as(student));
        end.run();
        assertEquals(c.getJSONObjectClaim(AP + "acs"), end.idTokenClaims().getJSONObjectClaim(AP + "acs"));
        LaunchFlow none = lms.launch(LaunchRequest.startProctoring(exam, 2).as(student).withoutAcs());
        none.run();
        assertEquals(null, none.idTokenClaims().getClaim(AP + "acs"));
    }

    @Test
    void acceptsAStrictlyValidStartAssessment() {
        LaunchFlow flow = startProctoring(1);
        BrowserResponse page = post(tool.sign(startAssessment(flow).build()));
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("<p id=\"assessment-started\">Attempt 1 started.</p>"), page.body());
        assertEquals(student, lms.startAssessments().get(0).user());
        assertEquals(ProctoredAttempt.Status.RUNNING, lms.attempt(exam, student, 1).orElseThrow().status());
    }

    @Test
    void refusesWhatTaoRefuses() {
        LaunchFlow flow = startProctoring(1);
        String sessionData = flow.idTokenClaims().getClaim(AP + "session_data").toString();
        String tampered = sessionData.substring(0, sessionData.length() - 4)
                + (sessionData.endsWith("AAAA") ? "BBBB" : "AAAA");
        String neverIssued = lms.sign(new JWTClaimsSet.Builder().jwtID("x").claim("registration_id", CLIENT)
                .expirationTime(Date.from(Instant.now().plusSeconds(60))).build());
        record Case(String reason, Consumer<JWTClaimsSet.Builder> tamper, boolean withKid) {
        }
        List<Case> cases = List.of(
                new Case("kid", c -> { }, false),
                new Case("session_data proctoring claim validation failure",
                        c -> c.claim(AP + "session_data", tampered), true),
                new Case("session_data is not one the platform sent", c -> c.claim(AP + "session_data", neverIssued),
                        true),
                new Case("session_data proctoring claim is missing", c -> c.claim(AP + "session_data", null), true),
                new Case("deployment_id", c -> c.claim(LTI + "deployment_id", "9"), true),
                new Case("nonce is missing", c -> c.claim("nonce", null), true),
                new Case("aud", c -> c.audience("https://elsewhere.example"), true),
                new Case("attempt_number", c -> c.claim(AP + "attempt_number", "1"), true),
                new Case("attempt_number", c -> c.claim(AP + "attempt_number", 2), true),
                new Case("resource_link id", c -> c.claim(LTI + "resource_link", Map.of("id", "other")), true),
                new Case("expired", c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600))), true));
        for (Case test : cases) {
            JWTClaimsSet.Builder claims = startAssessment(flow);
            test.tamper().accept(claims);
            String jwt = IdTokens.sign(claims.build(), tool.key, test.withKid() ? tool.key.getKeyID() : null, null,
                    null);
            BrowserResponse answer = post(jwt);
            assertEquals(400, answer.status(), test.reason() + ": " + answer.body());
            assertTrue(answer.body().contains(test.reason()), test.reason() + " in " + answer.body());
        }
        assertEquals(0, lms.startAssessments().size());
        assertEquals(cases.size(), lms.rejections().size());
    }

    @Test
    void refusesAReplayedStartAssessment() {
        String jwt = tool.sign(startAssessment(startProctoring(1)).build());
        assertEquals(200, post(jwt).status());
        BrowserResponse replay = post(jwt);
        assertEquals(400, replay.status());
        assertTrue(replay.body().contains("already used"), replay.body());
        assertEquals(1, lms.startAssessments().size());
    }

    @Test
    void finishingLaunchesLtiEndAssessmentForTheSameAttempt() throws Exception {
        LaunchFlow flow = startProctoring(1);
        assertEquals(200, post(tool.sign(startAssessment(flow).claim(AP + "end_assessment_return", true).build()))
                .status());
        BrowserResponse form = lms.browser().get(lms.endAssessmentLaunchUrl(exam, student, 1));
        assertEquals(200, form.status(), form.body());
        lms.browser().submitForm(form);
        JWTClaimsSet end = SignedJWT.parse(tool.launches.get(tool.launches.size() - 1).get("id_token"))
                .getJWTClaimsSet();
        assertEquals("LtiEndAssessment", end.getClaim(LTI + "message_type"));
        assertEquals(1L, end.getLongClaim(AP + "attempt_number"));
        assertEquals("3", end.getSubject());
        assertEquals(ProctoredAttempt.Status.COMPLETE, lms.attempt(exam, student, 1).orElseThrow().status());
    }

    // ---------------------------------------------------------------- ACS

    private JsonObjectBuilder control(String action) {
        return Json.createObjectBuilder()
                .add("user", Json.createObjectBuilder().add("iss", lms.issuer()).add("sub", "3"))
                .add("resource_link", Json.createObjectBuilder().add("id", "exam-1"))
                .add("attempt_number", 1)
                .add("action", action)
                .add("incident_time", "2026-03-01T10:15:00Z")
                .add("incident_severity", 0.4)
                .add("reason_code", "gaze")
                .add("reason_msg", "looked away");
    }

    private HttpResponse<String> send(String token, JsonObjectBuilder body) {
        return tool.acs(token, CONTROL, body.build().toString());
    }

    @Test
    void controlsTheAttemptThroughItsStatuses() {
        started(1);
        String token = tool.accessToken(AssessmentControlService.SCOPE);
        record Step(JsonObjectBuilder body, int status, String answer) {
        }
        List<Step> steps = List.of(
                new Step(control("pause"), 200, "{\"status\":\"paused\"}"),
                new Step(control("update").add("extra_time", 300), 200, "{\"status\":\"paused\",\"extra_time\":300}"),
                new Step(control("resume"), 200, "{\"status\":\"running\",\"extra_time\":300}"),
                new Step(control("update").add("extra_time", 60), 200, "{\"status\":\"running\",\"extra_time\":360}"),
                new Step(control("flag"), 200, "{\"status\":\"running\",\"extra_time\":360}"),
                new Step(control("terminate"), 200, "{\"status\":\"terminated\",\"extra_time\":360}"),
                new Step(control("pause"), 409, "{\"status\":\"terminated\",\"extra_time\":360}"));
        for (Step step : steps) {
            HttpResponse<String> answer = send(token, step.body());
            assertEquals(step.status(), answer.statusCode(), answer.body());
            assertEquals(step.answer(), answer.body());
        }
        assertEquals(CONTROL, send(token, control("flag")).headers().firstValue("Content-Type").orElseThrow());
        assertEquals(ProctoredAttempt.Status.TERMINATED, lms.attempt(exam, student, 1).orElseThrow().status());
        assertEquals(List.of("pause", "update", "resume", "update", "flag", "terminate", "pause", "flag"),
                lms.controlRequests().stream().map(AssessmentControlService.ControlRequest::action).toList());
        assertEquals(409, lms.rejections().get(lms.rejections().size() - 1).status());
    }

    @Test
    void pausingAnAttemptThatHasNotStartedIsAConflict() {
        startProctoring(1);
        HttpResponse<String> answer = send(tool.accessToken(AssessmentControlService.SCOPE), control("pause"));
        assertEquals(409, answer.statusCode());
        assertEquals("{\"status\":\"none\"}", answer.body());
    }

    @Test
    void acsRefusesWhatTaoRefuses() {
        started(1);
        String token = tool.accessToken(AssessmentControlService.SCOPE);
        String nrpsOnly = tool.accessToken(NamesAndRoles.SCOPE);
        JsonObjectBuilder noIss = control("flag").add("user", Json.createObjectBuilder().add("sub", "3"));
        JsonObjectBuilder otherIss = control("flag").add("user", Json.createObjectBuilder()
                .add("iss", "https://elsewhere.example").add("sub", "3"));
        record Case(String token, String contentType, String body, int status, String reason) {
        }
        List<Case> cases = List.of(
                new Case(token, CONTROL, noIss.build().toString(), 400, "user.iss"),
                new Case(token, CONTROL, otherIss.build().toString(), 400, "user.iss"),
                new Case(token, CONTROL, control("flag").remove("incident_time").build().toString(), 400,
                        "incident_time"),
                new Case(token, CONTROL, control("flag").add("incident_time", "yesterday").build().toString(), 400,
                        "incident_time"),
                new Case(token, CONTROL, control("explode").build().toString(), 400, "Invalid action"),
                new Case(token, CONTROL, control("flag").add("attempt_number", "1").build().toString(), 400,
                        "attempt_number"),
                new Case(token, CONTROL, control("update").add("extra_time", 1.5).build().toString(), 400,
                        "extra_time"),
                new Case(token, CONTROL, control("flag").add("incident_severity", 2).build().toString(), 400,
                        "incident_severity"),
                new Case(token, CONTROL, control("flag").add("reason_code", 7).build().toString(), 400,
                        "reason_code"),
                new Case(token, CONTROL, control("flag").add("attempt_number", 9).build().toString(), 404,
                        "no LtiStartProctoring launch"),
                new Case(token, "application/json", control("flag").build().toString(), 415, CONTROL),
                new Case(nrpsOnly, CONTROL, control("flag").build().toString(), 403, "scopes"),
                new Case(null, CONTROL, control("flag").build().toString(), 401, "Bearer"));
        for (Case test : cases) {
            HttpResponse<String> answer = tool.acs(test.token(), test.contentType(), test.body());
            assertEquals(test.status(), answer.statusCode(), test.reason() + ": " + answer.body());
            assertTrue(answer.body().contains(test.reason()), test.reason() + " in " + answer.body());
        }
        assertTrue(lms.controlRequests().stream().noneMatch(AssessmentControlService.ControlRequest::accepted));
        assertEquals(cases.size(), lms.controlRequests().size());
        assertEquals(cases.size(), lms.rejections().size());
        assertEquals(ProctoredAttempt.Status.RUNNING, lms.attempt(exam, student, 1).orElseThrow().status());
    }

    // ---------------------------------------------------------------- registration

    @Test
    void dynamicRegistrationKeepsTheProctoringMessagesAndGrantsTheAcsScope() throws Exception {
        for (Flavor flavor : List.of(Flavor.TAO, Flavor.EDX, Flavor.MOODLE)) {
            try (LtiPlatformSimulator platform = LtiPlatformSimulator.start(flavor)) {
                URI start = platform.registrationStartUrl(URI.create("http://127.0.0.1:9/lti/register"));
                Map<String, String> p = Exchange.decodeForm(start.getRawQuery());
                String openid = tool.send(HttpRequest.newBuilder(URI.create(p.get("openid_configuration")))
                        .build()).body();
                String body = """
                        {"application_type":"web","response_types":["id_token"],
                         "grant_types":["implicit","client_credentials"],
                         "initiate_login_uri":"http://127.0.0.1:9/lti/login",
                         "redirect_uris":["http://127.0.0.1:9/lti/launch"],"client_name":"Invigil",
                         "jwks_uri":"http://127.0.0.1:9/lti/jwks","token_endpoint_auth_method":"private_key_jwt",
                         "scope":"%s",
                         "https://purl.imsglobal.org/spec/lti-tool-configuration":{
                           "domain":"127.0.0.1:9","target_link_uri":"http://127.0.0.1:9/lti/launch",
                           "messages":[{"type":"LtiDeepLinkingRequest","label":"Add exam"},
                                       {"type":"LtiStartProctoring","target_link_uri":"http://127.0.0.1:9/lti/proctor"},
                                       {"type":"LtiEndAssessment","target_link_uri":"http://127.0.0.1:9/lti/end"}]}}
                        """.formatted(AssessmentControlService.SCOPE);
                HttpResponse<String> answer = tool.send(HttpRequest.newBuilder(platform.registrationEndpoint())
                        .header("Content-Type", "application/json").header("Authorization", "Bearer "
                                + p.get("registration_token"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                assertEquals(200, answer.statusCode(), answer.body());
                ToolRegistration registered = platform.onlyRegistration();
                boolean proctoring = flavor != Flavor.MOODLE;
                assertEquals(proctoring, openid.contains("LtiStartProctoring"), flavor + ": " + openid);
                assertEquals(proctoring, openid.contains(AssessmentControlService.SCOPE), flavor.toString());
                assertEquals(proctoring, registered.message("LtiStartProctoring").isPresent(), flavor.toString());
                assertEquals(proctoring, registered.message("LtiEndAssessment").isPresent(), flavor.toString());
                assertEquals(proctoring, registered.scopes().contains(AssessmentControlService.SCOPE),
                        flavor.toString());
                if (flavor == Flavor.EDX) {
                    assertEquals("1", registered.deploymentId());
                    assertEquals(36, registered.clientId().length(), registered.clientId());
                }
            }
        }
    }
}
