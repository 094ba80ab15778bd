package org.invigil.journey.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.invigil.LmsFlows;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
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
 * An attempt whose monitor falls silent (the student closed the quiz and never came back, the computer died) ends by
 * itself as incomplete, and its result reaches the gradebook saying so (issue 10, item 2). Runs an Invigil of its own
 * ({@link RestartIT.Tool}) with {@code invigil.attempts.abandoned-after-minutes=1}, so that the test waits about two
 * minutes rather than the default half hour.
 */
class AbandonedAttemptIT {

    private static final Path WORK = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("target/abandoned-attempt-it");

    static RestartIT.Tool tool;
    static LtiPlatformSimulator lms;
    static Course course;
    static ResourceLink exam;
    static User teacher;

    @BeforeAll
    static void invigilOfItsOwnThatGivesUpAfterAMinute() throws Exception {
        tool = new RestartIT.Tool(WORK, List.of("invigil.attempts.abandoned-after-minutes=1"));
        tool.start("only");
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        teacher = lms.user("160", "Given", "Up");
        course = lms.course("16", "Silence 101").enrol(teacher, Role.INSTRUCTOR);
        exam = OutboxRestartIT.examOn(tool, lms, course, teacher, "Exam left behind");
    }

    @AfterAll
    static void stop() {
        RestartIT.stop(lms, tool);
    }

    @Test
    void anAttemptWhoseMonitorFellSilentEndsAsIncompleteAndItsResultSaysSo() throws Exception {
        User student = lms.user("161", "Gone", "Away");
        course.enrol(student, Role.LEARNER);
        String[] attempt = OutboxRestartIT.monitoringOn(tool, lms, exam, teacher, student);
        Instant silentSince = Instant.now();

        Instant deadline = silentSince.plus(Duration.ofMinutes(3));
        JsonObject session;
        do {
            Thread.sleep(2000);
            session = RestartIT.json(RestartIT.send(HttpRequest.newBuilder(tool.at("/api/proctoring/sessions/"
                    + attempt[0])).header("Authorization", "Bearer " + attempt[1]).GET().build()));
        } while (!session.getString("state").equals("ended") && Instant.now().isBefore(deadline));
        assertEquals("ended", session.getString("state"), "nothing arrived for minutes: " + session);
        assertEquals("abandoned", session.getJsonObject("ended").getString("reason"), session.toString());
        Instant endedAt = Instant.parse(session.getJsonObject("ended").getString("at"));
        assertTrue(!endedAt.isBefore(silentSince.plus(Duration.ofMinutes(1))),
                "ended at " + endedAt + ", less than the minute of silence after " + silentSince);

        LineItem integrity = LmsFlows.eventually(() -> course.lineItems().stream()
                .filter(item -> item.tag().equals(Optional.of("invigil-integrity"))).findFirst(),
                "no integrity column: " + lms.rejections());
        Score score = LmsFlows.eventually(() -> integrity.score("161").filter(s -> s.comment() != null
                && s.comment().contains("Incomplete")), "no incomplete result: " + integrity.score("161"));
        assertTrue(score.comment().contains("Incomplete: nothing arrived from the monitor for 1 min"),
                score.comment());
        assertEquals("PendingManual", score.gradingProgress(), "no monitored quiz time is never clean: "
                + score.comment());
        assertTrue(lms.rejections().isEmpty(), "the platform refused: " + lms.rejections());
    }
}
