package org.invigil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
import org.invigil.simulator.ToolRegistration;
import org.invigil.simulator.User;
import org.junit.jupiter.api.Test;

/**
 * Whole LTI journeys against the real WAR: an LMS installs Invigil by Dynamic Registration, an instructor adds a
 * proctored exam by deep linking, a student launches it, the gradebook receives the start of the attempt, and the
 * instructor's page reads it back with the course roster.
 */
class LtiFlowIT {

    static final URI REGISTRATION_URL = DeployedTool.at("/lti/register");

    @Test
    void moodleInstallsByUrlThenInstructorDeepLinksAndStudentLaunches() {
        try (LtiPlatformSimulator lms = LtiPlatformSimulator.start(Flavor.MOODLE)) {
            ToolRegistration tool = LmsFlows.registerDynamically(lms);
            assertEquals(DeployedTool.base().getHost() + ":" + DeployedTool.base().getPort(), tool.domain().orElseThrow());

            User teacher = lms.user("2", "Tea", "Cher").email("teacher@example.edu");
            User student = lms.user("3", "Stu", "Dent").email("student1@example.edu").username("student1");
            Course course = lms.course("2", "Chemistry 101").enrol(teacher, Role.INSTRUCTOR).enrol(student, Role.LEARNER);

            ResourceLink exam = LmsFlows.deepLinkExam(lms, course, teacher, "Final exam");
            LineItem integrity = exam.lineItem().orElseThrow(() -> new AssertionError("the deep link carried no lineItem"));
            assertEquals(Optional.of("invigil-gate"), integrity.tag());
            assertEquals(100.0, integrity.scoreMaximum());

            BrowserResponse studentPage = lms.launch(LaunchRequest.resourceLink(exam).as(student)).run();
            assertEquals(200, studentPage.status(), studentPage.body());
            assertTrue(studentPage.uri().getPath().endsWith("/lti/exam/student"), studentPage.uri().toString());
            assertTrue(studentPage.body().contains("Stu Dent"));
            assertTrue(studentPage.body().contains("Final exam"));
            assertTrue(studentPage.body().contains("Chemistry 101"));

            Score started = LmsFlows.eventually(() -> integrity.score("3"), "the simulator never received the start score: "
                    + lms.rejections());
            assertEquals("Started", started.activityProgress());
            assertEquals("Pending", started.gradingProgress());

            BrowserResponse instructorPage = lms.launch(LaunchRequest.resourceLink(exam).as(teacher)).run();
            assertEquals(200, instructorPage.status(), instructorPage.body());
            assertTrue(instructorPage.uri().getPath().endsWith("/lti/exam/instructor"));
            String page = instructorPage.body();
            assertTrue(page.contains("id=\"roster\""), "roster not shown: " + page);
            assertTrue(page.contains("Stu Dent") && page.contains("student1@example.edu"), page);
            assertTrue(page.contains("id=\"results\"") && page.contains("<td>3</td>"), "gradebook not read back: " + page);
            assertFalse(page.contains("gradebook-problem") || page.contains("roster-problem"), page);

            int tokens = lms.tokenRequestCount();
            BrowserResponse again = lms.browser().get(instructorPage.uri());
            assertEquals(200, again.status());
            assertEquals(tokens, lms.tokenRequestCount(), "service tokens are cached per scope set");
            assertTrue(lms.rejections().isEmpty(), "the platform refused something: " + lms.rejections());
        }
    }

    @Test
    void canvasRegistersInItsIframeWithPublicPrivacyAndSendsPictures() {
        try (LtiPlatformSimulator lms = LtiPlatformSimulator.start(Flavor.CANVAS)) {
            ToolRegistration tool = LmsFlows.registerDynamically(lms);
            assertEquals(Optional.of("public"), tool.privacyLevel());
            User teacher = lms.user("t-1", "Ina", "Structor").email("ina@example.edu");
            User student = lms.user("s-1", "Pia", "Picture").email("pia@example.edu");
            Course course = lms.course("c-9", "Physics").enrol(teacher, Role.INSTRUCTOR).enrol(student, Role.LEARNER);
            ResourceLink link = course.resourceLink("rl-9", "Midterm").gradedOutOf(100);

            BrowserResponse studentPage = lms.launch(LaunchRequest.resourceLink(link).as(student)).run();
            assertEquals(200, studentPage.status(), studentPage.body());
            assertTrue(studentPage.body().contains("Pia Picture"));

            BrowserResponse instructorPage = lms.launch(LaunchRequest.resourceLink(link).as(teacher)).run();
            assertEquals(200, instructorPage.status(), instructorPage.body());
            assertTrue(instructorPage.body().contains("from the LMS"), "Canvas roster pictures: " + instructorPage.body());
            assertTrue(instructorPage.headers().allValues("X-Frame-Options").isEmpty(), "pages are framed by the LMS");
        }
    }

