package org.invigil.journey.boundary;

import static org.invigil.journey.boundary.ProctoringApiIT.get;
import static org.invigil.journey.boundary.ProctoringApiIT.json;
import static org.invigil.journey.boundary.ProctoringApiIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.Role;
import org.invigil.simulator.Score;
import org.invigil.simulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An attempt still monitored when its quiz closes ends by itself and its result goes to the gradebook (issue 10,
 * item 2): at the close time a Canvas-flavoured platform substitutes into the launch
 * ({@code $ResourceLink.available.endDateTime}), or else at the close time the instructor set, moved by the student's
 * extra time. The tool under test runs with {@code invigil.attempts.close-grace-minutes=0}; its sweep runs every
 * minute. Both exams close 40 s after the set-up, so the two tests share one wait.
 */
class ClosingTimeIT {

    static final Duration SWEEP = Duration.ofSeconds(100);

    static LtiPlatformSimulator canvas;
    static LtiPlatformSimulator moodle;
    static Course canvasCourse;
    static Course moodleCourse;
    static ResourceLink canvasExam;
    static ResourceLink moodleExam;
    static User canvasTeacher;
    static User moodleTeacher;
    static Instant closes;
    static String[] canvasAttempt;
    static String[] onTime;
    static String[] extraTime;

    @BeforeAll
    static void attemptsOfQuizzesThatCloseSoon() throws Exception {
        closes = Instant.now().plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);

        canvas = LtiPlatformSimulator.start(Flavor.CANVAS);
        LmsFlows.registerDynamically(canvas);
        canvasTeacher = canvas.user("140", "Lock", "Date");
        canvasCourse = canvas.course("14", "Closing Canvas").enrol(canvasTeacher, Role.INSTRUCTOR);
        canvasExam = LmsFlows.deepLinkExam(canvas, canvasCourse, canvasTeacher, "Quiz locked soon")
                .availableUntil(closes);
        canvasAttempt = CoverageIT.monitoring(canvas, canvasCourse, canvasExam, canvasTeacher, "141", 0);

        moodle = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(moodle);
        moodleTeacher = moodle.user("150", "Close", "Time");
        moodleCourse = moodle.course("15", "Closing Moodle").enrol(moodleTeacher, Role.INSTRUCTOR);
        moodleExam = LmsFlows.deepLinkExam(moodle, moodleCourse, moodleTeacher, "Quiz closing soon");
        String staff = token(moodle, moodleExam, moodleTeacher);
        String examId = ProctoringApiIT.examId(staff);
        JsonObject settings = json(get("/api/exams/" + examId + "/settings", staff));
        HttpResponse<String> saved = ProctoringApiIT.send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/"
                        + examId + "/settings")).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder(settings)
                        .add("closesAt", closes.toString()).build().toString())).build());
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(closes.toString(), json(saved).getString("closesAt"));
        onTime = CoverageIT.monitoring(moodle, moodleCourse, moodleExam, moodleTeacher, "151", 0);
        extraTime = CoverageIT.monitoring(moodle, moodleCourse, moodleExam, moodleTeacher, "152", 30);
    }

    @AfterAll
    static void stop() {
        canvas.close();
        moodle.close();
    }

    @Test
    void theCloseTimeTheCanvasLaunchCarriedEndsTheAttemptAndItsResultArrives() throws Exception {
        assertEquals(closes.toString(), json(get("/api/proctoring/session", canvasAttempt[1])).getString("closesAt"),
                "the student's own close time, from the launch");
        JsonObject ended = endedBySweep(canvasAttempt);
        assertEquals("closed", ended.getJsonObject("ended").getString("reason"), ended.toString());
        Instant endedAt = Instant.parse(ended.getJsonObject("ended").getString("at"));
        assertFalse(endedAt.isBefore(closes), "ended at " + endedAt + ", before the close time " + closes);
        Score score = CoverageIT.integrityScore(canvas, canvasCourse, canvasExam, "141", "Ended when the quiz closed.");
        assertTrue(score.comment().contains("Coverage:"), score.comment());
        assertTrue(canvas.rejections().isEmpty(), "the platform refused: " + canvas.rejections());
    }

    @Test
    void theInstructorsCloseTimeEndsTheAttemptButNotBeforeTheStudentsExtraTime() throws Exception {
        assertEquals(closes.plus(Duration.ofMinutes(30)).toString(), json(get("/api/proctoring/session",
                extraTime[1])).getString("closesAt"), "the exam's close time moved by the student's extra time");
        assertEquals("closed", endedBySweep(onTime).getJsonObject("ended").getString("reason"));
        Score score = CoverageIT.integrityScore(moodle, moodleCourse, moodleExam, "151", "Ended when the quiz closed.");
        assertTrue(score.comment().contains("Coverage:"), score.comment());
        // Moodle sends "$ResourceLink.available.endDateTime" as it is: no close time of its own for the student
        assertEquals("monitoring", json(get("/api/proctoring/sessions/" + extraTime[0], extraTime[1]))
                .getString("state"), "30 min extra time: the attempt goes on after the exam's close time");
    }

    /** Nonsense for a close time or an extra time is refused in words and changes nothing. */
    @Test
    void aCloseTimeOrAnExtraTimeThatMakesNoSenseIsRefused() throws Exception {
        String staff = token(moodle, moodleExam, moodleTeacher);
        String examId = ProctoringApiIT.examId(staff);
        JsonObject settings = json(get("/api/exams/" + examId + "/settings", staff));
        for (String closesAt : new String[] {"next Tuesday", "1970-01-01T00:00:00Z", "99999-01-01T00:00Z"}) {
            HttpResponse<String> refused = ProctoringApiIT.send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/"
                            + examId + "/settings")).header("Authorization", "Bearer " + staff)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder(settings)
                            .add("closesAt", closesAt).build().toString())).build());
            ProctoringApiIT.refused(refused, 400, "settings_invalid");
            assertTrue(refused.body().contains("close time"), refused.body());
        }
        for (String extra : new String[] {"-5", "1441", "1e30", "\"ten\"", "2.5", "99999999999999999999"}) {
            HttpResponse<String> refused = ProctoringApiIT.send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/"
                            + examId + "/accommodations/152")).header("Authorization", "Bearer " + staff)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [], \"extraMinutes\": " + extra + "}"))
                    .build());
            assertEquals(400, refused.statusCode(), extra + ": " + refused.body());
            assertTrue(refused.body().contains("extra_time_invalid") || refused.body().contains("accommodation_invalid"),
                    extra + ": " + refused.body());
        }
        assertEquals(closes.toString(), json(get("/api/exams/" + examId + "/settings", staff)).getString("closesAt"),
                "the close time is unchanged");
        assertEquals(closes.plus(Duration.ofMinutes(30)).toString(), json(get("/api/proctoring/session",
                extraTime[1])).getString("closesAt"), "the student's extra time is unchanged");
    }

    /** The attempt's state once the minute sweep after the close time ended it. */
    static JsonObject endedBySweep(String[] attempt) throws Exception {
        Instant deadline = closes.plus(SWEEP);
        JsonObject session;
        do {
            session = json(get("/api/proctoring/sessions/" + attempt[0], attempt[1]));
            if (session.getString("state").equals("ended")) {
                return session;
            }
            Thread.sleep(1000);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("still not ended " + SWEEP.toSeconds() + " s after the close time: " + session);
    }
}
