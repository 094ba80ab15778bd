package org.invigil.assessment.boundary;

import static org.invigil.journey.boundary.ProctoringApiIT.get;
import static org.invigil.journey.boundary.ProctoringApiIT.json;
import static org.invigil.journey.boundary.ProctoringApiIT.post;
import static org.invigil.journey.boundary.ProctoringApiIT.postJpeg;
import static org.invigil.journey.boundary.ProctoringApiIT.postJson;
import static org.invigil.journey.boundary.ProctoringApiIT.refused;
import static org.invigil.journey.boundary.ProctoringApiIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.invigil.LmsFlows;
import org.invigil.journey.boundary.ProctoringApiIT;
import org.invigil.journey.boundary.TestPictures;
import org.invigil.simulator.AssessmentControlService;
import org.invigil.simulator.AssessmentControlService.ControlRequest;
import org.invigil.simulator.BrowserResponse;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LaunchRequest;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ProctoredAttempt;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.Role;
import org.invigil.simulator.SimulatedBrowser;
import org.invigil.simulator.ToolRegistration;
import org.invigil.simulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LTI Proctoring Services 1.0 played whole against the two platform profiles, over real HTTP: LtiStartProctoring
 * into Invigil's checks, LtiStartAssessment back to the platform (checked there as Open edX and TAO check it), the
 * Assessment Control Service told of pauses, resumes and the integrity outcome, and LtiEndAssessment ending the
 * attempt. Open edX's ACS acts on terminate only and takes plain JSON; TAO's takes every action, the spec's media type
 * only, and answers 409 to a transition the attempt is past.
 */
class ProctoringServicesIT {

    static final String AP = "https://purl.imsglobal.org/spec/lti-ap/claim/";
    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    /** Identity and liveness off: these tests are about the exchange with the platform, not the checks. */
    static final String CHECKS_OFF = "{\"checksOff\": [\"identity\", \"liveness\"]}";

    /** One platform with a registered Invigil, a course, its exam link and its instructor. */
    record Platform(LtiPlatformSimulator lms, ToolRegistration tool, Course course, ResourceLink exam, User teacher) {

        static Platform start(Flavor flavor, String courseId) {
            LtiPlatformSimulator lms = LtiPlatformSimulator.start(flavor);
            ToolRegistration tool = LmsFlows.registerDynamically(lms);
            User teacher = lms.user(courseId + "-t", "Proc", "Tor");
            Course course = lms.course(courseId, "Proctored " + flavor).enrol(teacher, Role.INSTRUCTOR);
            return new Platform(lms, tool, course, course.resourceLink(courseId + "-exam", "Final exam"), teacher);
        }

        /** The Invigil user id of a platform user: Open edX launches carry its anonymous id as sub. */
        String userId(User user) {
            return lms.flavor() == Flavor.EDX ? lms.anonymousId(user) : user.sub();
        }
    }

    /** A learner's attempt: the browser that holds their LMS session, Invigil's session id and token. */
    record Attempt(User student, SimulatedBrowser browser, String id, String token, int number) {
    }

    static Platform edx;
    static Platform tao;

    @BeforeAll
    static void twoPlatforms() {
        edx = Platform.start(Flavor.EDX, "course-v1:edX+PS+2026");
        tao = Platform.start(Flavor.TAO, "tao-delivery-7");
    }

    @AfterAll
    static void stop() {
        edx.lms().close();
        tao.lms().close();
    }

    /** The student launched by LtiStartProctoring (signed in to the LMS first), with identity and liveness off. */
    static Attempt launched(Platform platform, String userId, int number, LaunchRequest request) throws Exception {
        User student = platform.lms().findUser(userId).orElseGet(() -> {
            User created = platform.lms().user(userId, "Learner", userId);
            platform.course().enrol(created, Role.LEARNER);
            return created;
        });
        String staff = token(platform.lms(), platform.exam(), platform.teacher());
        ProctoringApiIT.accommodate(staff, platform.userId(student), CHECKS_OFF);
        SimulatedBrowser browser = SimulatedBrowser.withCookies();
        assertEquals(200, browser.get(platform.lms().signInUrl(student)).status());
        BrowserResponse landing = platform.lms().launch(request.as(student), browser).run();
        assertEquals(200, landing.status(), landing.body() + " / " + platform.lms().rejections());
        String token = token(landing);
        JsonObject session = json(get("/api/proctoring/session", token));
        return new Attempt(student, browser, session.getString("id"), token, number);
    }