    @Test
    void aPlatformThatRefusesTheRegistrationIsQuoted() {
        try (LtiPlatformSimulator lms = LtiPlatformSimulator.start(Flavor.CANVAS)) {
            lms.refuseNextRegistration(422, "{\"errors\":[\"Developer key limit reached for this account\"]}");
            BrowserResponse confirm = lms.browser().get(lms.registrationStartUrl(REGISTRATION_URL));
            assertEquals(200, confirm.status(), confirm.body());
            BrowserResponse refused = lms.browser().submitForm(confirm);
            assertEquals(422, refused.status(), refused.body());
            assertTrue(refused.body().contains("Developer key limit reached for this account"), refused.body());
            assertTrue(refused.body().contains("refused the registration"), refused.body());
        }
    }

    @Test
    void anInstructorWhoLaunchesALinkInvigilDidNotCreateGetsAnExam() {
        try (LtiPlatformSimulator lms = LtiPlatformSimulator.start(Flavor.MOODLE)) {
            LmsFlows.registerDynamically(lms);
            User teacher = lms.user("20", "Ada", "Lovelace");
            Course course = lms.course("7", "Maths").enrol(teacher, Role.INSTRUCTOR);
            ResourceLink link = course.resourceLink("71", "Quiz 1");
            BrowserResponse page = lms.launch(LaunchRequest.resourceLink(link).as(teacher).loginByPost()).run();
            assertEquals(200, page.status(), page.body());
            assertTrue(page.body().contains("Quiz 1") && page.body().contains("Ada Lovelace"), page.body());
        }
    }

    @Test
    void aLargeRosterIsReadAcrossPagesAndAnUnlinkedExamGetsItsOwnColumn() {
        try (LtiPlatformSimulator lms = LtiPlatformSimulator.start(Flavor.MOODLE)) {
            LmsFlows.registerDynamically(lms);
            User teacher = lms.user("1000", "Grace", "Hopper");
            Course course = lms.course("12", "Compilers").enrol(teacher, Role.INSTRUCTOR);
            for (int i = 1; i <= 230; i++) {
                course.enrol(lms.user("s" + i, "Student", "No" + i), Role.LEARNER);
            }
            ResourceLink link = course.resourceLink("120", "Compilers final");
            User last = lms.findUser("s230").orElseThrow();
            assertEquals(200, lms.launch(LaunchRequest.resourceLink(link).as(last)).run().status());
            LineItem created = LmsFlows.eventually(() -> course.lineItems().stream()
                    .filter(item -> item.tag().equals(Optional.of("invigil-gate"))).findFirst(),
                    "Invigil did not create its gate column: " + lms.rejections());
            assertEquals(Optional.of("120"), created.resourceLinkId());
            LmsFlows.eventually(() -> created.score("s230"), "no start score for the student: " + lms.rejections());

            BrowserResponse page = lms.launch(LaunchRequest.resourceLink(link).as(teacher)).run();
            assertEquals(200, page.status(), page.body());
            assertTrue(page.body().contains("Student No230") && page.body().contains("Student No1<"), page.body());
            assertTrue(lms.requestCount("GET", "/nrps/") >= 3, "231 members at 100 a page take three pages");
        }
    }

    @Test
    void startProctoringLandsOnTheStudentsExam() {
        try (LtiPlatformSimulator lms = LtiPlatformSimulator.start(Flavor.MOODLE)) {
            LmsFlows.registerDynamically(lms);
            User student = lms.user("77", "Blanca", "Board");
            Course course = lms.course("9", "History").enrol(student, Role.LEARNER);
            ResourceLink link = course.resourceLink("91", "History exam");
            BrowserResponse page = lms.launch(LaunchRequest.startProctoring(link, 1).as(student)
                    .sessionData("opaque-session")).run();
            assertEquals(200, page.status(), page.body());
            assertTrue(page.uri().getPath().endsWith("/lti/exam/student"));
            assertTrue(page.body().contains("History exam") && page.body().contains("Blanca Board"));
        }
    }
}
