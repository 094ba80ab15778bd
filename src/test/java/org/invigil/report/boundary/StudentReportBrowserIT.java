package org.invigil.report.boundary;

import static org.invigil.journey.boundary.ProctoringApiIT.get;
import static org.invigil.journey.boundary.ProctoringApiIT.json;
import static org.invigil.journey.boundary.ProctoringApiIT.postJson;
import static org.invigil.journey.boundary.ProctoringApiIT.refused;
import static org.invigil.journey.boundary.ProctoringApiIT.send;
import static org.invigil.journey.boundary.ProctoringApiIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.browser.Browsers;
import org.invigil.browser.Chromium;
import org.invigil.journey.boundary.ProctoringApiIT;
import org.invigil.journey.boundary.TestPictures;
import org.invigil.review.boundary.ReviewApiIT;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.Role;
import org.invigil.simulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The student's own report in real Chromium with every cookie blocked: their incident in plain words with its
 * evidence picture, a response that reviewers read, then the reviewer's final decision, after which the student sees
 * the decision and can no longer respond. Another student, and staff, cannot open it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudentReportBrowserIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    static LtiPlatformSimulator lms;
    static ResourceLink exam;
    static User teacher;
    static User student;
    static User classmate;
    static String sessionId;
    static String frameId;

    @BeforeAll
    static void anAttemptWithAnIncident() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("60", "Rhea", "Reviewer");
        student = lms.user("61", "Sam", "Student");
        classmate = lms.user("62", "Cleo", "Classmate");
        Course course = lms.course("6", "Statistics").enrol(teacher, Role.INSTRUCTOR).enrol(student, Role.LEARNER)
                .enrol(classmate, Role.LEARNER);
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Statistics exam");
        String staff = token(lms, exam, teacher);
        for (String user : List.of("61", "62")) {
            HttpResponse<String> accommodated = send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/"
                            + ProctoringApiIT.examId(staff) + "/accommodations/" + user))
                    .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"]}")).build());
            assertEquals(200, accommodated.statusCode(), accommodated.body());
        }
        ReviewApiIT.attempt(lms, exam, "61", List.of(TestPictures.twoPeople(), TestPictures.twoPeople(),
                TestPictures.twoPeople()));
        JsonObject attempt = json(get("/api/report", token(lms, exam, student))).getJsonArray("attempts")
                .getJsonObject(0);
        sessionId = attempt.getString("sessionId");
        frameId = attempt.getJsonArray("incidents").getValuesAs(JsonObject.class).stream()
                .filter(incident -> incident.getString("rule").equals("several-faces")).findFirst().orElseThrow()
                .getJsonArray("evidence").getJsonObject(0).getString("id");
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    static String reportUrl(String token) {
        return DeployedTool.at("/report/index.xhtml?session=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                .toString();
    }

    @Test
    @Order(1)
    void aStudentReadsTheirReportRespondsAndThenSeesTheDecision() throws Exception {
        Chromium chromium = browsers.start(Chromium.options().blockCookies().name("student-report"));
        chromium.open(reportUrl(token(lms, exam, student)));
        chromium.waitFor(".incident");
        assertFalse(chromium.url().contains("session="), "the launch token leaves the address: " + chromium.url());
        assertTrue(chromium.url().contains(";jsessionid="), "the session travels in the URL: " + chromium.url());
        String page = chromium.text("#report");
        assertTrue(page.contains("More than one face") && page.contains("More than one face was visible."), page);
        assertTrue(page.contains("Threshold") && page.contains("Strength") && page.contains("Picture quality"), page);
        assertTrue(page.contains("A person reviews your attempt"), page);
        assertTrue(page.contains("deleted on"), "the retention that applies: " + page);
        assertTrue(chromium.text(".contributions").contains("More than one face"), chromium.text(".contributions"));
        chromium.waitUntil("Array.from(document.querySelectorAll('img.evidence-frame')).some(i => i.complete && "
                + "i.naturalWidth > 0)", Duration.ofSeconds(20));
        chromium.js("document.querySelector('.incident').scrollIntoView()");
        chromium.screenshot("report-1-student-incident");

        chromium.type(".respond-text", "My brother walked behind me to reach the window; he did not help me.");
        chromium.click(".respond-send");
        chromium.waitFor(".response-text");
        assertTrue(chromium.text("#report").contains("Your response is saved."), chromium.text("#report"));
        chromium.js("const s = document.querySelector('.respond-about');"
                + "s.value = Array.from(s.options).find(o => o.text.startsWith('More than one face')).value;");
        chromium.type(".respond-text", "The second face is a photo on the wall behind me.");
        chromium.click(".respond-send");
        chromium.waitUntil("document.querySelectorAll('.response-text').length === 2", Duration.ofSeconds(20));
        assertTrue(chromium.text(".responses").contains("about More than one face"), chromium.text(".responses"));
        chromium.js("document.querySelector('.responses').scrollIntoView()");
        chromium.screenshot("report-2-student-responded");

        String staff = token(lms, exam, teacher);
        JsonObject review = json(get("/api/review/sessions/" + sessionId, staff));
        List<String> responses = review.getJsonArray("responses").getValuesAs(JsonObject.class).stream()
                .map(response -> response.getString("text")).toList();
        assertEquals(List.of("My brother walked behind me to reach the window; he did not help me.",
                "The second face is a photo on the wall behind me."), responses);
        assertEquals("Sam Student", review.getJsonArray("responses").getJsonObject(0).getString("student"));
        List<String> audited = json(get("/api/review/sessions/" + sessionId + "/audit", staff)).getJsonArray("entries")
                .getValuesAs(JsonObject.class).stream().map(entry -> entry.getString("action")).toList();
        assertTrue(audited.containsAll(List.of("student-view-report", "student-view-evidence", "student-respond")),
                "the student's views are audited: " + audited);

        chromium.type(".respond-text", "One more thing, written while the reviewer decides.");
        json(postJson("/api/review/sessions/" + sessionId + "/decision", staff, Json.createObjectBuilder()
                .add("outcome", "cleared").add("note", "the second face is a poster").build()));
        chromium.click(".respond-send");
        chromium.waitFor(".closed");
        String decided = chromium.text("#report");
        assertTrue(decided.contains("Already decided.") && decided.contains("final decision"),
                "the late response is refused in plain words: " + decided);
        assertTrue(chromium.text(".decision").startsWith("Cleared"), chromium.text(".decision"));
        assertTrue(decided.contains("the second face is a poster"), "the reviewer's note: " + decided);
        assertTrue(chromium.findAll(".respond-form").isEmpty(), "no more form");
        assertEquals(2, chromium.findAll(".response-text").size());
        chromium.js("document.querySelector('.closed').scrollIntoView({block: 'center'})");
        chromium.screenshot("report-3-student-decided");
        chromium.assertNoJsErrors("favicon");

        refused(postJson("/api/report/sessions/" + sessionId + "/responses", token(lms, exam, student),
                Json.createObjectBuilder().add("text", "Too late?").build()), 409, "decision_final");
    }

    @Test
    @Order(2)
    void anotherStudentAndStaffCannotOpenIt() throws Exception {
        String other = token(lms, exam, classmate);
        refused(get("/api/report/sessions/" + sessionId, other), 403, "session_not_yours");
        refused(get("/api/report/sessions/" + sessionId + "/evidence/" + frameId, other), 403, "session_not_yours");
        refused(postJson("/api/report/sessions/" + sessionId + "/responses", other,
                Json.createObjectBuilder().add("text", "Not mine").build()), 403, "session_not_yours");
        refused(get("/api/proctoring/sessions/" + sessionId + "/report", other), 403, "session_not_yours");
        String staff = token(lms, exam, teacher);
        refused(get("/api/report", staff), 403, "learners_only");

        Chromium chromium = browsers.start(Chromium.options().blockCookies().name("student-report-other"));
        chromium.open(reportUrl(other));
        String own = chromium.text("#report");
        assertTrue(own.contains("Cleo Classmate") && !own.contains("Sam Student") && !own.contains("More than one face"),
                "only the classmate's own (unstarted) attempt: " + own);
        chromium.open(reportUrl(other) + "&attempt=" + sessionId);
        assertTrue(chromium.text("#refused").contains("belongs to another student"), chromium.text("#refused"));
        chromium.screenshot("report-4-another-student");
        String session = chromium.url().replaceAll(".*;jsessionid=([^?#]*).*", "$1");
        HttpResponse<byte[]> evidence = HttpClient.newHttpClient().send(HttpRequest.newBuilder(DeployedTool.at(
                "/report/evidence;jsessionid=" + session + "?attempt=" + sessionId + "&frame=" + frameId)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(403, evidence.statusCode(), "another student's HTTP session gets no evidence");

        HttpResponse<String> page = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(java.net.URI.create(reportUrl(other) + "&attempt=" + sessionId)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(403, page.statusCode(), page.body());

        chromium.open(reportUrl(staff));
        assertTrue(chromium.text("#refused").contains("for students"), chromium.text("#refused"));
        chromium.screenshot("report-5-staff-refused");
    }
}
