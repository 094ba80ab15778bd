package org.invigil.journey.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.browser.Browsers;
import org.invigil.browser.Chromium;
import org.invigil.browser.FakeCamera;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LaunchFlow;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The student's proctored exam in real headless Chromium, with a fake camera playing videos made from real photos:
 * the LMS launch, consent, camera check, identity, liveness, monitoring in the companion window, tab switches and
 * copy/paste, going offline and back, and the end with the integrity result in the platform's gradebook; then one
 * short monitored exam per camera scenario, each producing its incident with evidence.
 */
class StudentJourneyBrowserIT {

    private static final Logger LOG = Logger.getLogger(StudentJourneyBrowserIT.class.getName());
    static final Duration STEP = Duration.ofSeconds(45);

    @RegisterExtension
    final Browsers browsers = new Browsers();

    static LtiPlatformSimulator lms;
    static Course course;
    /** At the default settings (a picture every 3 s), for the whole journey and the bandwidth measurement. */
    static ResourceLink exam;
    /** A picture every 2 s, so the camera scenarios reach their thresholds sooner. */
    static ResourceLink fastExam;
    static User teacher;
    static String examId;
    static String fastExamId;

    @BeforeAll
    static void examInAMoodleCourse() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("20", "Ada", "Teacher");
        course = lms.course("9", "Physics 201").enrol(teacher, Role.INSTRUCTOR);
        for (int i = 21; i <= 26; i++) {
            course.enrol(lms.user(Integer.toString(i), "Student", "Number" + i), Role.LEARNER);
        }
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Physics final", Map.of());
        fastExam = LmsFlows.deepLinkExam(lms, course, teacher, "Physics quiz", Map.of("frameInterval", "2"));
        String staff = ProctoringApiIT.token(lms, exam, teacher);
        examId = ProctoringApiIT.examId(staff);
        String fastStaff = ProctoringApiIT.token(lms, fastExam, teacher);
        fastExamId = ProctoringApiIT.examId(fastStaff);
        byte[] reference = TestPictures.referencePhoto();
        for (int i = 21; i <= 26; i++) {
            assertEquals(200, ProctoringApiIT.put("/api/exams/" + examId + "/references/" + i, staff, reference)
                    .statusCode());
            assertEquals(200, ProctoringApiIT.put("/api/exams/" + fastExamId + "/references/" + i, fastStaff,
                    reference).statusCode());
        }
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    @Test
    void aStudentGoesFromTheLmsLaunchToAMonitoredExam() throws Exception {
        User student = lms.findUser("21").orElseThrow();
        Chromium chromium = browsers.start(FakeCamera.referencePerson());

        LaunchFlow launch = lms.launch(LaunchRequest.resourceLink(exam).as(student));
        URI login = URI.create(launch.tool().initiateLoginUri() + "?" + launch.loginParameters().entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        chromium.open(login);
        chromium.waitForAttribute("body", "data-state", "consent", STEP);
        assertTrue(chromium.text("#user-name").contains("Student Number21"), "who was launched");
        assertTrue(chromium.text("#exam-title").contains("Physics final"), "into what");
        chromium.screenshot("journey-1-consent");
        chromium.click("#consent-accept");

        chromium.waitForAttribute("body", "data-state", "system-check", STEP);
        chromium.click("#camera-start");
        chromium.waitForVisible("#camera-preview");
        chromium.click("#system-check-run");
        chromium.waitForVisible("#system-check-result");
        assertTrue(chromium.text("#upload-speed").contains("kbps"));
        chromium.screenshot("journey-2-system-check");
        chromium.click("#system-check-continue");

        chromium.waitForAttribute("body", "data-state", "identity", STEP);
        chromium.click("#identity-capture");
        chromium.waitForVisible("#identity-result");
        chromium.screenshot("journey-3-identity");
        assertTrue(chromium.text("#identity-result").toLowerCase().contains("confirmed"),
                chromium.text("#identity-result"));
        chromium.click("#identity-continue");

        chromium.waitForAttribute("body", "data-state", "liveness", STEP);
        chromium.click("#liveness-start");
        chromium.waitForVisible("#liveness-result", STEP);
        chromium.screenshot("journey-4-liveness");
        chromium.click("#liveness-review");

        chromium.waitForAttribute("body", "data-state", "ready", STEP);
        LineItem gate = exam.lineItem().orElseThrow();
        Score passed = LmsFlows.eventually(() -> gate.score("21").filter(s -> "FullyGraded".equals(s.gradingProgress())),
                "no gate score: " + lms.rejections());
        assertEquals(Optional.of(100.0), passed.grade(), "the quiz is released");
        chromium.screenshot("journey-5-ready");
        chromium.click("#start-monitoring");
        chromium.waitForAttribute("body", "data-state", "monitoring", STEP);
        chromium.screenshot("journey-6-monitoring");

        String journey = chromium.driver().getWindowHandle();
        chromium.click("#open-companion");
        for (int i = 0; i < 50 && chromium.driver().getWindowHandles().size() < 2; i++) {
            Thread.sleep(100);
        }
        String monitor = chromium.driver().getWindowHandles().stream().filter(h -> !h.equals(journey)).findFirst()
                .orElseThrow(() -> new AssertionError("the companion window did not open"));
        chromium.driver().switchTo().window(monitor);
        chromium.waitForAttribute("body", "data-state", "monitoring", STEP);
        String token = URLDecoder.decode(chromium.url().substring(chromium.url().indexOf("#session=") + 9),
                StandardCharsets.UTF_8);
        chromium.waitUntil("window.invigilMonitor.stats().framesCaptured >= 8", Duration.ofSeconds(60));
        chromium.screenshot("journey-7-monitor-window");

        chromium.driver().manage().window().minimize();
        Thread.sleep(1500);
        chromium.driver().manage().window().setSize(new org.openqa.selenium.Dimension(900, 700));
        Thread.sleep(500);
        Object visibility = chromium.js("return document.visibilityState");
        new Actions(chromium.driver()).keyDown(Keys.CONTROL).sendKeys("a").sendKeys("c").keyUp(Keys.CONTROL).perform();

        chromium.offline();
        Thread.sleep(1000);
        new Actions(chromium.driver()).keyDown(Keys.CONTROL).sendKeys("v").keyUp(Keys.CONTROL).perform();
        chromium.js("document.dispatchEvent(new ClipboardEvent('cut', {bubbles: true}))");
        Thread.sleep(4000);
        chromium.waitUntil("window.invigilMonitor.stats().queueLength > 0", STEP);
        chromium.online();
        chromium.jsAsync("window.invigilMonitor.flush().then(arguments[arguments.length - 1])");
        chromium.waitUntil("window.invigilMonitor.stats().queuedEvents === 0", STEP);
        Map<?, ?> stats = (Map<?, ?>) chromium.js("return window.invigilMonitor.stats()");
        LOG.info("Monitor after offline and back: " + stats);
        assertEquals(0L, ((Number) stats.get("dropped")).longValue(), "nothing was dropped: " + stats);
        double kbps = ((Number) stats.get("kbps")).doubleValue();
        LOG.info(() -> "bench upload_kbps_at_defaults kbps=" + kbps + " frames=" + stats.get("framesCaptured")
                + " average_frame_bytes=" + stats.get("averageFrameBytes"));
        assertTrue(kbps <= 64, "average upload " + kbps + " kbps");

        JsonObject session = json(ProctoringApiIT.get("/api/proctoring/session", token));
        long serverNext = session.getJsonObject("monitoring").getJsonNumber("nextSequence").longValue();
        chromium.waitUntil("window.invigilMonitor.stats().queueLength === 0", STEP);
        long clientNext = ((Number) chromium.js("return window.invigilMonitor.stats().nextSequence")).longValue();
        session = json(ProctoringApiIT.get("/api/proctoring/session", token));
        serverNext = session.getJsonObject("monitoring").getJsonNumber("nextSequence").longValue();
        assertEquals(clientNext, serverNext, "every item the client numbered reached the server");

        JsonObject report = json(ProctoringApiIT.get("/api/proctoring/sessions/" + session.getString("id")
                + "/report", token));
        Set<String> rules = rules(report);
        assertTrue(rules.contains("copy-paste"), "copy and paste in the browser: " + report);
        assertTrue(!rules.contains("tab-hidden") && !rules.contains("focus-lost"),
                "the companion window minimised is how it is used, not the student's behaviour: " + report);
        chromium.assertNoJsErrors("favicon", "Failed to load resource", "ERR_INTERNET_DISCONNECTED", "net::");

        chromium.driver().switchTo().window(journey);
        chromium.click("#end-monitoring");
        chromium.click("#end-confirm");
        chromium.waitForAttribute("body", "data-state", "ended", STEP);
        chromium.screenshot("journey-8-ended");
        LineItem integrity = LmsFlows.eventually(() -> course.lineItems().stream()
                .filter(item -> item.tag().equals(Optional.of("invigil-integrity"))
                        && item.resourceLinkId().equals(Optional.of(exam.id()))).findFirst(), "no integrity column");
        Score result = LmsFlows.eventually(() -> integrity.score("21"), "no integrity result: " + lms.rejections());
        assertEquals("PendingManual", result.gradingProgress(), "liveness needs a person, so a review is pending");
        assertEquals("visible", visibility, "the window is back");
    }

    @Test
    void anotherPersonTakingOverIsAnIncidentWithEvidence() throws Exception {
        monitoredExam("22", FakeCamera.referenceThenAnother(12), "different-person", Duration.ofSeconds(90));
    }

    @Test
    void twoPeopleAreAnIncidentWithEvidence() throws Exception {
        monitoredExam("23", FakeCamera.twoPeople(), "several-faces", Duration.ofSeconds(60));
    }

    @Test
    void anEmptySeatIsAnIncidentWithEvidence() throws Exception {
        monitoredExam("24", FakeCamera.noFace(), "no-face", Duration.ofSeconds(60));
    }

    @Test
    void aCoveredCameraIsAnIncidentWithEvidence() throws Exception {
        monitoredExam("25", FakeCamera.coveredCamera(), "camera-covered", Duration.ofSeconds(60));
    }

    /**
     * A student whose liveness check is switched off (an accommodation) goes through the journey in Chromium with
     * the given camera, monitors in the same tab, and the expected incident appears with evidence frames.
     */
    void monitoredExam(String userId, Path video, String expectedRule, Duration patience) throws Exception {
        String staff = ProctoringApiIT.token(lms, fastExam, teacher);
        HttpResponse<String> accommodated = ProctoringApiIT.send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/"
                        + fastExamId + "/accommodations/" + userId)).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"liveness\", \"identity\"]}")).build());
        assertEquals(200, accommodated.statusCode(), accommodated.body());
        if (expectedRule.equals("different-person")) {
            ProctoringApiIT.send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/" + fastExamId + "/accommodations/"
                            + userId)).header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"liveness\"]}")).build());
        }
        String token = ProctoringApiIT.token(lms, fastExam, lms.findUser(userId).orElseThrow());
        Chromium chromium = browsers.start(video);
        chromium.open(DeployedTool.at("/lti/exam/student?session=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
        chromium.waitForAttribute("body", "data-state", "consent", STEP);
        chromium.click("#consent-accept");
        chromium.waitForAttribute("body", "data-state", "system-check", STEP);
        chromium.click("#camera-start");
        chromium.click("#system-check-run");
        chromium.waitForVisible("#system-check-result");
        chromium.click("#system-check-continue");
        if (expectedRule.equals("different-person")) {
            chromium.waitForAttribute("body", "data-state", "identity", STEP);
            chromium.click("#identity-capture");
            chromium.waitForVisible("#identity-result");
            chromium.click("#identity-continue");
        }
        chromium.waitForAttribute("body", "data-state", "ready", STEP);
        chromium.click("#start-monitoring");
        chromium.waitForAttribute("body", "data-state", "monitoring", STEP);
        chromium.open(DeployedTool.at("/exam/monitor.html#session=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
        chromium.waitForAttribute("body", "data-state", "monitoring", STEP);
        String sessionId = json(ProctoringApiIT.get("/api/proctoring/session", token)).getString("id");
        Instant deadline = Instant.now().plus(patience);
        JsonObject report;
        do {
            Thread.sleep(2000);
            report = json(ProctoringApiIT.get("/api/proctoring/sessions/" + sessionId + "/report", token));
        } while (!rules(report).contains(expectedRule) && Instant.now().isBefore(deadline));
        chromium.screenshot("monitor-" + expectedRule);
        assertTrue(rules(report).contains(expectedRule), expectedRule + " expected in " + report);
        JsonObject incident = report.getJsonArray("incidents").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("rule").equals(expectedRule)).findFirst().orElseThrow();
        assertTrue(!incident.getJsonArray("evidence").isEmpty(), "evidence frames: " + incident);
        assertTrue(incident.containsKey("model") && incident.containsKey("captureQuality"), incident.toString());
        ProctoringApiIT.post("/api/proctoring/sessions/" + sessionId + "/end", token);
    }

    static Set<String> rules(JsonObject report) {
        return report.getJsonArray("incidents").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("rule")).collect(Collectors.toSet());
    }

    static JsonObject json(HttpResponse<String> response) {
        assertTrue(response.statusCode() / 100 == 2, response.statusCode() + ": " + response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
