package org.invigil.assessment.boundary;

import static org.invigil.journey.boundary.ProctoringApiIT.examId;
import static org.invigil.journey.boundary.ProctoringApiIT.get;
import static org.invigil.journey.boundary.ProctoringApiIT.json;
import static org.invigil.journey.boundary.ProctoringApiIT.refused;
import static org.invigil.journey.boundary.ProctoringApiIT.send;
import static org.invigil.journey.boundary.ProctoringApiIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.invigil.DeployedTool;
import org.invigil.assessment.boundary.ProctoringServicesIT.Attempt;
import org.invigil.assessment.boundary.ProctoringServicesIT.Platform;
import org.invigil.simulator.BrowserResponse;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LaunchRequest;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.Role;
import org.invigil.simulator.SimulatedBrowser;
import org.invigil.simulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Names for Open edX learners, who arrive by an anonymous id only: the instructor launch's {@code custom.roster_url}
 * is put on the instructor's page, the roster read with the instructor's own LMS session is handed to
 * {@code PUT /api/review/exams/{exam}/learner-names}, and the attempts are named in the review API and pages. With its
 * attack tests: who may hand names over, what a malformed or hostile roster gets.
 */
class LearnerNamesIT {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    static Platform edx;

    @BeforeAll
    static void anOpenEdx() {
        edx = Platform.start(Flavor.EDX, "course-v1:edX+LN+2026");
    }

    @AfterAll
    static void stop() {
        edx.lms().close();
    }

