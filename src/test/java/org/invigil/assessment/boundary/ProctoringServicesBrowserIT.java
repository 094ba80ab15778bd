package org.invigil.assessment.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.invigil.LmsFlows;
import org.invigil.browser.Browsers;
import org.invigil.browser.Chromium;
import org.invigil.browser.FakeCamera;
import org.invigil.journey.boundary.ProctoringApiIT;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LaunchFlow;
import org.invigil.simulator.LaunchRequest;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ResourceLink;
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
 */
class ProctoringServicesBrowserIT {

    static final Duration STEP = Duration.ofSeconds(45);

    @RegisterExtension
    final Browsers browsers = new Browsers();

    static LtiPlatformSimulator lms;
    static ResourceLink exam;
    static User student;

    @BeforeAll
    static void anOpenEdxExam() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.EDX);
        LmsFlows.registerDynamically(lms);
        User teacher = lms.user("ps-t", "Edx", "Teacher");
        student = lms.user("ps-s", "Edx", "Learner");
        Course course = lms.course("course-v1:edX+PSB+2026", "Physics").enrol(teacher, Role.INSTRUCTOR)
                .enrol(student, Role.LEARNER);
        exam = course.resourceLink("physics-final", "Physics final");
        String staff = ProctoringApiIT.token(lms, exam, teacher);
        ProctoringApiIT.accommodate(staff, lms.anonymousId(student), ProctoringServicesIT.CHECKS_OFF);
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    @Test
    void theLearnerIsHandedBackToTheAssessmentAndReturnsToTheirReport() throws Exception {
        Chromium chromium = browsers.start(Chromium.options().camera(FakeCamera.referencePerson())
                .name("proctoring-services"));
        LaunchFlow launch = lms.launch(LaunchRequest.startProctoring(exam, 1).as(student));
        chromium.open(lms.signInUrl(student, launch.loginUrl()));
        chromium.waitForAttribute("body", "data-state", "consent", STEP);
        chromium.click("#consent-accept");
        chromium.waitForAttribute("body", "data-state", "system-check", STEP);
        chromium.click("#camera-start");
        chromium.click("#system-check-run");
        chromium.waitForVisible("#system-check-result", STEP);
        chromium.click("#system-check-continue");
        chromium.waitForAttribute("body", "data-state", "ready", STEP);
        chromium.click("#start-monitoring");
        chromium.waitForAttribute("body", "data-state", "monitoring", STEP);
        String journey = chromium.driver().getWindowHandle();

        chromium.click("#start-assessment");

        chromium.waitForVisible("#assessment-started", STEP);
        assertTrue(chromium.driver().getCurrentUrl().startsWith(lms.baseUrl()), chromium.driver().getCurrentUrl());
        assertEquals(student, lms.startAssessments().get(0).sessionUser().orElseThrow(),
                "edx-exams saw the learner's own LMS session");
        String monitor = chromium.driver().getWindowHandles().stream().filter(h -> !h.equals(journey)).findFirst()
                .orElseThrow(() -> new AssertionError("the monitor window did not open"));
        chromium.driver().switchTo().window(monitor);
        chromium.waitUntil("window.invigilMonitor && window.invigilMonitor.stats().framesCaptured >= 1", STEP);

        chromium.driver().switchTo().window(journey);
        chromium.click("#finish-assessment");
        chromium.waitForVisible("#end-of-assessment", STEP);
        assertEquals("true", chromium.find("#end-of-assessment").getAttribute("data-ended"));
        chromium.click("#open-report");
        chromium.waitForVisible("#report", STEP);
        assertTrue(lms.rejections().stream().allMatch(refused -> refused.path().equals("/favicon.ico")),
                "the platform refused: " + lms.rejections());
    }
}