    static Attempt launched(Platform platform, String userId, int number) throws Exception {
        return launched(platform, userId, number, LaunchRequest.startProctoring(platform.exam(), number));
    }

    /** Consent and camera check done: monitoring. */
    static Attempt monitoring(Attempt attempt) throws Exception {
        JsonObject session = json(get("/api/proctoring/sessions/" + attempt.id(), attempt.token()));
        json(postJson("/api/proctoring/sessions/" + attempt.id() + "/consent", attempt.token(),
                Json.createObjectBuilder().add("decision", "accept")
                        .add("version", session.getJsonObject("consent").getString("version")).build()));
        json(postJpeg("/api/proctoring/sessions/" + attempt.id() + "/system-check", attempt.token(),
                TestPictures.referencePerson(), null));
        assertEquals("monitoring", json(post("/api/proctoring/sessions/" + attempt.id() + "/start",
                attempt.token())).getString("state"));
        return attempt;
    }

    /** Invigil's LtiStartAssessment form, posted by the learner's browser to the platform as a top-level page. */
    static BrowserResponse handBack(Platform platform, Attempt attempt) throws Exception {
        JsonObject form = json(post("/api/proctoring/sessions/" + attempt.id() + "/assessment", attempt.token()));
        assertEquals(platform.lms().startAssessmentUrl().toString(), form.getString("url"));
        return attempt.browser().post(URI.create(form.getString("url")), Map.of("JWT", form.getString("jwt")));
    }

    static HttpResponse<String> staffAction(Platform platform, Attempt attempt, String action) throws Exception {
        String staff = token(platform.lms(), platform.exam(), platform.teacher());
        return postJson("/api/review/sessions/" + attempt.id() + "/" + action, staff,
                Json.createObjectBuilder().add("reason", "Invigilator's " + action).build());
    }

    static List<ControlRequest> controls(Platform platform, User student, String action) {
        String sub = platform.userId(student);
        return platform.lms().controlRequests().stream()
                .filter(request -> request.body() != null && action.equals(request.action())
                        && sub.equals(request.body().getJsonObject("user").getString("sub", null))).toList();
    }

    static ControlRequest eventuallyControl(Platform platform, User student, String action) {
        return LmsFlows.eventually(() -> controls(platform, student, action).stream()
                        .filter(ControlRequest::accepted).findFirst(),
                "no accepted " + action + " for " + student + ": " + platform.lms().controlRequests());
    }

