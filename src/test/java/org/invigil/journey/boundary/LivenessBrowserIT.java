package org.invigil.journey.boundary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.invigil.LmsFlows;
import org.invigil.browser.Browsers;
import org.invigil.browser.Chromium;
import org.invigil.browser.FakeCamera;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LaunchFlow;
import org.invigil.simulator.LaunchRequest;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.Role;
import org.invigil.simulator.User;
import org.invigil.vision.DebianPhotos;
import org.invigil.vision.LivenessFrames;
import org.invigil.vision.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencv.core.Mat;

/**
 * The liveness step in real headless Chromium following the server's steps, with a fake camera playing real frames
 * in which the eyes really close and the head really turns (the astronaut photo warped along its own Face Mesh
 * landmarks, {@link LivenessFrames}): the student who made the identity capture passes; another person making the
 * same movements at a second computer, after the student's identity capture, fails as a different face.
 */
class LivenessBrowserIT {

    static final Duration STEP = Duration.ofSeconds(60);

    @RegisterExtension
    final Browsers browsers = new Browsers();

    static LtiPlatformSimulator lms;
    static ResourceLink exam;

    @BeforeAll
    static void examInAMoodleCourse() {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        User teacher = lms.user("80", "Tea", "Cher");
        Course course = lms.course("80", "Anatomy").enrol(teacher, Role.INSTRUCTOR);
        course.enrol(lms.user("81", "Eileen", "Moves"), Role.LEARNER);
        course.enrol(lms.user("82", "Grace", "Proxied"), Role.LEARNER);
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Anatomy final");
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    /**
     * A 1.2 s loop of the astronaut: looking ahead, eyes closed, head turned to her left, then to her right. Each
     * step's 8 pictures over about 1.2 s see every movement.
     */
    static Path movements() {
        Mat photo = TestPictures.fit(TestEngine.read(DebianPhotos.skimageData("astronaut.png")), FakeCamera.WIDTH,
                FakeCamera.HEIGHT);
        LivenessFrames frames = LivenessFrames.of(TestEngine.analyzer(), photo);
        return FakeCamera.video("liveness-movements",
                FakeCamera.frame("astronaut-ahead", photo, 0.3),
                FakeCamera.frame("astronaut-eyes-closed", frames.eyesClosed(1), 0.3),
                FakeCamera.frame("astronaut-turned-left", frames.turned(35), 0.3),
                FakeCamera.frame("astronaut-turned-right", frames.turned(-35), 0.3));
    }

    @Test
    void theStudentWhoseEyesCloseAndHeadTurnsPasses() {
        Chromium chromium = browsers.start(movements());
        toLiveness(chromium, "81");
        chromium.click("#liveness-start");
        chromium.waitForVisible("#liveness-result", STEP);
        chromium.screenshot("liveness-passed");
        assertTrue(chromium.text("#liveness-result").contains("you are there in person"),
                chromium.text("#liveness-result"));
        chromium.click("#liveness-continue");
        chromium.waitForAttribute("body", "data-state", "ready", STEP);
    }

    @Test
    void anotherPersonMakingTheMovementsAfterTheStudentsIdentityCaptureFails() {
        Chromium student = browsers.start(FakeCamera.referencePerson());
        toLiveness(student, "82");
        Chromium proxy = browsers.start(movements());
        launch(proxy, "82");
        proxy.waitForAttribute("body", "data-state", "liveness", STEP);
        proxy.click("#liveness-start");
        proxy.waitForVisible("#liveness-result", STEP);
        proxy.screenshot("liveness-different-face");
        assertTrue(proxy.text("#liveness-result").contains("not the face of your identity check"),
                proxy.text("#liveness-result"));
    }

    /** Launch, consent, camera check and the identity capture (an enrolment photo: no reference). */
    private static void toLiveness(Chromium chromium, String user) {
        launch(chromium, user);
        chromium.waitForAttribute("body", "data-state", "consent", STEP);
        chromium.click("#consent-accept");
        chromium.waitForAttribute("body", "data-state", "system-check", STEP);
        chromium.click("#camera-start");
        chromium.waitForVisible("#camera-preview");
        chromium.click("#system-check-run");
        chromium.waitForVisible("#system-check-result");
        chromium.click("#system-check-continue");
        chromium.waitForAttribute("body", "data-state", "identity", STEP);
        chromium.click("#identity-capture");
        chromium.waitForVisible("#identity-continue", STEP);
        chromium.click("#identity-continue");
        chromium.waitForAttribute("body", "data-state", "liveness", STEP);
    }

    private static void launch(Chromium chromium, String user) {
        LaunchFlow launch = lms.launch(LaunchRequest.resourceLink(exam).as(lms.findUser(user).orElseThrow()));
        chromium.open(URI.create(launch.tool().initiateLoginUri() + "?" + launch.loginParameters().entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"))));
    }
}
