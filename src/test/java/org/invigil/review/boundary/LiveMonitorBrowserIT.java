package org.invigil.review.boundary;

import static org.invigil.journey.boundary.ProctoringApiIT.frame;
import static org.invigil.journey.boundary.ProctoringApiIT.get;
import static org.invigil.journey.boundary.ProctoringApiIT.json;
import static org.invigil.journey.boundary.ProctoringApiIT.post;
import static org.invigil.journey.boundary.ProctoringApiIT.postJpeg;
import static org.invigil.journey.boundary.ProctoringApiIT.postJson;
import static org.invigil.journey.boundary.ProctoringApiIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.invigil.LmsFlows;
import org.invigil.browser.Browsers;
import org.invigil.browser.Chromium;
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
 * The live monitor in real Chromium, cookies blocked: a monitored student's tile shows a new incident within a few
 * seconds, who has not started is listed from the roster, and the instructor ends a student's monitoring with a
 * reason that the audit trail keeps.
 */
class LiveMonitorBrowserIT {

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
                .enrol(lms.user("71", "Moni", "Tored"), Role.LEARNER).enrol(lms.user("72", "Not", "Yet"), Role.LEARNER);
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Chemistry exam");
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    @Test
    void anIncidentShowsOnTheLiveMonitorAndTheInstructorEndsTheAttempt() throws Exception {
        String staff = token(lms, exam, teacher);
        ReviewAccessIT.accommodate(lms, exam, teacher, "71");
        String student = token(lms, exam, lms.findUser("71").orElseThrow());
        JsonObject session = json(get("/api/proctoring/session", student));
        String id = session.getString("id");
        json(postJson("/api/proctoring/sessions/" + id + "/consent", student, Json.createObjectBuilder()
                .add("decision", "accept").add("version", session.getJsonObject("consent").getString("version")).build()));
        json(postJpeg("/api/proctoring/sessions/" + id + "/system-check", student, TestPictures.referencePerson(), null));
        json(post("/api/proctoring/sessions/" + id + "/start", student));
        Instant at = Instant.now().minusSeconds(10);
        frame(id, student, 1, at, TestPictures.referencePerson());

        BrowserResponse launch = lms.launch(LaunchRequest.resourceLink(exam).as(teacher)).run();
        Chromium chromium = browsers.start(Chromium.options().blockCookies());
        chromium.open(launch.uri());
        chromium.click("#review-link");
        chromium.click("#live-link");
        chromium.waitFor(".tile");
        assertTrue(chromium.text(".tile-state").contains("monitoring"), chromium.text(".tile"));
        assertTrue(chromium.text("#live\\:waiting").contains("Not Yet"), "who has not started: "
                + chromium.text("#live\\:waiting"));

        frame(id, student, 2, at.plusSeconds(3), TestPictures.twoPeople());
        frame(id, student, 3, at.plusSeconds(6), TestPictures.twoPeople());
        Instant opened = Instant.now();
        chromium.waitUntil("document.querySelector('.tile-open').textContent.includes('several-faces')",
                Duration.ofSeconds(10));
        Duration shown = Duration.between(opened, Instant.now());
        assertTrue(shown.toMillis() <= 4000, "the incident showed after " + shown.toMillis() + " ms");
        chromium.screenshot("live-1-incident");

        chromium.type("input[id$='reason']", "phone seen on the desk");
        chromium.click(".end-button");
        chromium.waitUntil("document.querySelector('.tile-state').textContent.includes('ended')", Duration.ofSeconds(10));
        chromium.screenshot("live-2-ended");
        assertEquals("ended", json(get("/api/proctoring/session", student)).getString("state"));
        List<JsonObject> audit = json(get("/api/review/sessions/" + id + "/audit", staff)).getJsonArray("entries")
                .getValuesAs(JsonObject.class);
        assertTrue(audit.stream().anyMatch(entry -> entry.getString("action").equals("end-session")
                && entry.getString("detail").contains("phone seen on the desk")), audit.toString());
    }
}
