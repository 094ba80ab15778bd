package org.invigil.assessment.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.invigil.LmsFlows;
import org.invigil.browser.Browsers;
import org.invigil.browser.Chromium;
import org.invigil.browser.FakeCamera;
import org.invigil.journey.boundary.ProctoringApiIT;
import org.invigil.review.boundary.LiveMonitorBrowserIT;
import org.invigil.simulator.AssessmentControlService;
import org.invigil.simulator.BrowserResponse;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LaunchFlow;
import org.invigil.simulator.LaunchRequest;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ProctoredAttempt;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.SimulatedBrowser;
import org.invigil.simulator.Role;
import org.invigil.simulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An Open edX learner in real Chromium with a fake camera: signed in to the LMS, sent to Invigil by
 * LtiStartProctoring, through consent and the camera check to monitoring; "Start the assessment" opens the monitor
 * window and hands the learner back to the platform's assessment page as a top-level navigation (so edx-exams gets
 * its session cookie); finishing there brings them back by LtiEndAssessment to Invigil's end page with their report.
 * On TAO, the instructor's pause, resume and end on the live monitor reach the platform's Assessment Control Service.
 */
class ProctoringServicesBrowserIT {

    static final Duration STEP = Duration.ofSeconds(45);

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    static LtiPlatformSimulator lms;
    static ResourceLink exam;
    static User student;
    static User teacher;
    static LtiPlatformSimulator tao;
    static ResourceLink taoExam;
    static User taoStudent;
    static User taoTeacher;

