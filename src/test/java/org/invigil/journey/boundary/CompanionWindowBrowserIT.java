package org.invigil.journey.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.browser.Browsers;
import org.invigil.browser.Chromium;
import org.invigil.browser.FakeCamera;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.Role;
import org.invigil.simulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WindowType;

/**
 * Issue 10, item 4: the companion window (the monitor in its own small window beside the quiz) is blurred, put
 * behind another window and minimised, as a student going back to the quiz does, for longer than the camera-off
 * limit. That is how the window is meant to be used, so it raises no focus-lost, tab-hidden, camera-off or
 * camera-frozen incident, and the pictures keep arriving at their cadence while the window is hidden. The fake
 * microphone plays silence (a quiet room), the camera Grace Hopper at her desk.
 */
class CompanionWindowBrowserIT {

    private static final Logger LOG = Logger.getLogger(CompanionWindowBrowserIT.class.getName());
    static final Duration STEP = Duration.ofSeconds(45);

    @RegisterExtension
    final Browsers browsers = new Browsers();

    static LtiPlatformSimulator lms;
    static ResourceLink exam;
    static String examId;
    static User teacher;

    @BeforeAll
    static void examInAMoodleCourse() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("40", "Ada", "Teacher");
        Course course = lms.course("14", "Chemistry 101").enrol(teacher, Role.INSTRUCTOR);
        course.enrol(lms.user("41", "Student", "Number41"), Role.LEARNER);
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Chemistry final", Map.of("frameInterval", "3"));
        String staff = ProctoringApiIT.token(lms, exam, teacher);
        examId = ProctoringApiIT.examId(staff);
        assertEquals(200, ProctoringApiIT.put("/api/exams/" + examId + "/references/41", staff,
                TestPictures.referencePhoto()).statusCode()); // another photo of the person: never a copy
        HttpResponse<String> accommodated = ProctoringApiIT.send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/"
                        + examId + "/accommodations/41")).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"liveness\"]}")).build());
        assertEquals(200, accommodated.statusCode(), accommodated.body());
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    @Test
    void aCompanionWindowBlurredHiddenAndMinimisedRaisesNoIncident() throws Exception {
        String token = ProctoringApiIT.token(lms, exam, lms.findUser("41").orElseThrow());
        // a quiet room: Chromium's default fake microphone beeps without pause, which is sustained sound (noise)
        Chromium chromium = browsers.start(Chromium.options().camera(FakeCamera.referencePerson())
                .argument("--use-file-for-fake-audio-capture=" + silence()).name("companion-window"));
        chromium.open(DeployedTool.at("/lti/exam/student?session=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
        chromium.waitForAttribute("body", "data-state", "consent", STEP);
        chromium.click("#consent-accept");
        chromium.waitForAttribute("body", "data-state", "system-check", STEP);
        chromium.click("#camera-start");
        chromium.click("#system-check-run");
        chromium.waitForVisible("#system-check-result", STEP);
        chromium.click("#system-check-continue");
        chromium.waitForAttribute("body", "data-state", "identity", STEP);
        chromium.click("#identity-capture");
        chromium.waitForVisible("#identity-result", STEP);
        assertTrue(chromium.text("#identity-result").toLowerCase().contains("confirmed"),
                chromium.text("#identity-result"));
        chromium.click("#identity-continue");
        chromium.waitForAttribute("body", "data-state", "ready", STEP);
        chromium.click("#start-monitoring");
        chromium.waitForAttribute("body", "data-state", "monitoring", STEP);

        String journey = chromium.driver().getWindowHandle();
        chromium.click("#open-companion");
        for (int i = 0; i < 50 && chromium.driver().getWindowHandles().size() < 2; i++) {
            Thread.sleep(100);
        }
        String monitor = chromium.driver().getWindowHandles().stream().filter(h -> !h.equals(journey)).findFirst()
                .orElseThrow(() -> new AssertionError("the companion window did not open"));
        chromium.driver().switchTo().window(monitor);
        chromium.waitForAttribute("body", "data-state", "monitoring", STEP);
        chromium.waitUntil("window.invigilMonitor.stats().framesCaptured >= 3", STEP);
        assertEquals("window", stats(chromium).get("mode"));
        String sessionId = StudentJourneyBrowserIT.json(ProctoringApiIT.get("/api/proctoring/session", token))
                .getString("id");

        // The student goes back to the quiz: another window takes the focus, the monitor window is minimised.
        chromium.driver().switchTo().newWindow(WindowType.WINDOW);
        chromium.open(DeployedTool.at("/static/invigil.css"));
        String quiz = chromium.driver().getWindowHandle();
        chromium.driver().switchTo().window(monitor);
        chromium.driver().manage().window().minimize();
        Thread.sleep(1000);
        Map<?, ?> before = stats(chromium);
        Object hiddenState = chromium.js("return document.visibilityState");
        Object focused = chromium.js("return document.hasFocus()");
        chromium.driver().switchTo().window(quiz);
        long hiddenFor = 3L * 3 + 15 + 20; // well past the camera-off limit (3 frame intervals + 15 s) at 3 s
        Thread.sleep(hiddenFor * 1000);
        chromium.driver().switchTo().window(monitor);
        Map<?, ?> hidden = stats(chromium);
        Object stillHidden = chromium.js("return document.visibilityState");
        chromium.driver().manage().window().setSize(new Dimension(380, 360));
        Thread.sleep(1000);
        chromium.jsAsync("window.invigilMonitor.flush().then(arguments[arguments.length - 1])");
        chromium.waitUntil("window.invigilMonitor.stats().queueLength === 0", STEP);
        Map<?, ?> after = stats(chromium);
        LOG.info("Companion window before hiding: " + before + "; hidden " + hiddenState + ", focused " + focused
                + "; after " + hiddenFor + " s hidden: " + hidden + "; back: " + after);

        assertEquals("hidden", hiddenState, "the monitor window was hidden (minimised)");
        assertEquals("hidden", stillHidden, "and stayed hidden");
        assertEquals(Boolean.FALSE, focused, "and had lost the focus");
        long framesWhileHidden = number(hidden, "framesCaptured") - number(before, "framesCaptured");
        assertTrue(framesWhileHidden >= hiddenFor / 3 - 3, "the picture cadence held while hidden: "
                + framesWhileHidden + " pictures in " + hiddenFor + " s at one per 3 s");
        assertEquals(0L, number(after, "gaps"), "no monitoring gap: " + after);

        Thread.sleep(4000); // a sweep of the camera-off watch and the frame rules over the last pictures
        JsonObject report = StudentJourneyBrowserIT.json(ProctoringApiIT.get("/api/proctoring/sessions/" + sessionId
                + "/report", token));
        assertEquals(List.of(), report.getJsonArray("incidents").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("rule") + ": " + i.getString("description")).toList(),
                "a companion-window attempt without misbehaviour has no incident");
        chromium.assertNoJsErrors("favicon", "Failed to load resource");
        assertEquals(200, ProctoringApiIT.post("/api/proctoring/sessions/" + sessionId + "/end", token).statusCode());
        JsonObject ended = StudentJourneyBrowserIT.json(ProctoringApiIT.get("/api/proctoring/sessions/" + sessionId
                + "/report", token));
        assertEquals(0, ended.getJsonArray("incidents").size(), "none at the end either: " + ended);
    }

    /** Two seconds of silence, 48 kHz mono 16-bit PCM, for the fake microphone. */
    static Path silence() throws IOException {
        Path file = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target/fake-audio/silence.wav");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            int rate = 48000;
            int bytes = rate * 2 * 2;
            ByteBuffer wav = ByteBuffer.allocate(44 + bytes).order(ByteOrder.LITTLE_ENDIAN);
            wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + bytes)
                    .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                    .putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                    .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(bytes);
            Files.write(file, wav.array());
        }
        return file;
    }

    private static Map<?, ?> stats(Chromium chromium) {
        return (Map<?, ?>) chromium.js("return window.invigilMonitor.stats()");
    }

    private static long number(Map<?, ?> stats, String name) {
        return ((Number) stats.get(name)).longValue();
    }
}
