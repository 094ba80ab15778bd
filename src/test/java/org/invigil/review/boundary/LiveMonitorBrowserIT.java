package org.invigil.review.boundary;

import static org.invigil.journey.boundary.ProctoringApiIT.frame;
import static org.invigil.journey.boundary.ProctoringApiIT.get;
import static org.invigil.journey.boundary.ProctoringApiIT.json;
import static org.invigil.journey.boundary.ProctoringApiIT.post;
import static org.invigil.journey.boundary.ProctoringApiIT.postJpeg;
import static org.invigil.journey.boundary.ProctoringApiIT.postJson;
import static org.invigil.journey.boundary.ProctoringApiIT.refused;
import static org.invigil.journey.boundary.ProctoringApiIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.invigil.LmsFlows;
import org.invigil.browser.Browsers;
import org.invigil.browser.Chromium;
import org.invigil.browser.FakeCamera;
import org.invigil.DeployedTool;
import org.invigil.journey.boundary.ProctoringApiIT;
import org.invigil.journey.boundary.TestPictures;
import org.invigil.simulator.BrowserResponse;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
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
 * The live monitor in real Chromium, cookies blocked: a new incident is pushed to the student's tile within 2 s,
 * who has not started is listed from the roster, and the instructor pauses, resumes and ends a student's monitoring,
 * each with a reason the audit trail keeps. While paused, nothing is analysed; the student's own monitor notices the
 * pause, switches the camera off and says why, and goes on by itself when monitoring resumes.
 */