    static HttpResponse<String> putNames(String examId, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(DeployedTool.at("/api/review/exams/" + examId
                + "/learner-names")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** The roster as the signed-in instructor's browser reads it from the platform. */
    static String rosterAsTheInstructorReadsIt(ResourceLink exam) {
        SimulatedBrowser instructor = SimulatedBrowser.withCookies();
        assertEquals(200, instructor.get(edx.lms().signInUrl(edx.teacher())).status());
        BrowserResponse roster = instructor.get(edx.lms().rosterUrl(exam));
        assertEquals(200, roster.status(), roster.body());
        return roster.body();
    }

    static String student(String staff, String sessionId) throws Exception {
        return json(get("/api/review/exams/" + examId(staff) + "/sessions", staff)).getJsonArray("sessions")
                .getValuesAs(JsonObject.class).stream().filter(s -> s.getString("sessionId").equals(sessionId))
                .findFirst().orElseThrow().getString("student");
    }

    @Test
    void theRosterTheInstructorsBrowserReadsNamesTheAnonymousAttempts() throws Exception {
        edx.course().enrol(edx.lms().user("ln-1", "Grace", "Hopper").username("ghopper"), Role.LEARNER);
        Attempt attempt = ProctoringServicesIT.launched(edx, "ln-1", 1);
        BrowserResponse page = edx.lms().launch(LaunchRequest.resourceLink(edx.exam()).as(edx.teacher())).run();
        String staff = token(page);
        String anonymous = edx.lms().anonymousId(attempt.student());
        assertEquals(anonymous, student(staff, attempt.id()), "Open edX sent no name: the id is all there is");
        assertTrue(page.body().contains("data-roster=\"" + edx.lms().rosterUrl(edx.exam()) + "\""), page.body());
        assertTrue(page.body().contains("src=\"/static/js/learner-names.js\""), page.body());

        String roster = rosterAsTheInstructorReadsIt(edx.exam());
        assertTrue(roster.contains("\"ghopper\""), roster);
        JsonObject learned = json(putNames(examId(staff), staff, roster));

        assertTrue(learned.getInt("named") >= 1, learned.toString());
        assertEquals(0, learned.getInt("unknown"), "edx-exams lists the users with an attempt: " + learned);
        assertEquals("ghopper", student(staff, attempt.id()));
        assertTrue(edx.lms().launch(LaunchRequest.resourceLink(edx.exam()).as(edx.teacher())).run().body()
                .contains("<td>ghopper</td>"), "the instructor's page names the attempt");
        assertEquals(0, json(putNames(examId(staff), staff, roster)).getInt("named"), "named once");
        JsonObject stranger = json(putNames(examId(staff), staff, "[[\"someone-else\", \"eve\"]]"));
        assertEquals(1, stranger.getInt("unknown"), "nobody with an attempt here: nothing kept");
        assertTrue(json(get("/api/review/exams/" + examId(staff) + "/audit", staff)).getJsonArray("entries")
                .getValuesAs(JsonObject.class).stream().anyMatch(e -> e.getString("action").equals("learn-names")));
    }

    @Test
    void aNameTheLaunchGaveIsNotReplaced() throws Exception {
        edx.course().enrol(edx.lms().user("ln-2", "Ada", "Lovelace").username("alovelace"), Role.LEARNER);
        Attempt attempt = ProctoringServicesIT.launched(edx, "ln-2", 1,
                LaunchRequest.startProctoring(edx.exam(), 1).sharePii());
        String staff = token(edx.lms(), edx.exam(), edx.teacher());
        assertEquals("Ada Lovelace", student(staff, attempt.id()));

        JsonObject learned = json(putNames(examId(staff), staff, "[[\"" + edx.lms().anonymousId(attempt.student())
                + "\", \"alovelace\"]]"));

        assertEquals(0, learned.getInt("named"));
        assertEquals("Ada Lovelace", student(staff, attempt.id()));
    }

    @Test
    void aHostileUsernameIsShownAsText() throws Exception {
        Attempt attempt = ProctoringServicesIT.launched(edx, "ln-3", 1);
        String staff = token(edx.lms(), edx.exam(), edx.teacher());

        json(putNames(examId(staff), staff, "[[\"" + edx.lms().anonymousId(attempt.student())
                + "\", \"<img src=x onerror=alert(1)>\"]]"));

        String page = edx.lms().launch(LaunchRequest.resourceLink(edx.exam()).as(edx.teacher())).run().body();
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"), page);
        assertFalse(page.contains("<img src=x"), page);
    }

    @Test
    void onlyTheExamsStaffHandNamesOverAndAMalformedRosterIsRefusedWhole() throws Exception {
        Attempt attempt = ProctoringServicesIT.launched(edx, "ln-4", 1);
        String staff = token(edx.lms(), edx.exam(), edx.teacher());
        String exam = examId(staff);
        String pair = "[[\"" + edx.lms().anonymousId(attempt.student()) + "\", \"mallory\"]]";
        ResourceLink other = edx.course().resourceLink("ln-other", "Another exam");
        String otherStaff = token(edx.lms(), other, edx.teacher());

        refused(putNames(exam, null, pair), 401, "session_missing");
        refused(putNames(exam, attempt.token(), pair), 403, "staff_only");
        refused(putNames(exam, otherStaff, pair), 403, "other_exam");
        refused(putNames(exam, staff, "{\"a\": \"b\"}"), 400, "json_type");
        refused(putNames(exam, staff, "[[\"x\"], [\"y\", \"z\"]]"), 400, "roster_malformed");
        refused(putNames(exam, staff, "[[\"x\", \"y\""), 400, "json_malformed");
        refused(putNames(exam, staff, " "), 400, "roster_missing");
        refused(putNames(exam, staff, "[\"" + "x".repeat(4 * 1024 * 1024) + "\"]"), 413, "json_too_large");
        refused(putNames("%3Cscript%3E", staff, pair), 403, "other_exam");

        assertEquals(edx.lms().anonymousId(attempt.student()), student(staff, attempt.id()),
                "nothing of a refused roster was taken");
    }

    @Test
    void theRosterAddressIsTakenFromAStaffLaunchOnlyAndOnlyAsHttp() throws Exception {
        ResourceLink quiz = edx.course().resourceLink("ln-quiz", "Quiz");
        BrowserResponse hostile = edx.lms().launch(LaunchRequest.resourceLink(quiz).as(edx.teacher())
                .claims(claims -> claims.claim(LTI + "custom", Map.of("roster_url", "javascript:alert(1)")))).run();
        assertEquals(200, hostile.status(), hostile.body());
        assertFalse(hostile.body().contains("id=\"learner-names\""), hostile.body());

        User five = edx.lms().user("ln-5", "Learner", "Five");
        edx.course().enrol(five, Role.LEARNER);
        BrowserResponse learner = edx.lms().launch(LaunchRequest.resourceLink(quiz).as(five)
                .custom("roster_url", "https://evil.example/roster")).run();
        assertEquals(200, learner.status(), learner.body());
        BrowserResponse page = edx.lms().launch(LaunchRequest.resourceLink(quiz).as(edx.teacher())
                .claims(claims -> claims.claim(LTI + "custom", Map.of()))).run();
        assertFalse(page.body().contains("evil.example"), "a learner's launch never names the roster");
    }
}
