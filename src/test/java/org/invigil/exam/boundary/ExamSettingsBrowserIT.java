package org.invigil.exam.boundary;

import static org.invigil.journey.boundary.ProctoringApiIT.examId;
import static org.invigil.journey.boundary.ProctoringApiIT.get;
import static org.invigil.journey.boundary.ProctoringApiIT.json;
import static org.invigil.journey.boundary.ProctoringApiIT.refused;
import static org.invigil.journey.boundary.ProctoringApiIT.send;
import static org.invigil.journey.boundary.ProctoringApiIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.invigil.DeployedTool;
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
 * The exam settings screen (Faces with PrimeFaces) in real Chromium with every cookie blocked: an instructor changes
 * the settings and a new student's session gets them, uploads a zip of reference photos and reads the report, sees
 * each student's reference status, and switches a check off for one student. Students and other exams' staff are
 * kept out of the screen and the API.
 */
class ExamSettingsBrowserIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    static LtiPlatformSimulator lms;
    static Course course;
    static ResourceLink exam;
    static ResourceLink otherExam;
    static User teacher;
    static User otherTeacher;
    static User ann;
    static User ben;
    static User cy;

    @BeforeAll
    static void aCourseWithThreeStudents() {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("60", "Sett", "Ings");
        ann = lms.user("61", "Ann", "Photo");
        ben = lms.user("62", "Ben", "Noface").email("ben@example.edu");
        cy = lms.user("63", "Cy", "Later").username("cylater");
        course = lms.course("6", "Biology").enrol(teacher, Role.INSTRUCTOR).enrol(ann, Role.LEARNER)
                .enrol(ben, Role.LEARNER).enrol(cy, Role.LEARNER);
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Biology exam");
        otherTeacher = lms.user("70", "Oth", "Er");
        Course other = lms.course("7", "History").enrol(otherTeacher, Role.INSTRUCTOR);
        otherExam = deepLinkIn(other, otherTeacher, "History exam");
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    @Test
    void anInstructorConfiguresTheExamRosterAndPhotosWithoutAnyCookie() throws Exception {
        BrowserResponse launch = lms.launch(LaunchRequest.resourceLink(exam).as(teacher)).run();
        Chromium chromium = browsers.start(Chromium.options().blockCookies());
        chromium.open(launch.uri());
        chromium.waitFor("#settings-link");
        chromium.click("#settings-link");
        chromium.waitFor("#settings\\:save");
        assertTrue(chromium.find("#settings").getAttribute("action").contains(";jsessionid="),
                "the session travels in the URL, not a cookie");
        assertTrue(chromium.text("#settings").contains(org.invigil.exam.entity.Check.AUDIO.captures()));
        chromium.screenshot("settings-0-opened");

        // A value out of bounds: ExamSettings' own sentence next to the field, nothing saved.
        chromium.type("#settings\\:frame-interval", "1");
        chromium.click("#settings\\:save");
        chromium.waitFor("#settings\\:frame-interval-message.ui-message-error");
        assertTrue(chromium.text("#settings\\:frame-interval-message").contains("between 2 and 60 seconds"),
                chromium.text("#settings\\:frame-interval-message"));
        chromium.screenshot("settings-1-invalid");

        chromium.type("#settings\\:frame-interval", "7");
        toggle(chromium, "head-pose");
        toggle(chromium, "audio");
        chromium.type("#settings\\:consent-note", "Questions to the course office, room 12.");
        chromium.click("#settings\\:save");
        chromium.waitFor("#settings\\:messages .ui-messages-info");
        assertEquals("7", chromium.find("#settings\\:frame-interval").getAttribute("value"));
        chromium.screenshot("settings-2-saved");

        JsonObject session = json(get("/api/proctoring/session", token(lms, exam, cy)));
        assertEquals(7, session.getJsonObject("exam").getInt("frameIntervalSeconds"));
        List<String> checks = checks(session);
        assertTrue(checks.contains("head-pose"), checks.toString());
        assertFalse(checks.contains("audio"), checks.toString());

        // Bulk reference photos: one matched by user id, one by email without a face, one for nobody.
        Path zip = Files.createDirectories(Path.of(System.getProperty("basedir", ".")).resolve("target"))
                .resolve("settings-it-references.zip");
        Files.write(zip, zip(Map.of("61.jpg", TestPictures.referencePerson(),
                "ben@example.edu.jpg", TestPictures.noFace(), "stranger.jpg", TestPictures.anotherPerson())));
        chromium.find("#bulk input[type=file]").sendKeys(zip.toAbsolutePath().toString());
        chromium.click("#bulk\\:upload");
        chromium.waitFor("#bulk\\:report", java.time.Duration.ofSeconds(90));
        String report = chromium.text("#bulk\\:report");
        assertTrue(chromium.text("#report-summary").contains("1 matched, 1 unmatched, 1 rejected"),
                chromium.text("#report-summary"));
        assertTrue(report.contains("61.jpg") && report.contains("matched"), report);
        assertTrue(report.contains("stranger.jpg") && report.contains("unmatched"), report);
        assertTrue(report.contains("ben@example.edu.jpg") && report.contains("shows 0"), report);
        chromium.screenshot("settings-3-bulk-report");

        assertEquals("reference reference-instructor", chromium.find(".reference[data-user='61']")
                .getAttribute("class"));
        assertTrue(chromium.find(".reference[data-user='62']").getAttribute("class").contains("reference-none"));
        assertTrue(chromium.findAll(".reference[data-user='60']").isEmpty(), "the roster lists students only");

        // An accommodation: no identity check for Cy, with the reason.
        chromium.click(".edit-accommodation[data-user='63']");
        chromium.waitForVisible("#accommodation\\:checks-off");
        assertEquals("Cy Later", chromium.text("#accommodation-student"));
        chromium.click("label[for='accommodation:checks-off:1']");
        chromium.type("#accommodation\\:note", "Identity checked in person by the course office.");
        chromium.screenshot("settings-4-accommodation");
        chromium.click("#accommodation\\:save-accommodation");
        chromium.waitUntil("document.querySelector(\".accommodation[data-user='63']\").textContent"
                + ".includes('Identity check off')", java.time.Duration.ofSeconds(30));
        assertTrue(chromium.text("#rosterForm\\:roster").contains("Identity checked in person"));
        chromium.screenshot("settings-5-roster");
        chromium.assertNoJsErrors("favicon", "Failed to load resource");

        List<String> cysChecks = checks(json(get("/api/proctoring/session", token(lms, exam, cy))));
        assertFalse(cysChecks.contains("identity"), cysChecks.toString());

        // What the screen changed is in the exam's audit trail, with who and what.
        String staff = token(lms, exam, teacher);
        List<JsonObject> audit = audit(examId(staff), staff);
        JsonObject configured = lastEntry(audit, "configure-exam", "→ 7 s");
        assertEquals("Sett Ings", configured.getString("actor"));
        assertTrue(configured.getString("detail").contains("head pose on")
                && configured.getString("detail").contains("audio off")
                && configured.getString("detail").contains("consent note"), configured.toString());
        JsonObject uploaded = lastEntry(audit, "upload-references-zip", "1 matched, 1 unmatched, 1 rejected");
        assertTrue(uploaded.getString("detail").contains("stored for students 61"), uploaded.toString());
        assertEquals("Sett Ings", uploaded.getString("actor"));
        JsonObject accommodated = lastEntry(audit, "accommodate", "student 63: identity off");
        assertTrue(accommodated.getString("detail").contains("Identity checked in person"), accommodated.toString());

        // The queue links back here within the same cookie-free session.
        chromium.click("#queue-link");
        chromium.waitFor("#settings-link");
        chromium.click("#settings-link");
        chromium.waitFor("#settings\\:save");
        assertEquals("7", chromium.find("#settings\\:frame-interval").getAttribute("value"));
    }

    @Test
    void studentsAndOtherExamsStaffAreKeptOut() throws Exception {
        String staff = token(lms, exam, teacher);
        String student = token(lms, exam, ann);
        String otherStaff = token(lms, otherExam, otherTeacher);
        String examId = examId(staff);

        refused(get("/api/exams/" + examId + "/settings", student), 403, "staff_only");
        refused(putSettings(examId, student, "{\"frameIntervalSeconds\": 30}"), 403, "staff_only");
        refused(putSettings(examId, otherStaff, "{\"frameIntervalSeconds\": 30}"), 403, "other_exam");
        refused(postZip(examId, otherStaff, zip(Map.of("61.jpg", TestPictures.referencePerson()))), 403,
                "other_exam");
        refused(postZip(examId, student, zip(Map.of("61.jpg", TestPictures.referencePerson()))), 403,
                "staff_only");

        HttpResponse<String> page = send(HttpRequest.newBuilder(DeployedTool.at("/review/settings.xhtml?session="
                + URLEncoder.encode(student, StandardCharsets.UTF_8))).GET().build());
        assertEquals(403, page.statusCode(), page.body());
        assertFalse(page.body().contains("Exception"), page.body());

        refused(putSettings(examId, staff, "{\"frameIntervalSeconds\": 90}"), 400, "settings_invalid");
        JsonObject settings = json(get("/api/exams/" + examId + "/settings", staff));
        assertTrue(settings.getInt("frameIntervalSeconds") >= 2 && settings.getInt("frameIntervalSeconds") <= 60);

        JsonObject report = json(postZip(examId, staff, zip(Map.of("user61@example.com.jpg",
                TestPictures.referencePerson(), "nobody.jpg", TestPictures.referencePerson()))));
        assertTrue(report.getString("summary").startsWith("1 matched, 1 unmatched"), report.toString());
    }

    @Test
    void settingsAccommodationsAndPhotosChangedThroughTheApiAreAudited() throws Exception {
        String staff = token(lms, exam, teacher);
        String examId = examId(staff);
        // Only the frame interval changes (never to 7, the screen test's value; the checks stay as they are).
        JsonObject before = json(get("/api/exams/" + examId + "/settings", staff));
        int interval = before.getInt("frameIntervalSeconds") == 5 ? 6 : 5;
        String changed = jakarta.json.Json.createObjectBuilder(before).add("frameIntervalSeconds", interval).build()
                .toString();
        assertEquals(200, putSettings(examId, staff, changed).statusCode());
        HttpResponse<String> accommodation = send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/" + examId
                        + "/accommodations/62")).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"audio\"], \"note\": \"Hearing aid.\"}"))
                .build());
        assertEquals(200, accommodation.statusCode(), accommodation.body());
        HttpResponse<String> photo = org.invigil.journey.boundary.ProctoringApiIT.put("/api/exams/" + examId
                + "/references/61", staff, TestPictures.referencePerson());
        assertEquals(200, photo.statusCode(), photo.body());
        JsonObject report = json(postZip(examId, staff, zip(Map.of("61.jpg", TestPictures.referencePerson(),
                "nobody-at-all.jpg", TestPictures.referencePerson()))));
        assertTrue(report.getString("summary").startsWith("1 matched, 1 unmatched"), report.toString());

        List<JsonObject> audit = audit(examId, staff);
        JsonObject configured = lastEntry(audit, "configure-exam", "frame interval " + before.getInt(
                "frameIntervalSeconds") + " → " + interval + " s");
        assertEquals("Sett Ings", configured.getString("actor"));
        assertFalse(configured.getString("detail").contains("checks:"), "only what changed: " + configured);
        lastEntry(audit, "accommodate", "student 62: audio off");
        lastEntry(audit, "upload-reference", "student 61");
        lastEntry(audit, "upload-references-zip", "1 matched, 1 unmatched, 0 rejected, 0 duplicates; stored for "
                + "students 61");

        String student = token(lms, exam, ann);
        refused(get("/api/review/exams/" + examId + "/audit", student), 403, "staff_only");
        refused(get("/api/review/exams/" + examId + "/audit", token(lms, otherExam, otherTeacher)), 403,
                "other_exam");
    }

    /** The exam's audit trail as the review API gives it, oldest first. */
    static List<JsonObject> audit(String examId, String staff) throws Exception {
        return json(get("/api/review/exams/" + examId + "/audit", staff)).getJsonArray("entries")
                .getValuesAs(JsonObject.class);
    }

    /** The newest entry of the action whose detail contains the fragment. */
    static JsonObject lastEntry(List<JsonObject> audit, String action, String fragment) {
        return audit.stream().filter(entry -> entry.getString("action").equals(action)
                        && entry.getString("detail").contains(fragment)).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + action + " entry with \"" + fragment + "\" in "
                        + audit));
    }

    @Test
    void anArchiveDeclaredOverTheCapIsRefusedBeforeItIsRead() throws Exception {
        String staff = token(lms, exam, teacher);
        String examId = examId(staff);
        // Announces 2 GB (over any sane invigil.photos.bulk-max-bytes) and sends none of it: the answer can only
        // come from the declared length. A raw socket, since HTTP clients will not announce a body they do not send.
        java.net.URI uri = DeployedTool.at("/api/exams/" + examId + "/references.zip");
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST " + uri.getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Authorization: Bearer " + staff + "\r\n"
                    + "Content-Type: application/zip\r\n"
                    + "Accept: application/json\r\n"
                    + "Content-Length: 2000000000\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = readAnswer(socket.getInputStream(), "zip_archive_too_large");
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("\"code\":\"zip_archive_too_large\""), answer);
            assertTrue(answer.contains("at most"), answer);
        }
    }

    /** What the server answers, up to the closing of the connection, the marker, or 30 s. */
    private static String readAnswer(java.io.InputStream in, String marker) throws java.io.IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) > 0) {
                answer.write(buffer, 0, read);
                String text = answer.toString(StandardCharsets.UTF_8);
                if (text.contains(marker) && text.contains("}")) {
                    break;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            // what came so far is the answer
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /**
     * {@link LmsFlows#deepLinkExam} with its own deep-linking data: the simulator finds the request a response
     * answers by that data, so two courses must not share it.
     */
    static ResourceLink deepLinkIn(Course into, User by, String title) {
        BrowserResponse picker = lms.launch(LaunchRequest.deepLinking(into).as(by).deepLinkingData("data-" + into.id()))
                .run();
        assertEquals(200, picker.status(), picker.body());
        BrowserResponse autoPost = lms.browser().submit(picker.form().with("title", title));
        assertEquals(200, autoPost.status(), autoPost.body());
        BrowserResponse returned = lms.browser().submitForm(autoPost);
        assertEquals(200, returned.status(), returned.body() + " / platform: " + lms.rejections());
        ResourceLink link = lms.deepLinkingResponses().get(lms.deepLinkingResponses().size() - 1).resourceLinks()
                .get(0);
        assertEquals(into.id(), link.course().id());
        return link;
    }

    private static void toggle(Chromium chromium, String check) {
        chromium.click(".check-" + check + " .ui-chkbox-box");
    }

    private static List<String> checks(JsonObject session) {
        return session.getJsonObject("exam").getJsonArray("checks").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    private static HttpResponse<String> putSettings(String examId, String token, String json) throws Exception {
        return send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/" + examId + "/settings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<String> postZip(String examId, String token, byte[] zip) throws Exception {
        return send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/" + examId + "/references.zip"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build());
    }

    static byte[] zip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
