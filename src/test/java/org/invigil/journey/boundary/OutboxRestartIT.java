package org.invigil.journey.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.invigil.simulator.BrowserResponse;
import org.invigil.simulator.Course;
import org.invigil.simulator.DeepLinkingReturn;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.HtmlForm;
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
 * A score is due and Invigil is killed ({@code kill -9}) after the LMS took it but before Invigil heard so, then
 * started again on the same directories (issue 10, item 7): the score is posted again with the same timestamp, the
 * LMS keeps one score (it answers the repeat 409, as Moodle does), and Invigil counts it delivered and posts no more.
 * Before the timestamp was fixed with the outbox entry, the repeat carried a newer timestamp and the LMS took a second
 * score.
 * <p>
 * Like {@link RestartIT}, this test runs an Invigil of its own ({@link RestartIT.Tool}), here with a claim hold of
 * 20 s so that the entry the dead process held is taken up again soon after the restart.
 */
class OutboxRestartIT {

    private static final Logger LOG = Logger.getLogger(OutboxRestartIT.class.getName());
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final String STUDENT_ID = "51";
    private static final Path WORK = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("target/outbox-restart-it");

    static RestartIT.Tool tool;
    static LtiPlatformSimulator lms;
    static ResourceLink exam;
    static User student;

    @BeforeAll
    static void invigilOfItsOwnWithAnExam() throws Exception {
        tool = new RestartIT.Tool(WORK, List.of("invigil.outbox.claim-seconds=20"));
        tool.start("first");
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        User teacher = lms.user("50", "Out", "Box");
        student = lms.user(STUDENT_ID, "Once", "Only");
        Course course = lms.course("12", "Exactly Once 101").enrol(teacher, Role.INSTRUCTOR)
                .enrol(student, Role.LEARNER);
        exam = examOn(tool, lms, course, teacher, "Exam with a score in flight");
        String staff = ProctoringApiIT.token(lms, exam, teacher);
        HttpResponse<String> accommodated = RestartIT.send(HttpRequest.newBuilder(tool.at("/api/exams/"
                        + ProctoringApiIT.examId(staff) + "/accommodations/" + STUDENT_ID))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"]}")).build());
        assertEquals(200, accommodated.statusCode(), accommodated.body());
    }

    /** Registers that Invigil of its own with the platform and deep-links an exam into the course. */
    static ResourceLink examOn(RestartIT.Tool tool, LtiPlatformSimulator lms, Course course, User teacher,
                               String title) {
        BrowserResponse confirm = lms.browser().get(lms.registrationStartUrl(tool.at("/lti/register")));
        assertEquals(200, confirm.status(), confirm.body());
        BrowserResponse done = lms.browser().submitForm(confirm);
        assertEquals(200, done.status(), done.body() + " / platform: " + lms.rejections());
        lms.onlyRegistration().activate();
        BrowserResponse picker = lms.launch(LaunchRequest.deepLinking(course).as(teacher)
                .deepLinkingData("own-" + UUID.randomUUID())).run();
        assertEquals(200, picker.status(), picker.body());
        HtmlForm form = picker.form().with("title", title);
        BrowserResponse autoPost = lms.browser().submit(form);
        assertEquals(200, autoPost.status(), autoPost.body());
        BrowserResponse returned = lms.browser().submitForm(autoPost);
        assertEquals(200, returned.status(), returned.body() + " / platform: " + lms.rejections());
        DeepLinkingReturn.Received received = lms.deepLinkingResponses().get(lms.deepLinkingResponses().size() - 1);
        return received.resourceLinks().get(0);
    }

    /** The student's attempt on that Invigil, consented, camera checked and monitoring: its id and token. */
    static String[] monitoringOn(RestartIT.Tool tool, LtiPlatformSimulator lms, ResourceLink exam, User teacher,
                                 User student) throws Exception {
        String staff = ProctoringApiIT.token(lms, exam, teacher);
        HttpResponse<String> accommodated = RestartIT.send(HttpRequest.newBuilder(tool.at("/api/exams/"
                        + ProctoringApiIT.examId(staff) + "/accommodations/" + student.sub()))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"]}")).build());
        assertEquals(200, accommodated.statusCode(), accommodated.body());
        String token = ProctoringApiIT.token(lms, exam, student);
        String id = consentedAndChecked(tool, token);
        JsonObject started = RestartIT.json(RestartIT.send(HttpRequest.newBuilder(tool.at("/api/proctoring/sessions/"
                + id + "/start")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
        assertEquals("monitoring", started.getString("state"), started.toString());
        return new String[] {id, token};
    }

    /** The student's attempt on that Invigil, consent given and the camera checked: its id. */
    static String consentedAndChecked(RestartIT.Tool tool, String token) {
        JsonObject session = RestartIT.json(RestartIT.send(HttpRequest.newBuilder(tool.at("/api/proctoring/session"))
                .header("Authorization", "Bearer " + token).GET().build()));
        String id = session.getString("id");
        RestartIT.json(RestartIT.send(HttpRequest.newBuilder(tool.at("/api/proctoring/sessions/" + id + "/consent"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("decision", "accept")
                        .add("version", session.getJsonObject("consent").getString("version")).build().toString()))
                .build()));
        RestartIT.json(RestartIT.send(HttpRequest.newBuilder(tool.at("/api/proctoring/sessions/" + id
                        + "/system-check")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestPictures.referencePerson())).build()));
        return id;
    }

    @AfterAll
    static void stop() {
        RestartIT.stop(lms, tool);
    }

    @Test
    void aScoreTheLmsTookJustBeforeAKillIsPostedAgainWithTheSameTimestampAndKeptOnce() throws Exception {
        LineItem gate = exam.lineItem().orElseThrow(() -> new AssertionError("the exam link has its gradebook column"));
        // the launch posts "started, pending" to the gate column; it is delivered normally
        String token = ProctoringApiIT.token(lms, exam, student);
        waitFor(() -> scoresTaken(gate).size() >= 1, STEP, "the launch's pending gate score reaches the LMS");
        assertEquals("Pending", scoresTaken(gate).get(0).gradingProgress());
        CountDownLatch release = new CountDownLatch(1);
        lms.holdScoreAnswersUntil(release);

        // the student passes the checks: the gate score (100) is queued and posted at once; the LMS takes it and
        // keeps the answer back
        String id = consentedAndChecked(tool, token);
        waitFor(() -> posts(gate).size() >= 1, STEP, "the gate score 100 reaches the LMS");
        Score first = posts(gate).get(0);
        assertEquals(1, accepted(gate).size(), "the LMS took it: " + gate.scoreHistory());
        assertEquals(100.0, first.scoreGiven());

        tool.kill();
        LOG.info("Killed Invigil (kill -9) while the LMS held back its answer to " + first.json());
        release.countDown();
        lms.holdScoreAnswersUntil(null);

        Instant restarting = Instant.now();
        tool.start("second");
        // the entry is taken up again once the dead process's claim (20 s) has passed: same score, same timestamp
        waitFor(() -> posts(gate).size() >= 2, Duration.ofMinutes(2), "Invigil posts the undelivered score again");
        Score again = posts(gate).get(1);
        LOG.info(() -> "Posted again " + Duration.between(restarting, Instant.now()).toSeconds()
                + " s after the restart began: " + again.json());
        assertEquals(first.timestamp(), again.timestamp(), "the repeat carries the first post's timestamp");
        assertEquals(first.scoreGiven(), again.scoreGiven());
        assertEquals(first.gradingProgress(), again.gradingProgress());

        // Invigil takes the 409 as "already there": no third post, one score in the gradebook
        Thread.sleep(Duration.ofSeconds(30).toMillis());
        assertEquals(2, posts(gate).size(), "no post after the repeat: " + posts(gate));
        assertEquals(1, accepted(gate).size(), "the LMS kept one score: " + gate.scoreHistory());
        assertEquals(2, scoresTaken(gate).size(), "pending, then 100 once: " + gate.scoreHistory());
        assertEquals(100.0, gate.score(STUDENT_ID).orElseThrow().grade().orElseThrow());
        assertTrue(lms.rejections().stream().anyMatch(r -> r.status() == 409), "the repeat was answered 409: "
                + lms.rejections());
    }

    /** The student's posts of the passed gate (100, FullyGraded), taken or refused. */
    static List<Score> posts(LineItem item) {
        return item.scorePosts().stream().filter(s -> s.userId().equals(STUDENT_ID))
                .filter(s -> "FullyGraded".equals(s.gradingProgress())).toList();
    }

    /** The student's scores the LMS took, of any kind (the launch's pending one first). */
    static List<Score> scoresTaken(LineItem item) {
        return item.scoreHistory().stream().filter(s -> s.userId().equals(STUDENT_ID)).toList();
    }

    /** The student's passed-gate scores the LMS took. */
    static List<Score> accepted(LineItem item) {
        return scoresTaken(item).stream().filter(s -> "FullyGraded".equals(s.gradingProgress())).toList();
    }

    static void waitFor(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + limit + ": " + what + "; platform: " + lms.rejections());
            }
            Thread.sleep(250);
        }
    }
}