    @BeforeAll
    static void anOpenEdxAndATaoExam() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.EDX);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("ps-t", "Edx", "Teacher");
        student = lms.user("ps-s", "Edx", "Learner");
        Course course = lms.course("course-v1:edX+PSB+2026", "Physics").enrol(teacher, Role.INSTRUCTOR)
                .enrol(student, Role.LEARNER);
        exam = course.resourceLink("physics-final", "Physics final");
        ProctoringApiIT.accommodate(ProctoringApiIT.token(lms, exam, teacher), lms.anonymousId(student),
                ProctoringServicesIT.CHECKS_OFF);

        tao = LtiPlatformSimulator.start(Flavor.TAO);
        LmsFlows.registerDynamically(tao);
        taoTeacher = tao.user("pt-t", "Tao", "Teacher");
        taoStudent = tao.user("pt-s", "Tao", "Learner");
        Course delivery = tao.course("delivery-9", "Biology").enrol(taoTeacher, Role.INSTRUCTOR)
                .enrol(taoStudent, Role.LEARNER);
        taoExam = delivery.resourceLink("biology-final", "Biology final");
        ProctoringApiIT.accommodate(ProctoringApiIT.token(tao, taoExam, taoTeacher), taoStudent.sub(),
                ProctoringServicesIT.CHECKS_OFF);
    }

    @AfterAll
    static void stop() {
        lms.close();
        tao.close();
    }

    /** The learner signs in to the LMS, is launched by LtiStartProctoring and goes through the checks. */
    static Chromium monitoring(LtiPlatformSimulator platform, ResourceLink link, User learner, String name) {
        Chromium chromium = browsers.start(Chromium.options().camera(FakeCamera.referencePerson()).name(name));
        LaunchFlow launch = platform.launch(LaunchRequest.startProctoring(link, 1).as(learner));
        chromium.open(platform.signInUrl(learner, launch.loginUrl()));
        chromium.consentAndCameraCheckToMonitoring(STEP);
        return chromium;
    }

    /** Start the assessment: the monitor window opens, and the learner is on the platform's assessment page. */
    static void handedBack(Chromium chromium, LtiPlatformSimulator platform) {
        String journey = chromium.driver().getWindowHandle();
        chromium.click("#start-assessment");
        chromium.waitForVisible("#assessment-started", STEP);
        assertTrue(chromium.driver().getCurrentUrl().startsWith(platform.baseUrl()), chromium.driver().getCurrentUrl());
        String monitor = chromium.driver().getWindowHandles().stream().filter(h -> !h.equals(journey)).findFirst()
                .orElseThrow(() -> new AssertionError("the monitor window did not open"));
        chromium.driver().switchTo().window(monitor);
        chromium.waitUntil("window.invigilMonitor && window.invigilMonitor.stats().framesCaptured >= 1", STEP);
        chromium.driver().switchTo().window(journey);
    }

    @Test
    void theLearnerIsHandedBackToTheAssessmentAndReturnsToTheirReport() throws Exception {
        Chromium chromium = monitoring(lms, exam, student, "proctoring-services-edx");

        handedBack(chromium, lms);

        assertEquals(student, lms.startAssessments().get(0).sessionUser().orElseThrow(),
                "edx-exams saw the learner's own LMS session");
        chromium.click("#finish-assessment");
        chromium.waitForVisible("#end-of-assessment", STEP);
        assertEquals("true", chromium.find("#end-of-assessment").getAttribute("data-ended"));
        chromium.click("#open-report");
        chromium.waitForVisible("#report", STEP);
        // Chromium asks the platform for a favicon; edx-exams answers 415 to the spec's media type before the
        // outcome goes again as plain JSON
        assertTrue(lms.rejections().stream().allMatch(refused -> refused.path().equals("/favicon.ico")
                || refused.status() == 415), "the platform refused: " + lms.rejections());
    }

    /**
     * Open edX sends learners' anonymous ids only. The instructor, signed in to the LMS, opens Invigil from the exam's
     * instructor dashboard: the page reads edx-exams' roster with the instructor's own LMS session (a credentialed
     * cross-origin fetch the platform allows for the tool's origin) and the attempt shows the learner's username.
     */
    @Test
    void theInstructorsPageNamesTheAnonymousLearnersFromThePlatformsRoster() throws Exception {
        User named = lms.user("ps-n", "Nora", "Named").username("nnamed");
        exam.course().enrol(named, Role.LEARNER);
        ProctoringApiIT.accommodate(ProctoringApiIT.token(lms, exam, teacher), lms.anonymousId(named),
                ProctoringServicesIT.CHECKS_OFF);
        SimulatedBrowser learner = SimulatedBrowser.withCookies();
        assertEquals(200, learner.get(lms.signInUrl(named)).status());
        assertEquals(200, lms.launch(LaunchRequest.startProctoring(exam, 1).as(named), learner).run().status());

        Chromium instructor = browsers.start(Chromium.options().name("proctoring-services-names"));
        LaunchFlow launch = lms.launch(LaunchRequest.resourceLink(exam).as(teacher));
        instructor.open(lms.signInUrl(teacher, launch.loginUrl()));

        instructor.waitForAttribute("#learner-names", "data-state", "done", STEP);
        assertTrue(instructor.text("#sessions").contains("nnamed"), instructor.text("#sessions"));
        instructor.assertNoJsErrors("favicon");
        instructor.click("#review-link");
        instructor.waitFor("#queue");
        assertTrue(instructor.driver().getPageSource().contains("nnamed"), "the review queue names the learner");
        instructor.screenshot("proctoring-services-names");
    }

    /** The instructor pauses, resumes and ends the learner's monitoring on the live monitor: TAO's ACS hears each. */
    @Test
    void theLiveMonitorsPauseAndEndReachTaosControlService() throws Exception {
        Chromium learner = monitoring(tao, taoExam, taoStudent, "proctoring-services-tao");
        handedBack(learner, tao);
        BrowserResponse launch = tao.launch(LaunchRequest.resourceLink(taoExam).as(taoTeacher)).run();
        Chromium instructor = browsers.start(Chromium.options().blockCookies().name("proctoring-services-live"));
        instructor.open(launch.uri());
        instructor.click("#review-link");
        instructor.click("#live-link");
        instructor.waitFor(".tile");

        LiveMonitorBrowserIT.act(instructor, "Tao Learner", ".pause-button", "fire alarm");
        ProctoredAttempt attempt = tao.attempt(taoExam, taoStudent, 1).orElseThrow();
        LmsFlows.eventually(() -> Optional.of(attempt.status()).filter(ProctoredAttempt.Status.PAUSED::equals),
                "TAO's attempt was not paused: " + tao.controlRequests());
        LiveMonitorBrowserIT.act(instructor, "Tao Learner", ".resume-button", "a drill");
        LmsFlows.eventually(() -> Optional.of(attempt.status()).filter(ProctoredAttempt.Status.RUNNING::equals),
                "TAO's attempt did not resume: " + tao.controlRequests());
        LiveMonitorBrowserIT.act(instructor, "Tao Learner", ".end-button", "phone on the desk");

        LmsFlows.eventually(() -> Optional.of(attempt.status()).filter(ProctoredAttempt.Status.TERMINATED::equals),
                "TAO's attempt was not terminated: " + tao.controlRequests());
        assertEquals(List.of("pause", "resume", "terminate"), tao.controlRequests().stream()
                .filter(AssessmentControlService.ControlRequest::accepted).map(AssessmentControlService.ControlRequest::action)
                .distinct().toList());
        assertTrue(tao.rejections().stream().allMatch(refused -> refused.path().equals("/favicon.ico")),
                "the platform refused: " + tao.rejections());
    }
}