    /** The platform's status of the attempt as Invigil's journey shows it. */
    static Optional<String> platformStatus(Attempt attempt) {
        try {
            return Optional.ofNullable(json(get("/api/proctoring/sessions/" + attempt.id(), attempt.token()))
                    .getJsonObject("assessment").getString("platformStatus", null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void openEdxHandsTheLearnerBackAndTakesTheOutcomeAsTerminate() throws Exception {
        Attempt attempt = monitoring(launched(edx, "edx-1", 1));

        BrowserResponse started = handBack(edx, attempt);

        assertEquals(200, started.status(), started.body() + " / " + edx.lms().rejections());
        assertTrue(started.body().contains("id=\"assessment-started\""), started.body());
        JWTClaimsSet sent = edx.lms().startAssessments().get(0).claims();
        assertEquals(edx.tool().clientId(), sent.getIssuer());
        assertEquals(List.of(edx.lms().issuer()), sent.getAudience());
        assertEquals("LtiStartAssessment", sent.getStringClaim(LTI + "message_type"));
        assertEquals(edx.lms().attempt(edx.exam(), attempt.student(), 1).orElseThrow().sessionData().get(0),
                sent.getStringClaim(AP + "session_data"), "session_data echoed exactly");
        assertEquals(1L, sent.getLongClaim(AP + "attempt_number"));
        assertEquals(Boolean.TRUE, sent.getBooleanClaim(AP + "end_assessment_return"));
        assertFalse(sent.getClaims().containsKey(AP + "verified_user"), "identity was not checked: nobody verified");
        assertEquals("ready_to_start", edx.lms().edxReviewStatus(edx.exam(), attempt.student(), 1).orElseThrow());
        JsonObject journey = json(get("/api/proctoring/sessions/" + attempt.id(), attempt.token()));
        assertTrue(journey.getJsonObject("assessment").containsKey("handedBackAt"), journey.toString());

        // Open edX's ACS takes terminate only: a pause is not sent to it
        assertEquals(200, staffAction(edx, attempt, "pause").statusCode());
        assertEquals(200, staffAction(edx, attempt, "resume").statusCode());

        BrowserResponse finished = attempt.browser().submitForm(attempt.browser().get(
                edx.lms().endAssessmentLaunchUrl(edx.exam(), attempt.student(), 1)));
        assertEquals(200, finished.status(), finished.body() + " / " + edx.lms().rejections());
        assertTrue(finished.body().contains("data-ended=\"true\""), finished.body());
        assertTrue(finished.body().contains("id=\"open-report\""), finished.body());
        assertEquals("ended", json(get("/api/proctoring/sessions/" + attempt.id(), attempt.token()))
                .getString("state"));

        ControlRequest terminate = eventuallyControl(edx, attempt.student(), "terminate");
        assertEquals("application/json", terminate.contentType().split(";")[0].trim(),
                "edx-exams parses plain JSON only: Invigil falls back to it after the 415");
        assertTrue(controls(edx, attempt.student(), "terminate").stream()
                .anyMatch(request -> request.status() == 415), "the spec's media type was tried first");
        assertEquals("1", terminate.body().getString("reason_code"));
        double severity = terminate.body().getJsonNumber("incident_severity").doubleValue();
        JsonObject result = json(get("/api/proctoring/sessions/" + attempt.id() + "/report", attempt.token()))
                .getJsonObject("result");
        String expected = "no-review-needed".equals(result.getString("reviewState")) ? "verified"
                : "second_review_required";
        assertEquals(expected, terminate.reviewStatus(), result + " severity " + severity);
        assertEquals(expected.equals("verified"), severity <= 0.25, result + " severity " + severity);
        assertEquals(expected, edx.lms().edxReviewStatus(edx.exam(), attempt.student(), 1).orElseThrow());
        assertTrue(controls(edx, attempt.student(), "pause").isEmpty(), "pause was not offered");
        assertTrue(edx.lms().rejections().stream().allMatch(refused -> refused.status() == 415),
                "the platform refused more than the media type: " + edx.lms().rejections());
    }

    @Test
    void taoIsToldOfPauseResumeAndTheOutcomeAndItsStatusIsKept() throws Exception {
        Attempt attempt = monitoring(launched(tao, "tao-1", 1));

        BrowserResponse started = handBack(tao, attempt);

        assertEquals(200, started.status(), started.body() + " / " + tao.lms().rejections());
        assertTrue(started.body().contains("id=\"assessment-started\""), started.body());
        JWTClaimsSet sent = tao.lms().startAssessments().get(0).claims();
        SignedJWT jwt = SignedJWT.parse(json(post("/api/proctoring/sessions/" + attempt.id() + "/assessment",
                attempt.token())).getString("jwt"));
        assertTrue(jwt.getHeader().getKeyID() != null, "TAO finds the key by kid");
        assertNotEquals(sent.getStringClaim("nonce"), jwt.getJWTClaimsSet().getStringClaim("nonce"),
                "each hand-back has a fresh nonce");
        assertEquals(tao.tool().deploymentId(), sent.getStringClaim(LTI + "deployment_id"));

        assertEquals(200, staffAction(tao, attempt, "pause").statusCode());
        ControlRequest pause = eventuallyControl(tao, attempt.student(), "pause");
        assertEquals(AssessmentControlService.MEDIA_TYPE, pause.contentType().split(";")[0].trim());
        assertEquals(tao.lms().issuer(), pause.body().getJsonObject("user").getString("iss"));
        assertEquals(tao.exam().id(), pause.body().getJsonObject("resource_link").getString("id"));
        assertEquals(1, pause.body().getInt("attempt_number"));
        assertTrue(pause.body().containsKey("incident_time"), pause.body().toString());
        assertEquals(ProctoredAttempt.Status.PAUSED, LmsFlows.eventually(() -> tao.lms().attempt(tao.exam(),
                attempt.student(), 1).map(ProctoredAttempt::status).filter(ProctoredAttempt.Status.PAUSED::equals),
                "TAO's attempt is not paused"));

        assertEquals(200, staffAction(tao, attempt, "resume").statusCode());
        eventuallyControl(tao, attempt.student(), "resume");
        assertEquals(200, staffAction(tao, attempt, "end").statusCode());
        ControlRequest terminate = eventuallyControl(tao, attempt.student(), "terminate");
        assertEquals("1", terminate.body().getString("reason_code"));
        assertTrue(terminate.body().containsKey("incident_severity"), terminate.body().toString());
        assertTrue(terminate.body().getString("reason_msg").contains("Integrity"), terminate.body().toString());
        assertEquals("terminated", LmsFlows.eventually(() -> platformStatus(attempt).filter("terminated"::equals),
                "the platform's status is kept: " + tao.lms().controlRequests()));
        assertTrue(tao.lms().rejections().isEmpty(), "the platform refused: " + tao.lms().rejections());
    }

    /**
     * The learner finished the test on TAO's side while Invigil still monitored: the next control request is answered
     * 409 with the attempt's status, {@code complete}, which ends Invigil's side of the attempt too.
     */
    @Test
    void anAttemptThePlatformCompletedEndsInvigilsMonitoring() throws Exception {
        Attempt attempt = monitoring(launched(tao, "tao-6", 1));
        assertEquals(200, handBack(tao, attempt).status(), tao.lms().rejections().toString());
        BrowserResponse submitted = attempt.browser().getWithoutRedirects(tao.lms().endAssessmentLaunchUrl(
                tao.exam(), attempt.student(), 1));
        assertTrue(submitted.status() < 400, submitted.body());
        assertEquals(ProctoredAttempt.Status.COMPLETE, tao.lms().attempt(tao.exam(), attempt.student(), 1)
                .orElseThrow().status());

        assertEquals(200, staffAction(tao, attempt, "pause").statusCode());

        LmsFlows.eventually(() -> controls(tao, attempt.student(), "pause").stream()
                .filter(request -> request.status() == 409).findFirst(), "TAO did not answer 409");
        assertEquals("complete", LmsFlows.eventually(() -> platformStatus(attempt).filter("complete"::equals),
                "the 409's status is kept: " + tao.lms().controlRequests()));
        assertEquals("ended", LmsFlows.eventually(() -> state(attempt).filter("ended"::equals),
                "the platform's complete attempt ends monitoring"));
    }

    /** The control service is down when the instructor pauses: the pause is kept and delivered once it is back. */
    @Test
    void aControlRequestTheServiceCouldNotTakeIsDeliveredWhenItIsBack() throws Exception {
        Platform down = Platform.start(Flavor.TAO, "tao-outage"); // its refusals are its own
        try {
            Attempt attempt = monitoring(launched(down, "tao-9", 1));
            assertEquals(200, handBack(down, attempt).status(), down.lms().rejections().toString());
            down.lms().refuseControlWith(503);
            try {
                assertEquals(200, staffAction(down, attempt, "pause").statusCode());
                LmsFlows.eventually(() -> controls(down, attempt.student(), "pause").stream()
                        .filter(request -> request.status() == 503).findFirst(), "the pause was not tried");
            } finally {
                down.lms().refuseControlWith(null);
            }

            eventuallyControl(down, attempt.student(), "pause");
            assertEquals(ProctoredAttempt.Status.PAUSED, down.lms().attempt(down.exam(), attempt.student(), 1)
                    .orElseThrow().status());
            assertEquals(1, controls(down, attempt.student(), "pause").stream().filter(ControlRequest::accepted)
                    .count(), "delivered once");
        } finally {
            down.lms().close();
        }
    }

    @Test
    void theEndOfAssessmentShowsWhatThePlatformReported() throws Exception {
        Attempt attempt = monitoring(launched(tao, "tao-7", 1));
        BrowserResponse ended = tao.lms().launch(LaunchRequest.endAssessment(tao.exam(), 1).as(attempt.student())
                .claims(claims -> claims.claim(AP + "errormsg", "Your answers <could not> be saved")
                        .claim(AP + "errorlog", "db timeout")), attempt.browser()).run();

        assertEquals(200, ended.status(), ended.body());
        assertTrue(ended.body().contains("id=\"platform-error\""), ended.body());
        assertTrue(ended.body().contains("Your answers &lt;could not&gt; be saved"), ended.body());
        assertFalse(ended.body().contains("db timeout"), "the log is for the tool's log, not the learner");
        assertEquals("ended", state(attempt).orElseThrow());
    }

    static Optional<String> state(Attempt attempt) {
        try {
            return Optional.of(json(get("/api/proctoring/sessions/" + attempt.id(), attempt.token()))
                    .getString("state"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theHandBackIsRefusedUntilTheChecksAreDoneAndToAnyoneElse() throws Exception {
        Attempt attempt = launched(tao, "tao-2", 1);

        refused(post("/api/proctoring/sessions/" + attempt.id() + "/assessment", attempt.token()), 409, "not_ready");

        monitoring(attempt);
        Attempt other = launched(tao, "tao-3", 1);
        HttpResponse<String> someoneElses = post("/api/proctoring/sessions/" + attempt.id() + "/assessment",
                other.token());
        assertTrue(someoneElses.statusCode() == 403 || someoneElses.statusCode() == 404, someoneElses.body());
        assertFalse(someoneElses.body().contains("jwt"), someoneElses.body());
        refused(post("/api/proctoring/sessions/" + attempt.id() + "/assessment", "not-a-token"), 401,
                "session_invalid");
    }

    @Test
    void anAttemptLaunchedFromACourseLinkHasNothingToHandBack() throws Exception {
        User student = tao.lms().user("tao-4", "Link", "Launch");
        tao.course().enrol(student, Role.LEARNER);
        String token = token(tao.lms(), tao.exam(), student);
        String id = json(get("/api/proctoring/session", token)).getString("id");

        refused(post("/api/proctoring/sessions/" + id + "/assessment", token), 409, "not_proctoring_services");
        assertFalse(json(get("/api/proctoring/sessions/" + id, token)).containsKey("assessment"));
    }

    @Test
    void proctoringSettingsInInvigilsFormSetTheNewExamAndOtherDataIsIgnored() throws Exception {
        ResourceLink configured = tao.course().resourceLink("tao-configured", "Configured exam");
        ResourceLink opaque = tao.course().resourceLink("tao-opaque", "Opaque settings exam");
        User student = tao.lms().user("tao-8", "Set", "Tings");
        tao.course().enrol(student, Role.LEARNER);

        for (ResourceLink link : List.of(configured, opaque)) {
            BrowserResponse landing = tao.lms().launch(LaunchRequest.startProctoring(link, 1).as(student)
                    .proctoringSettings(link == configured ? "{\"frameIntervalSeconds\": 9, \"retentionDays\": 12}"
                            : "platform-owned-blob")).run();
            assertEquals(200, landing.status(), landing.body());
        }

        assertEquals(9, settings(configured).getInt("frameIntervalSeconds"));
        assertEquals(12, settings(configured).getInt("retentionDays"));
        assertEquals(30, settings(opaque).getInt("retentionDays"), "not Invigil's settings: the defaults");
    }

    static JsonObject settings(ResourceLink link) throws Exception {
        String staff = token(tao.lms(), link, tao.teacher());
        return json(get("/api/exams/" + ProctoringApiIT.examId(staff) + "/settings", staff));
    }

    @Test
    void aStartProctoringLaunchWithAnUnusableControlUrlIsRefusedAtTheLaunch() throws Exception {
        User student = tao.lms().user("tao-5", "Bad", "Acs");
        tao.course().enrol(student, Role.LEARNER);
        BrowserResponse landing = tao.lms().launch(LaunchRequest.startProctoring(tao.exam(), 1).as(student)
                .claims(claims -> claims.claim(AP + "acs", Map.of("assessment_control_url", "javascript:alert(1)",
                        "actions", List.of("pause"))))).run();

        assertEquals(400, landing.status(), landing.body());
        assertFalse(landing.body().contains("Exception"), landing.body());
    }
}
