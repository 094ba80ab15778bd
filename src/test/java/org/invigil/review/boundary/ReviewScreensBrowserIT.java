package org.invigil.review.boundary;

import static org.invigil.journey.boundary.ProctoringApiIT.send;
import static org.invigil.journey.boundary.ProctoringApiIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.invigil.DeployedTool;
import org.invigil.a11y.Axe;
import org.invigil.LmsFlows;
import org.invigil.browser.Browsers;
import org.invigil.browser.Chromium;
import org.invigil.journey.boundary.ProctoringApiIT;
import org.invigil.journey.boundary.TestPictures;
import org.invigil.simulator.BrowserResponse;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
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

/**
 * The review screens (Faces with PrimeFaces) in real Chromium with every cookie blocked: from the instructor's
 * launch page to the queue, an attempt's incidents with their evidence pictures, and a decision that reaches the
 * gradebook; the queue's email panel, where an instructor subscribes to the exam and an integrity officer to every
 * exam, the same subscriptions the notifications API reports.
 */
class ReviewScreensBrowserIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    static LtiPlatformSimulator lms;
    static Course course;
    static ResourceLink exam;
    static User teacher;
    static User dean;
    static String staff;

    @BeforeAll
    static void anAttemptThatNeedsReview() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("50", "Vera", "Verdict");
        dean = lms.user("53", "Dean", "Watch").institutionRoles(Role.ADMINISTRATOR);
        course = lms.course("5", "Logic").enrol(teacher, Role.INSTRUCTOR).enrol(dean, Role.INSTRUCTOR)
                .enrol(lms.user("51", "Duo", "Faces"), Role.LEARNER).enrol(lms.user("52", "Ida", "Verified"), Role.LEARNER);
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Logic exam");
        staff = token(lms, exam, teacher);
        HttpResponse<String> accommodated = send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/"
                        + ProctoringApiIT.examId(staff) + "/accommodations/51"))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"]}")).build());
        assertEquals(200, accommodated.statusCode(), accommodated.body());
        ReviewApiIT.attempt(lms, exam, "51", List.of(TestPictures.twoPeople(), TestPictures.twoPeople(),
                TestPictures.twoPeople()));
        verifiedAttempt(staff, "52");
    }

    /** A student checked against the instructor's reference photo, who then ends. */
    static void verifiedAttempt(String staff, String userId) throws Exception {
        assertEquals(200, ProctoringApiIT.put("/api/exams/" + ProctoringApiIT.examId(staff) + "/references/" + userId,
                staff, TestPictures.referencePhoto()).statusCode());
        String student = token(lms, exam, lms.findUser(userId).orElseThrow());
        var session = ProctoringApiIT.json(ProctoringApiIT.get("/api/proctoring/session", student));
        String id = session.getString("id");
        ProctoringApiIT.json(ProctoringApiIT.postJson("/api/proctoring/sessions/" + id + "/consent", student,
                jakarta.json.Json.createObjectBuilder().add("decision", "accept")
                        .add("version", session.getJsonObject("consent").getString("version")).build()));
        ProctoringApiIT.json(ProctoringApiIT.postJpeg("/api/proctoring/sessions/" + id + "/system-check", student,
                TestPictures.referencePerson(), null));
        assertEquals("verified", ProctoringApiIT.json(ProctoringApiIT.postJpeg("/api/proctoring/sessions/" + id
                + "/identity", student, TestPictures.referencePerson(), null)).getString("status"));
        ProctoringApiIT.json(ProctoringApiIT.post("/api/proctoring/sessions/" + id + "/identity/review", student));
        ProctoringApiIT.json(ProctoringApiIT.post("/api/proctoring/sessions/" + id + "/start", student));
        ProctoringApiIT.json(ProctoringApiIT.post("/api/proctoring/sessions/" + id + "/end", student));
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    @Test
    void anInstructorReviewsAnAttemptWithoutAnyCookie() throws Exception {
        BrowserResponse launch = lms.launch(LaunchRequest.resourceLink(exam).as(teacher)).run();
        Chromium chromium = browsers.start(Chromium.options().blockCookies());
        chromium.open(launch.uri());
        chromium.waitFor("#review-link");
        chromium.screenshot("review-0-instructor-page");
        chromium.click("#review-link");
        chromium.waitFor(".attempt-link");
        String href = chromium.find(".attempt-link").getAttribute("href");
        assertTrue(href.contains(";jsessionid="), "the session travels in the URL, not a cookie: " + href);
        assertTrue(chromium.text("#queue\\:attempts").contains("needs-review"), chromium.text("#queue\\:attempts"));
        chromium.screenshot("review-1-queue");
        chromium.click(".attempt-link");
        chromium.waitFor(".incident");
        assertEquals("Duo Faces", chromium.text("#student"));
        assertTrue(chromium.text("#review").contains("several-faces"));
        chromium.waitUntil("Array.from(document.querySelectorAll('img.evidence-frame')).some(i => i.complete && "
                + "i.naturalWidth > 0)", java.time.Duration.ofSeconds(20));
        chromium.screenshot("review-2-attempt");
        chromium.click(".incident-outcome input[value='confirmed']");
        chromium.type(".incident-note", "the second face is a classmate");
        chromium.click(".incident-decide");
        chromium.waitFor(".incident");
        assertTrue(chromium.text("#decisions").contains("the second face is a classmate"), chromium.text("#decisions"));
        chromium.click("#decide\\:outcome input[value='confirmed'] + label, #decide\\:outcome label[for$='1']");
        chromium.type("#decide\\:note", "two people shared the exam");
        chromium.click("#decide\\:decide-button");
        chromium.waitFor("#decide\\:messages .ui-messages-info");
        assertTrue(chromium.text("#decisions").contains("confirmed"), chromium.text("#decisions"));
        chromium.screenshot("review-3-decided");
        chromium.assertNoJsErrors("favicon", "Failed to load resource");

        chromium.click("a[href*='queue']");
        chromium.waitFor(".attempt-link");
        chromium.driver().findElements(org.openqa.selenium.By.cssSelector(".attempt-link")).stream()
                .filter(link -> link.getText().equals("Ida Verified")).findFirst().orElseThrow().click();
        chromium.waitFor("#identity");
        chromium.waitUntil("['reference-photo','capture-photo'].every(id => { const i = document.getElementById(id); "
                + "return i && i.complete && i.naturalWidth > 0; })", java.time.Duration.ofSeconds(20));
        assertTrue(chromium.text("#identity-outcome").contains("verified"), chromium.text("#identity-outcome"));
        chromium.screenshot("review-4-identity-side-by-side");

        LineItem integrity = LmsFlows.eventually(() -> course.lineItems().stream()
                .filter(item -> item.tag().equals(Optional.of("invigil-integrity"))
                        && item.resourceLinkId().equals(Optional.of(exam.id()))).findFirst(), "no integrity column");
        Score decided = LmsFlows.eventually(() -> integrity.score("51")
                .filter(score -> "FullyGraded".equals(score.gradingProgress())), "no decision: " + lms.rejections());
        assertTrue(decided.comment().contains("confirmed") && decided.comment().contains("two people shared the exam"),
                decided.comment());
    }

    @Test
    void anInstructorSubscribesToEmailOnTheQueueWithoutAnyCookie() throws Exception {
        String examId = ProctoringApiIT.examId(staff);
        Chromium chromium = queueAs(teacher);
        assertEquals("Email me when an attempt needs review", chromium.text("#email-heading"));
        assertEquals("user50@example.com", chromium.find("#email\\:address").getAttribute("value"),
                "the address the launch gave");
        assertTrue(chromium.findAll("#email\\:subscribe-platform").isEmpty(),
                "an instructor subscribes to their exam, not to every exam");
        assertTrue(chromium.findAll("#email-off").isEmpty(), "the tests' Invigil has email on");
        assertTrue(chromium.findAll("#no-subscription").size() == 1, chromium.text("#email-panel"));

        // An address the control refuses: its sentence next to the field, nothing stored, no error page.
        chromium.type("#email\\:address", "vera at example");
        chromium.click("#email\\:subscribe-exam");
        chromium.waitFor("#email\\:address-message.ui-message-error");
        assertTrue(chromium.text("#email\\:address-message").contains("is not an email address"),
                chromium.text("#email\\:address-message"));
        assertTrue(subscriptions(staff).isEmpty());
        chromium.screenshot("email-0-refused");

        chromium.type("#email\\:address", "vera.verdict@example.edu");
        chromium.click("#email\\:subscribe-exam");
        chromium.waitFor(".subscription-exam");
        assertTrue(chromium.text(".subscription-exam").contains("vera.verdict@example.edu"),
                chromium.text(".subscription-exam"));
        assertTrue(chromium.text("#email\\:email-messages").contains("You will get an email at "
                + "vera.verdict@example.edu"), chromium.text("#email\\:email-messages"));
        String shown = chromium.find(".subscription-exam").getAttribute("data-id");
        chromium.screenshot("email-1-subscribed");
        assertNoSeriousViolationsInThePanel(chromium);

        // The very subscription the API reports, and it is still listed on a fresh visit.
        List<JsonObject> listed = subscriptions(staff);
        assertEquals(1, listed.size(), listed.toString());
        assertEquals(shown, listed.get(0).getString("id"));
        assertEquals("exam", listed.get(0).getString("scope"));
        assertEquals(examId, listed.get(0).getString("examId"));
        assertEquals("vera.verdict@example.edu", listed.get(0).getString("email"));
        chromium.open(chromium.url());
        chromium.waitFor(".subscription-exam");
        assertEquals(shown, chromium.find(".subscription-exam").getAttribute("data-id"));

        chromium.click("#email\\:unsubscribe-exam");
        chromium.waitFor("#no-subscription");
        assertTrue(chromium.findAll(".subscription-exam").isEmpty());
        assertTrue(subscriptions(staff).isEmpty(), "unsubscribed through the screen");
        chromium.screenshot("email-2-unsubscribed");
        chromium.assertNoJsErrors("favicon", "Failed to load resource");
    }

    @Test
    void anIntegrityOfficerSubscribesToEveryExamOnTheQueue() throws Exception {
        String officer = token(lms, exam, dean);
        Chromium chromium = queueAs(dean);
        assertEquals("user53@example.com", chromium.find("#email\\:address").getAttribute("value"));
        chromium.click("#email\\:subscribe-platform");
        chromium.waitFor(".subscription-platform");
        assertTrue(chromium.text(".subscription-platform").contains("user53@example.com"),
                chromium.text(".subscription-platform"));
        assertTrue(chromium.findAll(".subscription-exam").isEmpty(), "only what was asked for");
        List<JsonObject> listed = subscriptions(officer);
        assertEquals(1, listed.size(), listed.toString());
        assertEquals(chromium.find(".subscription-platform").getAttribute("data-id"), listed.get(0).getString("id"));
        assertEquals("platform", listed.get(0).getString("scope"));
        assertFalse(listed.get(0).containsKey("examId"), listed.toString());
        chromium.screenshot("email-3-officer-subscribed");

        chromium.click("#email\\:unsubscribe-platform");
        chromium.waitFor("#no-subscription");
        assertTrue(subscriptions(officer).isEmpty());
        chromium.assertNoJsErrors("favicon", "Failed to load resource");
    }

    @Test
    void anIntegrityOfficerFollowsAnotherCoursesExamToItsLiveMonitorAndReport() throws Exception {
        User other = lms.user("54", "Otto", "Ethics");
        Course ethics = lms.course("6", "Ethics").enrol(other, Role.INSTRUCTOR);
        LmsFlows.deepLinkExam(lms, ethics, other, "Ethics exam");
        BrowserResponse launch = lms.launch(LaunchRequest.resourceLink(exam).as(dean)).run();
        Chromium chromium = browsers.start(Chromium.options().blockCookies());
        chromium.open(launch.uri());
        chromium.click("#officer-link");
        chromium.waitFor(".exam-link");
        chromium.js("[...document.querySelectorAll('.exam-link')].find(a => a.textContent === 'Ethics exam').click()");
        chromium.waitFor("#live-link");
        assertTrue(chromium.findAll("#settings-link").isEmpty(), "another course's settings stay with its staff");

        chromium.click("#live-link");
        chromium.waitForAttribute("#feed-status", "data-state", "open", java.time.Duration.ofSeconds(10));
        String grid = chromium.text("#live");
        assertTrue(grid.contains("No student has opened the exam yet") && !grid.contains("Duo Faces"),
                "the Ethics exam's monitor, not the officer's own Logic exam: " + grid);
        chromium.screenshot("officer-1-other-exam-live");

        chromium.click("#review a");
        chromium.waitFor("#report-link");
        chromium.click("#report-link");
        chromium.waitFor("#exam-title");
        assertEquals("Ethics exam", chromium.text("#exam-title"));
        String csv = chromium.find("a.export-link").getAttribute("href");
        assertTrue(csv.contains("exam="), "the export is of the same exam: " + csv);
        chromium.assertNoJsErrors("favicon", "Failed to load resource");
    }

    /** The review queue as the staff member opens it from their launch, every cookie blocked. */
    private Chromium queueAs(User user) {
        BrowserResponse launch = lms.launch(LaunchRequest.resourceLink(exam).as(user)).run();
        Chromium chromium = browsers.start(Chromium.options().blockCookies());
        chromium.open(launch.uri());
        chromium.waitFor("#review-link");
        chromium.click("#review-link");
        chromium.waitFor("#email\\:address");
        return chromium;
    }

    /** The person's subscriptions as the notifications API reports them. */
    private static List<JsonObject> subscriptions(String token) throws Exception {
        return ProctoringApiIT.json(ProctoringApiIT.get("/api/notifications", token)).getJsonArray("subscriptions")
                .getValuesAs(JsonObject.class);
    }

    /** axe-core on the queue page, judged on the email panel (the rest of the page is not this test's). */
    private static void assertNoSeriousViolationsInThePanel(Chromium chromium) {
        List<Axe.Violation> inPanel = Axe.run(chromium, "review queue").seriousOrCritical().stream()
                .filter(violation -> violation.targets().stream().anyMatch(target -> target.contains("email")
                        || target.contains("subscription") || target.contains("address"))).toList();
        assertTrue(inPanel.isEmpty(), "axe-core in the email panel: " + inPanel);
    }
}
