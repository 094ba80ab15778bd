package org.invigil.journey.boundary;

import static org.invigil.journey.boundary.ProctoringApiIT.event;
import static org.invigil.journey.boundary.ProctoringApiIT.events;
import static org.invigil.journey.boundary.ProctoringApiIT.get;
import static org.invigil.journey.boundary.ProctoringApiIT.json;
import static org.invigil.journey.boundary.ProctoringApiIT.post;
import static org.invigil.journey.boundary.ProctoringApiIT.postJpeg;
import static org.invigil.journey.boundary.ProctoringApiIT.postJson;
import static org.invigil.journey.boundary.ProctoringApiIT.refused;
import static org.invigil.journey.boundary.ProctoringApiIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.simulator.BrowserResponse;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LaunchRequest;
import org.invigil.simulator.LineItem;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.Role;
import org.invigil.simulator.Score;
import org.invigil.simulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The integrity result says how much of the quiz was watched and arrives when the quiz ends: the exam-page agent's
 * quiz-page sightings (posted here as the monitor posts them) measure the quiz's time; the submitted page ends the
 * attempt and the score reaches the platform with its coverage; monitoring ended early and a quiz taken afterwards is
 * never "no review needed"; LtiEndAssessment ends the attempt.
 */
class CoverageIT {

    static LtiPlatformSimulator lms;
    static Course course;
    static ResourceLink exam;
    static User teacher;

