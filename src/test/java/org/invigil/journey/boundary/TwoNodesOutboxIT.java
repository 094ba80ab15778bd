package org.invigil.journey.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
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
import org.invigil.simulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Invigil nodes on one PostgreSQL database, both dispatching the same outbox (issue 10, item 7): scores queued
 * while the LMS refuses them become due on both nodes at once, their timers fire at the same seconds, and still the
 * LMS receives each score exactly once.
 * <p>
 * Needs a PostgreSQL database of its own: {@code -Dit.postgres.url=jdbc:postgresql://...}, {@code
 * -Dit.postgres.user}, {@code -Dit.postgres.password} ({@code .ci/postgres} creates one and runs this test); without
 * them the test is skipped (embedded Derby cannot be shared by two processes).
 */
class TwoNodesOutboxIT {

    private static final Logger LOG = Logger.getLogger(TwoNodesOutboxIT.class.getName());
    private static final int STUDENTS = 12;
    private static final Path WORK = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("target/two-nodes-it");

    static RestartIT.Tool first;
    static RestartIT.Tool second;
    static LtiPlatformSimulator lms;
    static ResourceLink exam;
    static final List<User> students = new ArrayList<>();

    @BeforeAll
    static void twoNodesOnOneDatabase() throws Exception {
        String url = System.getProperty("it.postgres.url", "");
        assumeTrue(!url.isBlank(), "no -Dit.postgres.url: two nodes need a shared PostgreSQL database");
        List<String> database = List.of("invigil.db.data-source-class=org.postgresql.ds.PGSimpleDataSource",
                "invigil.db.url=" + url, "invigil.db.user=" + System.getProperty("it.postgres.user", ""),
                "invigil.db.password=" + System.getProperty("it.postgres.password", ""));
        first = new RestartIT.Tool(WORK.resolve("first"), database);
        second = new RestartIT.Tool(WORK.resolve("second"), database);
        first.start("first");
        second.start("second");
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        BrowserResponse confirm = lms.browser().get(lms.registrationStartUrl(first.at("/lti/register")));
        assertEquals(200, confirm.status(), confirm.body());
        BrowserResponse done = lms.browser().submitForm(confirm);
        assertEquals(200, done.status(), done.body() + " / platform: " + lms.rejections());
        lms.onlyRegistration().activate();
        User teacher = lms.user("60", "Two", "Nodes");
        Course course = lms.course("13", "Scale-out 101").enrol(teacher, Role.INSTRUCTOR);
        for (int i = 0; i < STUDENTS; i++) {
            User student = lms.user(Integer.toString(100 + i), "Student", "No" + i);
            course.enrol(student, Role.LEARNER);
            students.add(student);
        }
        BrowserResponse picker = lms.launch(LaunchRequest.deepLinking(course).as(teacher)
                .deepLinkingData("nodes-" + java.util.UUID.randomUUID())).run();
        assertEquals(200, picker.status(), picker.body());
        HtmlForm form = picker.form().with("title", "Exam on two nodes");
        BrowserResponse autoPost = lms.browser().submit(form);
        BrowserResponse returned = lms.browser().submitForm(autoPost);
        assertEquals(200, returned.status(), returned.body() + " / platform: " + lms.rejections());
        DeepLinkingReturn.Received received = lms.deepLinkingResponses().get(lms.deepLinkingResponses().size() - 1);
        exam = received.resourceLinks().get(0);
        String staff = ProctoringApiIT.token(lms, exam, teacher);
        for (User student : students) {
            HttpResponse<String> accommodated = RestartIT.send(HttpRequest.newBuilder(first.at("/api/exams/"
                            + ProctoringApiIT.examId(staff) + "/accommodations/" + student.sub()))
                    .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"]}")).build());
            assertEquals(200, accommodated.statusCode(), accommodated.body());
        }
    }

    @AfterAll
    static void stop() {
        if (lms != null) {
            lms.close();
        }
        for (RestartIT.Tool node : new RestartIT.Tool[] {first, second}) {
            if (node != null) {
                node.kill();
            }
        }
    }

    @Test
    void twoDispatchersOnOneDatabaseNeverPostTheSameScoreTwice() throws Exception {
        LineItem gate = exam.lineItem().orElseThrow();
        lms.refuseScoresWith(503);
        // each student passes the checks on one node or the other: a gate score each, refused for now
        for (int i = 0; i < students.size(); i++) {
            RestartIT.Tool node = i % 2 == 0 ? first : second;
            String token = ProctoringApiIT.token(lms, exam, students.get(i));
            OutboxRestartIT.consentedAndChecked(node, token);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (lms.rejections().stream().filter(r -> r.status() == 503).count() < STUDENTS
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        LOG.info("Refused so far: " + lms.rejections().stream().filter(r -> r.status() == 503).count());

        // the LMS takes scores again: the queued entries come due on both nodes, whose timers tick together
        lms.refuseScoresWith(null);
        deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (gate.scoreHistory().size() < STUDENTS && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        Thread.sleep(Duration.ofSeconds(20).toMillis()); // every timer of both nodes had its chance
        Map<String, Long> postsPerStudent = new TreeMap<>(gate.scorePosts().stream()
                .collect(Collectors.groupingBy(org.invigil.simulator.Score::userId, Collectors.counting())));
        LOG.info("Score posts per student across both nodes: " + postsPerStudent);
        Map<String, Long> once = new TreeMap<>();
        students.forEach(s -> once.put(s.sub(), 1L));
        assertEquals(once, postsPerStudent, "each score posted once, by one node: " + lms.rejections());
        assertEquals(STUDENTS, gate.scoreHistory().size());
    }
}