public class LiveMonitorBrowserIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    static LtiPlatformSimulator lms;
    static ResourceLink exam;
    static User teacher;

    @BeforeAll
    static void anExamUnderWay() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("70", "Liv", "Watcher");
        Course course = lms.course("7", "Chemistry").enrol(teacher, Role.INSTRUCTOR)
                .enrol(lms.user("71", "Moni", "Tored"), Role.LEARNER).enrol(lms.user("72", "Not", "Yet"), Role.LEARNER)
                .enrol(lms.user("73", "Paula", "Paused"), Role.LEARNER);
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Chemistry exam");
        String staff = token(lms, exam, teacher);
        HttpResponse<String> settings = ProctoringApiIT.send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/"
                        + ProctoringApiIT.examId(staff) + "/settings")).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"checks\": [\"camera\", \"identity\", \"liveness\", \"browser\", \"live-picture\"]}"))
                .build());
        assertEquals(200, settings.statusCode(), settings.body());
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    /** The student's attempt, consented, checked and monitoring (identity and liveness switched off for them). */
    static String monitoring(String userId, String student) throws Exception {
        ReviewAccessIT.accommodate(lms, exam, teacher, userId);
        JsonObject session = json(get("/api/proctoring/session", student));
        String id = session.getString("id");
        json(postJson("/api/proctoring/sessions/" + id + "/consent", student, Json.createObjectBuilder()
                .add("decision", "accept").add("version", session.getJsonObject("consent").getString("version")).build()));
        json(postJpeg("/api/proctoring/sessions/" + id + "/system-check", student, TestPictures.referencePerson(), null));
        json(post("/api/proctoring/sessions/" + id + "/start", student));
        return id;
    }

    @Test
    void anIncidentIsPushedToTheLiveMonitorAndTheInstructorPausesResumesAndEndsTheAttempt() throws Exception {
        String staff = token(lms, exam, teacher);
        String student = token(lms, exam, lms.findUser("71").orElseThrow());
        String id = monitoring("71", student);
        Instant at = Instant.now().minusSeconds(10);
        frame(id, student, 1, at, TestPictures.referencePerson());

        BrowserResponse launch = lms.launch(LaunchRequest.resourceLink(exam).as(teacher)).run();
        Chromium chromium = browsers.start(Chromium.options().blockCookies());
        chromium.open(launch.uri());
        chromium.click("#review-link");
        chromium.click("#live-link");
        chromium.waitFor(".tile");
        chromium.waitForAttribute("#feed-status", "data-state", "open", Duration.ofSeconds(10));
        // the grid is re-rendered whenever the feed says so: read it in one go, never through a kept element
        chromium.waitUntil(tileOf("Moni Tored") + ".querySelector('.tile-state').textContent.includes('monitoring')",
                Duration.ofSeconds(10));
        chromium.waitUntil("document.getElementById('live:waiting').textContent.includes('Not Yet')",
                Duration.ofSeconds(10));

        frame(id, student, 2, at.plusSeconds(3), TestPictures.twoPeople());
        frame(id, student, 3, at.plusSeconds(6), TestPictures.twoPeople());
        Instant opened = Instant.now();
        chromium.waitUntil(tileOf("Moni Tored") + ".querySelector('.tile-open').textContent.includes('several-faces')",
                Duration.ofSeconds(10));
        Duration shown = Duration.between(opened, Instant.now());
        // the fallback refresh is every 30 s: this fast, it was pushed
        assertTrue(shown.toMillis() <= 2000, "the incident showed after " + shown.toMillis() + " ms");
        chromium.screenshot("live-1-incident");

        act(chromium, "Moni Tored", ".pause-button", "  ");
        chromium.waitUntil("document.querySelector('#action').textContent.includes('Say why you pause')",
                Duration.ofSeconds(10));
        chromium.type("#action\\:reason", "fire alarm, everyone leaves the room");
        chromium.click("#action\\:confirm");
        chromium.waitUntil(tileOf("Moni Tored") + ".querySelector('.tile-state').textContent.includes('paused')",
                Duration.ofSeconds(10));
        chromium.waitUntil(tileOf("Moni Tored") + ".querySelector('.tile-pause-reason').textContent"
                + ".includes('fire alarm')", Duration.ofSeconds(10));
        chromium.screenshot("live-2-paused");
        int before = incidentsOf(id, staff);
        assertEquals("paused", frameAnswer(id, student, 4, Instant.now(), TestPictures.twoPeople()).getString("state"));
        assertEquals("paused", frameAnswer(id, student, 5, Instant.now(), TestPictures.twoPeople()).getString("state"));
        JsonObject events = json(postJson("/api/proctoring/sessions/" + id + "/events", student,
                ProctoringApiIT.events(ProctoringApiIT.event(6, "page-hidden", Instant.now()))));
        assertEquals("paused", events.getString("state"));
        assertEquals(before, incidentsOf(id, staff), "nothing is analysed while paused");

        act(chromium, "Moni Tored", ".resume-button", "the alarm was a drill");
        chromium.waitUntil(tileOf("Moni Tored") + ".querySelector('.tile-state').textContent.includes('monitoring')",
                Duration.ofSeconds(10));
        assertEquals("monitoring", frameAnswer(id, student, 7, Instant.now(), TestPictures.referencePerson())
                .getString("state"));

        act(chromium, "Moni Tored", ".end-button", "phone seen on the desk");
        chromium.waitUntil(tileOf("Moni Tored") + ".querySelector('.tile-state').textContent.includes('ended')",
                Duration.ofSeconds(10));
        chromium.screenshot("live-3-ended");
        assertEquals("ended", json(get("/api/proctoring/session", student)).getString("state"));
        List<JsonObject> audit = json(get("/api/review/sessions/" + id + "/audit", staff)).getJsonArray("entries")
                .getValuesAs(JsonObject.class);
        for (String[] expected : new String[][] {{"pause-session", "fire alarm"}, {"resume-session", "drill"},
                {"end-session", "phone seen on the desk"}}) {
            assertTrue(audit.stream().anyMatch(entry -> entry.getString("action").equals(expected[0])
                    && entry.getString("detail").contains(expected[1])), expected[0] + " in " + audit);
        }
    }

    @Test
    void theStudentsMonitorSwitchesTheCameraOffWhilePausedAndGoesOnByItself() throws Exception {
        String staff = token(lms, exam, teacher);
        String student = token(lms, exam, lms.findUser("73").orElseThrow());
        String id = monitoring("73", student);
        Chromium monitor = browsers.start(FakeCamera.referencePerson());
        monitor.open(DeployedTool.at("/exam/monitor.html#session=" + URLEncoder.encode(student, StandardCharsets.UTF_8)));
        monitor.waitForAttribute("body", "data-state", "monitoring", Duration.ofSeconds(30));
        monitor.waitUntil("window.invigilMonitor.stats().camera === 'on'", Duration.ofSeconds(30));

        // the exam shows live pictures, and Paula consented to them: her tile shows her latest picture, small
        BrowserResponse launch = lms.launch(LaunchRequest.resourceLink(exam).as(teacher)).run();
        Chromium live = browsers.start(Chromium.options().blockCookies());
        live.open(launch.uri());
        live.click("#review-link");
        live.click("#live-link");
        String picture = tileOf("Paula Paused") + ".querySelector('img.tile-picture')";
        live.waitUntil(picture + " && " + picture + ".complete && " + picture + ".naturalWidth === 160",
                Duration.ofSeconds(30));
        live.screenshot("live-4-picture");

        json(postJson("/api/review/sessions/" + id + "/pause", staff, Json.createObjectBuilder()
                .add("reason", "bathroom break").build()));
        monitor.waitForAttribute("body", "data-state", "paused", Duration.ofSeconds(20));
        live.waitUntil("!" + picture, Duration.ofSeconds(10)); // no live picture while paused
        monitor.waitUntil("document.querySelector('#monitor-note').textContent.includes('bathroom break')",
                Duration.ofSeconds(10));
        assertEquals("off", monitor.js("return window.invigilMonitor.stats().camera"));
        monitor.screenshot("monitor-paused");
        assertTrue(json(get("/api/proctoring/session", student)).getJsonObject("consent").toString()
                .contains("Live picture for your instructor"), "the consent named the live picture");

        json(postJson("/api/review/sessions/" + id + "/resume", staff, Json.createObjectBuilder()
                .add("reason", "back at the desk").build()));
        monitor.waitForAttribute("body", "data-state", "monitoring", Duration.ofSeconds(20));
        monitor.waitUntil("window.invigilMonitor.stats().camera === 'on'", Duration.ofSeconds(20));
        refused(postJson("/api/review/sessions/" + id + "/resume", staff, Json.createObjectBuilder()
                .add("reason", "twice").build()), 409, "session_state");
        refused(postJson("/api/review/sessions/" + id + "/pause", student, Json.createObjectBuilder()
                .add("reason", "I pause myself").build()), 403, "staff_only");
        monitor.assertNoJsErrors("favicon.ico");
        post("/api/proctoring/sessions/" + id + "/end", student);
    }

    /** JavaScript for the tile of the student with this name. */
    public static String tileOf(String student) {
        return "[...document.querySelectorAll('.tile')].find(t => t.querySelector('.tile-name').textContent === '"
                + student + "')";
    }

    /** Opens the reason dialog from the student's tile, types the reason and confirms. */
    public static void act(Chromium chromium, String student, String button, String reason) {
        chromium.waitUntil(tileOf(student) + ".querySelector('" + button + "')", Duration.ofSeconds(10));
        chromium.js(tileOf(student) + ".querySelector(arguments[0]).click();", button);
        chromium.waitForVisible("#action\\:reason");
        chromium.find("#action\\:reason").clear();
        chromium.type("#action\\:reason", reason);
        chromium.click("#action\\:confirm");
    }

    static JsonObject frameAnswer(String id, String token, long sequence, Instant at, byte[] jpeg) throws Exception {
        HttpResponse<String> response = ProctoringApiIT.send(HttpRequest.newBuilder(DeployedTool.at(
                        "/api/proctoring/sessions/" + id + "/frames")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "image/jpeg").header("Invigil-Sequence", Long.toString(sequence))
                .header("Invigil-Captured-At", at.toString()).POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build());
        assertEquals(202, response.statusCode(), response.body());
        return json(response);
    }

    static int incidentsOf(String id, String staff) throws Exception {
        return json(get("/api/review/sessions/" + id, staff)).getJsonArray("incidents").size();
    }
}