    @BeforeAll
    static void anExam() {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("120", "Cove", "Rage");
        course = lms.course("12", "Statistics").enrol(teacher, Role.INSTRUCTOR);
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Statistics quiz");
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    /** A student consented, camera checked and monitoring (identity and liveness off for them). */
    static String[] monitoring(String userId) throws Exception {
        return monitoring(lms, course, exam, teacher, userId, 0);
    }

    /**
     * A student of that exam consented, camera checked and monitoring, with identity and liveness off and that much
     * extra time: the attempt's id and the student's token.
     */
    static String[] monitoring(LtiPlatformSimulator lms, Course course, ResourceLink exam, User teacher,
                               String userId, int extraMinutes) throws Exception {
        User student = lms.user(userId, "Student", userId);
        course.enrol(student, Role.LEARNER);
        String staff = token(lms, exam, teacher);
        HttpResponse<String> accommodated = ProctoringApiIT.send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/"
                        + ProctoringApiIT.examId(staff) + "/accommodations/" + userId))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"], "
                        + "\"extraMinutes\": " + extraMinutes + "}")).build());
        assertEquals(200, accommodated.statusCode(), accommodated.body());
        String token = token(lms, exam, student);
        JsonObject session = json(get("/api/proctoring/session", token));
        String id = session.getString("id");
        json(postJson("/api/proctoring/sessions/" + id + "/consent", token, Json.createObjectBuilder()
                .add("decision", "accept").add("version", session.getJsonObject("consent").getString("version")).build()));
        json(postJpeg("/api/proctoring/sessions/" + id + "/system-check", token, TestPictures.referencePerson(), null));
        assertEquals("monitoring", json(post("/api/proctoring/sessions/" + id + "/start", token)).getString("state"));
        return new String[] {id, token};
    }

    static HttpResponse<String> seen(String id, String token, String page, Instant at) throws Exception {
        return postJson("/api/proctoring/sessions/" + id + "/quiz-pages", token, Json.createObjectBuilder()
                .add("page", page).add("at", at.toString()).build());
    }

    static void heartbeats(String id, String token, long firstSequence, Instant from, Instant until) throws Exception {
        var list = new java.util.ArrayList<JsonObject>();
        long sequence = firstSequence;
        for (Instant at = from; !at.isAfter(until); at = at.plusSeconds(5)) {
            list.add(event(sequence++, "heartbeat", at));
        }
        json(postJson("/api/proctoring/sessions/" + id + "/events", token, events(list.toArray(JsonObject[]::new))));
    }

    static Score integrityScore(String userId, String until) {
        return integrityScore(lms, course, exam, userId, until);
    }

    /** The student's integrity score in that exam's column, once its comment holds {@code until}. */
    static Score integrityScore(LtiPlatformSimulator lms, Course course, ResourceLink exam, String userId,
                                String until) {
        LineItem integrity = LmsFlows.eventually(() -> course.lineItems().stream()
                .filter(item -> item.tag().equals(Optional.of("invigil-integrity"))
                        && item.resourceLinkId().equals(Optional.of(exam.id()))).findFirst(),
                "no integrity column: " + lms.rejections());
        return LmsFlows.eventually(() -> integrity.score(userId).filter(score -> score.comment() != null
                && score.comment().contains(until)), "no integrity score with \"" + until + "\": "
                + integrity.score(userId) + " " + lms.rejections());
    }

    static List<String> rules(JsonObject report) {
        return report.getJsonArray("incidents").getValuesAs(JsonObject.class).stream()
                .map(incident -> incident.getString("rule")).toList();
    }

    @Test
    void theSubmittedQuizPageEndsTheAttemptAndTheScoreArrivesWithItsCoverage() throws Exception {
        String[] attempt = monitoring("121");
        String id = attempt[0];
        String token = attempt[1];
        Instant now = Instant.now();
        heartbeats(id, token, 1, now.minusSeconds(60), now);
        assertEquals(200, seen(id, token, "attempt", now.minusSeconds(58)).statusCode());
        JsonObject summary = json(seen(id, token, "summary", now.minusSeconds(5)));
        assertEquals("monitoring", summary.getString("state"), "the summary page does not end the attempt");

        JsonObject submitted = json(seen(id, token, "submitted", now));
        assertEquals("ended", submitted.getString("state"), "the submitted quiz ends the attempt");

        Score score = integrityScore("121", "Coverage:");
        assertEquals("FullyGraded", score.gradingProgress(), score.comment());
        assertEquals(100.0, score.scoreGiven(), score.comment());
        assertTrue(score.comment().contains("Coverage: monitored 58 s of 58 s of quiz time (100 %)"), score.comment());
        JsonObject result = json(get("/api/proctoring/sessions/" + id + "/report", token)).getJsonObject("result");
        JsonObject coverage = result.getJsonObject("coverage");
        assertEquals(true, coverage.getBoolean("quizSeen"), coverage.toString());
        assertEquals(58, coverage.getJsonNumber("quizSeconds").longValue(), coverage.toString());
        assertEquals(1.0, coverage.getJsonNumber("ratio").doubleValue(), coverage.toString());
        assertEquals("no-review-needed", result.getString("reviewState"), result.toString());
        assertTrue(lms.rejections().isEmpty(), "the platform refused: " + lms.rejections());
    }

    @Test
    void monitoringEndedEarlyAndTheQuizTakenAfterwardsNeedsReview() throws Exception {
        String[] attempt = monitoring("122");
        String id = attempt[0];
        String token = attempt[1];
        heartbeats(id, token, 1, Instant.now(), Instant.now());
        assertEquals("ended", json(post("/api/proctoring/sessions/" + id + "/end", token)).getString("state"));

        // the agent embeds the (ended) monitor in the quiz pages the student now opens; it still reports them
        assertEquals("ended", json(seen(id, token, "attempt", Instant.now())).getString("state"));
        Thread.sleep(1100);
        assertEquals("ended", json(seen(id, token, "submitted", Instant.now())).getString("state"));

        Score score = integrityScore("122", "monitoring-ended-early");
        assertEquals("PendingManual", score.gradingProgress(), score.comment());
        assertTrue(score.comment().contains("a person will review"), score.comment());
        JsonObject report = json(get("/api/proctoring/sessions/" + id + "/report", token));
        assertTrue(rules(report).contains("monitoring-ended-early"), report.toString());
        assertTrue(rules(report).contains("not-monitored"), report.toString());
        assertEquals(1, rules(report).stream().filter("monitoring-ended-early"::equals).count(),
                "measured again, never counted twice: " + rules(report));
        assertEquals("needs-review", report.getJsonObject("result").getString("reviewState"));
    }

    @Test
    void ltiEndAssessmentEndsTheStudentsAttempt() throws Exception {
        String[] attempt = monitoring("123");
        User student = lms.findUser("123").orElseThrow();
        BrowserResponse ended = lms.launch(LaunchRequest.endAssessment(exam, 1).as(student)).run();
        assertEquals(200, ended.status(), ended.body());
        assertTrue(ended.body().contains("data-ended=\"true\""), ended.body());
        assertEquals("ended", json(get("/api/proctoring/sessions/" + attempt[0], attempt[1])).getString("state"));
        integrityScore("123", "Coverage:");

        BrowserResponse again = lms.launch(LaunchRequest.endAssessment(exam, 1).as(student)).run();
        assertEquals(200, again.status(), again.body());
        assertTrue(again.body().contains("data-ended=\"false\""), "nothing was running: " + again.body());
    }

    /**
     * A monitor that still beats but sends no picture has its camera off; a monitor silent altogether (closed, frozen
     * by the browser) says nothing about the camera: it is a stretch not monitored, which the coverage counts, and
     * never a camera-off.
     */
    @Test
    void noPictureWhileTheMonitorBeatsIsACameraOffAndASilentMonitorIsNot() throws Exception {
        String[] beating = monitoring("127");
        String[] silent = monitoring("128");
        // at 5 s frames the quiet limit is 30 s; the watch looks every 10 s
        Instant deadline = Instant.now().plusSeconds(60);
        long sequence = 1;
        boolean cameraOff = false;
        while (!cameraOff && Instant.now().isBefore(deadline)) {
            json(postJson("/api/proctoring/sessions/" + beating[0] + "/events", beating[1],
                    events(event(sequence++, "heartbeat", Instant.now()))));
            cameraOff = rules(report(beating)).contains("camera-off");
            Thread.sleep(3000);
        }
        assertTrue(cameraOff, "heartbeats and no picture for a minute: " + report(beating));
        Thread.sleep(12_000); // another sweep of the watch, past the silent monitor's limit too
        assertFalse(rules(report(silent)).contains("camera-off"), "a silent monitor: " + report(silent));
    }

    static JsonObject report(String[] attempt) throws Exception {
        return json(get("/api/proctoring/sessions/" + attempt[0] + "/report", attempt[1]));
    }

    @Test
    void aQuizPageReportIsTheStudentsOwnAndWellFormed() throws Exception {
        String[] attempt = monitoring("124");
        String id = attempt[0];
        refused(seen(id, attempt[1], "grades", Instant.now()), 400, "quiz_page_unknown");
        refused(postJson("/api/proctoring/sessions/" + id + "/quiz-pages", attempt[1],
                Json.createObjectBuilder().add("page", "attempt").add("at", 5).build()), 400, "at_invalid");
        refused(postJson("/api/proctoring/sessions/" + id + "/quiz-pages", attempt[1],
                Json.createObjectBuilder().add("page", "attempt").add("at", "yesterday").build()), 400, "at_invalid");
        HttpResponse<String> anonymous = ProctoringApiIT.send(HttpRequest.newBuilder(DeployedTool.at(
                        "/api/proctoring/sessions/" + id + "/quiz-pages")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"page\":\"submitted\"}")).build());
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        String[] other = monitoring("125");
        refused(seen(id, other[1], "submitted", Instant.now()), 403, "session_not_yours");
        assertEquals("monitoring", json(get("/api/proctoring/sessions/" + id, attempt[1])).getString("state"),
                "another student cannot end this attempt");
    }
}
