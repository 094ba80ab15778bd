package org.invigil.journey.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.crypto.control.MasterKey;
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

/**
 * The student's proctored exam through the real API of the real WAR, with real face photos: consent, camera check,
 * identity against an instructor's reference photo, a liveness challenge a still photo cannot pass, the gate score,
 * monitoring that turns a change of person, two people, an empty seat, a covered camera and browser events into
 * explained incidents with sealed evidence, and the integrity result in the platform's gradebook.
 */
public class ProctoringApiIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static LtiPlatformSimulator lms;
    /** A frame that became evidence of the different person: it must not be on disk in clear. */
    static byte[] lastEvidenceSample;
    static Course course;
    static ResourceLink exam;
    static User teacher;

    @BeforeAll
    static void examInAMoodleCourse() {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("2", "Tea", "Cher");
        course = lms.course("2", "Chemistry 101").enrol(teacher, Role.INSTRUCTOR);
        for (String[] student : new String[][] {{"3", "Stu", "Dent"}, {"4", "Bea", "Baduploads"},
                {"5", "Dee", "Cline"}, {"6", "Pro", "Xy"}}) {
            course.enrol(lms.user(student[0], student[1], student[2]), Role.LEARNER);
        }
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Final exam");
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    @Test
    void aStudentGoesFromConsentToAnIntegrityResultInTheGradebook() throws Exception {
        String staff = token(teacher);
        assertEquals(200, put("/api/exams/" + examId(staff) + "/references/3", staff, TestPictures.referencePhoto())
                .statusCode());
        String student = token(lms.findUser("3").orElseThrow());

        JsonObject session = json(get("/api/proctoring/session", student));
        String id = session.getString("id");
        assertEquals("consent", session.getString("state"));
        String consentText = session.getJsonObject("consent").getJsonArray("sections").toString();
        for (String needed : List.of("What is captured", "Who sees it", "How long it is kept", "appeal", "decline")) {
            assertTrue(consentText.contains(needed), "the consent says " + needed + ": " + consentText);
        }
        assertEquals("instructor", session.getJsonObject("identity").getString("reference"));

        session = json(postJson("/api/proctoring/sessions/" + id + "/consent", student, Json.createObjectBuilder()
                .add("decision", "accept").add("version", session.getJsonObject("consent").getString("version")).build()));
        assertEquals("system-check", session.getString("state"));

        JsonObject check = json(postJpeg("/api/proctoring/sessions/" + id + "/system-check", student,
                TestPictures.referencePerson(), null));
        assertEquals(1, check.getInt("faces"), check.toString());
        assertFalse(check.getJsonArray("advice").isEmpty());

        JsonObject identity = json(postJpeg("/api/proctoring/sessions/" + id + "/identity", student,
                TestPictures.referencePerson(), null));
        assertEquals("verified", identity.getString("status"), identity.toString());
        assertEquals("liveness", identity.getJsonObject("session").getString("state"));

        JsonObject challenge = json(post("/api/proctoring/sessions/" + id + "/liveness", student));
        assertFalse(challenge.containsKey("steps"), "the steps are handed out one at a time: " + challenge);
        assertEquals(3, challenge.getInt("stepCount"));
        String challengeId = challenge.getString("challenge");
        Set<String> actions = new java.util.HashSet<>();
        JsonObject step = challenge.getJsonObject("step");
        for (int k = 0; k < 3; k++) {
            assertEquals(k, step.getInt("index"));
            actions.add(step.getString("action"));
            for (int frame = 0; frame < challenge.getInt("framesPerStep"); frame++) {
                assertEquals(204, postJpeg("/api/proctoring/sessions/" + id + "/liveness/" + challengeId
                        + "/frames?step=" + k, student, TestPictures.referencePerson(), null).statusCode());
            }
            if (k < 2) {
                step = json(post("/api/proctoring/sessions/" + id + "/liveness/" + challengeId + "/next", student));
            }
        }
        assertEquals(Set.of("blink", "turn-left", "turn-right"), actions);
        JsonObject liveness = json(post("/api/proctoring/sessions/" + id + "/liveness/" + challengeId + "/complete",
                student));
        assertFalse(liveness.getBoolean("passed"), "a still photo can neither blink nor turn: " + liveness);
        assertEquals("liveness", liveness.getJsonObject("session").getString("state"), "a retry is left");
        session = json(post("/api/proctoring/sessions/" + id + "/identity/review", student));
        assertEquals("ready", session.getString("state"), "asking for a person is never a dead end");

        LineItem gate = exam.lineItem().orElseThrow();
        Score passed = LmsFlows.eventually(() -> gate.score("3").filter(s -> "FullyGraded".equals(s.gradingProgress())),
                "the gate score never arrived: " + lms.rejections());
        assertEquals(Optional.of(100.0), passed.grade());

        session = json(post("/api/proctoring/sessions/" + id + "/start", student));
        assertEquals("monitoring", session.getString("state"));
        long sequence = session.getJsonObject("monitoring").getJsonNumber("nextSequence").longValue();
        Instant at = Instant.now().minusSeconds(600);
        for (int i = 0; i < 4; i++) {
            frame(id, student, sequence++, at = at.plusSeconds(3), TestPictures.referencePerson());
        }
        for (int i = 0; i < 8; i++) {
            byte[] another = TestPictures.anotherPerson();
            frame(id, student, sequence++, at = at.plusSeconds(3), another);
            if (i == 1) {
                lastEvidenceSample = another;
            }
        }
        for (int i = 0; i < 2; i++) {
            frame(id, student, sequence++, at = at.plusSeconds(3), TestPictures.twoPeople());
        }
        for (int i = 0; i < 5; i++) {
            frame(id, student, sequence++, at = at.plusSeconds(3), TestPictures.noFace());
        }
        byte[] covered = TestPictures.coveredCamera();
        for (int i = 0; i < 2; i++) {
            frame(id, student, sequence++, at = at.plusSeconds(3), i == 0 ? covered : TestPictures.coveredCamera());
        }
        frame(id, student, sequence++, at = at.plusSeconds(3), TestPictures.referencePerson());
        long hidden = sequence++;
        JsonObject receipt = json(postJson("/api/proctoring/sessions/" + id + "/events", student, events(
                event(hidden, "page-hidden", at.plusSeconds(1)),
                event(sequence++, "page-visible", at.plusSeconds(9)),
                event(sequence++, "paste", at.plusSeconds(10)),
                event(sequence++, "heartbeat", at.plusSeconds(11)))));
        assertEquals(4, receipt.getJsonArray("accepted").size(), receipt.toString());
        HttpResponse<String> replay = postJson("/api/proctoring/sessions/" + id + "/events", student,
                events(event(hidden, "page-hidden", at.plusSeconds(1))));
        assertEquals(409, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("sequence_replayed"));

        JsonObject report = json(get("/api/proctoring/sessions/" + id + "/report", student));
        List<JsonObject> incidents = report.getJsonArray("incidents").getValuesAs(JsonObject.class);
        Set<String> rules = incidents.stream().map(i -> i.getString("rule")).collect(Collectors.toSet());
        for (String rule : List.of("different-person", "several-faces", "no-face", "camera-covered", "tab-hidden",
                "copy-paste")) {
            assertTrue(rules.contains(rule), rule + " missing from " + rules + ": " + report);
        }
        assertFalse(rules.contains("camera-frozen"), "live frames are never frozen: " + rules);
        for (JsonObject incident : incidents) {
            for (String field : List.of("start", "end", "rule", "description", "detector", "threshold")) {
                assertFalse(incident.getString(field).isBlank(), field + " of " + incident);
            }
            assertTrue(incident.getJsonNumber("strength").doubleValue() > 0, incident.toString());
        }
        JsonObject differentPerson = incidents.stream().filter(i -> i.getString("rule").equals("different-person"))
                .findFirst().orElseThrow();
        assertTrue(differentPerson.getString("model").contains("@"), "names the model and version: " + differentPerson);
        assertTrue(differentPerson.containsKey("captureQuality"));
        JsonArray evidence = differentPerson.getJsonArray("evidence");
        assertFalse(evidence.isEmpty(), "a frame-based incident keeps its frames");
        HttpResponse<byte[]> frame = HTTP.send(HttpRequest.newBuilder(DeployedTool.at("/api/proctoring/sessions/" + id
                        + "/evidence/" + evidence.getJsonObject(0).getString("id")))
                .header("Authorization", "Bearer " + student).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, frame.statusCode());
        assertEquals((byte) 0xFF, frame.body()[0]);
        assertEquals((byte) 0xD8, frame.body()[1]);

        session = json(post("/api/proctoring/sessions/" + id + "/end", student));
        assertEquals("ended", session.getString("state"));
        JsonObject result = json(get("/api/proctoring/sessions/" + id + "/report", student)).getJsonObject("result");
        assertEquals("needs-review", result.getString("reviewState"), result.toString());
        assertTrue(result.getInt("score") < 100);
        LineItem integrity = LmsFlows.eventually(() -> course.lineItems().stream()
                .filter(item -> item.tag().equals(Optional.of("invigil-integrity"))
                        && item.resourceLinkId().equals(Optional.of(exam.id()))).findFirst(),
                "no integrity column: " + lms.rejections());
        Score posted = LmsFlows.eventually(() -> integrity.score("3"), "no integrity score: " + lms.rejections());
        assertEquals("PendingManual", posted.gradingProgress(), "a review is pending");
        assertEquals("Completed", posted.activityProgress());
        assertTrue(posted.comment().contains("review"), posted.comment());
        assertTrue(lms.rejections().isEmpty(), "the platform refused: " + lms.rejections());
        assertNothingInClear(lastEvidenceSample, "Stu Dent");
    }

    /**
     * No stretch of the picture is in the database files, while the student's name (a positive control) is: Derby's
     * files by default, PostgreSQL's cluster directory (with its write-ahead log) in the PostgreSQL run of .ci/postgres.
     */
    static void assertNothingInClear(byte[] picture, String knownText) throws IOException {
        Path data = Path.of(System.getProperty("invigil.it.database-files"));
        byte[] middle = Arrays.copyOfRange(picture, picture.length / 2, picture.length / 2 + 48);
        boolean controlFound = false;
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                assertFalse(contains(bytes, middle), "raw evidence bytes found in " + file);
                controlFound |= contains(bytes, knownText.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertTrue(controlFound, "the database files hold the session rows (positive control)");
    }

    @Test
    void badUploadsGetClearErrors() throws Exception {
        String staff = token(teacher);
        User bea = lms.findUser("4").orElseThrow();
        HttpResponse<String> accommodated = send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/" + examId(staff)
                        + "/accommodations/4")).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"]}")).build());
        assertEquals(200, accommodated.statusCode(), accommodated.body());
        String student = token(bea);
        JsonObject session = json(get("/api/proctoring/session", student));
        String id = session.getString("id");
        json(postJson("/api/proctoring/sessions/" + id + "/consent", student, Json.createObjectBuilder()
                .add("decision", "accept").add("version", session.getJsonObject("consent").getString("version")).build()));
        json(postJpeg("/api/proctoring/sessions/" + id + "/system-check", student, TestPictures.referencePerson(), null));
        session = json(post("/api/proctoring/sessions/" + id + "/start", student));
        assertEquals("monitoring", session.getString("state"), "identity and liveness are off for this student");
        String frames = "/api/proctoring/sessions/" + id + "/frames";
        long first = json(post("/api/proctoring/sessions/" + id + "/monitors", student)).getJsonNumber("sequenceStart")
                .longValue();
        long second = json(post("/api/proctoring/sessions/" + id + "/monitors", student)).getJsonNumber("sequenceStart")
                .longValue();
        assertTrue(second - first >= 1_000_000_000L, "two monitors count in separate blocks: " + first + ", " + second);

        HttpResponse<String> text = send(HttpRequest.newBuilder(DeployedTool.at(frames))
                .header("Authorization", "Bearer " + student).header("Content-Type", "text/plain")
                .header("Invigil-Sequence", "1").POST(HttpRequest.BodyPublishers.ofString("hello")).build());
        refused(text, 415, "not_jpeg");
        byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        refused(postJpeg(frames, student, png, "2"), 415, "not_jpeg");
        byte[] huge = new byte[20 * 1024 * 1024];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        refused(postJpeg(frames, student, huge, "3"), 413, "image_too_large");
        refused(postJpeg(frames, "not-a-token", TestPictures.referencePerson(), "4"), 401, "session_invalid");
        refused(postJpeg(frames, expired(student), TestPictures.referencePerson(), "5"), 401, "session_expired");
        String stu = token(lms.findUser("3").orElseThrow());
        refused(postJpeg(frames, stu, TestPictures.referencePerson(), "6"), 403, "session_not_yours");
        refused(postJpeg(frames, student, TestPictures.referencePerson(), "seven"), 400, "sequence_invalid");
        assertEquals(202, postJpeg(frames, student, TestPictures.referencePerson(), "8").statusCode());
        refused(postJpeg(frames, student, TestPictures.referencePerson(), "8"), 409, "sequence_replayed");
        refused(postJson("/api/proctoring/sessions/" + id + "/events", student, Json.createObjectBuilder()
                .add("events", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sequence", 9)
                        .add("type", "keylogger").add("at", Instant.now().toString()))).build()), 400, "event_type_unknown");
    }

    @Test
    void aDeclineIsRecordedAndShownToTheInstructor() throws Exception {
        String student = token(lms.findUser("5").orElseThrow());
        JsonObject session = json(get("/api/proctoring/session", student));
        session = json(postJson("/api/proctoring/sessions/" + session.getString("id") + "/consent", student,
                Json.createObjectBuilder().add("decision", "decline")
                        .add("version", session.getJsonObject("consent").getString("version")).build()));
        assertEquals("declined", session.getString("state"));
        BrowserResponse page = lms.launch(LaunchRequest.resourceLink(exam).as(teacher)).run();
        assertTrue(page.body().contains("Dee Cline") && page.body().contains("declined consent"), page.body());
    }

    @Test
    void aFaceMatchingAnotherStudentsReferenceIsAPossibleProxy() throws Exception {
        String staff = token(teacher);
        assertEquals(200, put("/api/exams/" + examId(staff) + "/references/3", staff, TestPictures.referencePhoto())
                .statusCode());
        String proxy = token(lms.findUser("6").orElseThrow());
        JsonObject session = json(get("/api/proctoring/session", proxy));
        String id = session.getString("id");
        json(postJson("/api/proctoring/sessions/" + id + "/consent", proxy, Json.createObjectBuilder()
                .add("decision", "accept").add("version", session.getJsonObject("consent").getString("version")).build()));
        json(postJpeg("/api/proctoring/sessions/" + id + "/system-check", proxy, TestPictures.referencePerson(), null));
        JsonObject identity = json(postJpeg("/api/proctoring/sessions/" + id + "/identity", proxy,
                TestPictures.referencePerson(), null));
        assertEquals("enrolment-pending", identity.getString("status"), "student 6 has no reference yet: " + identity);
        JsonObject report = json(get("/api/proctoring/sessions/" + id + "/report", proxy));
        JsonObject duplicate = report.getJsonArray("incidents").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("rule").equals("duplicate-face")).findFirst()
                .orElseThrow(() -> new AssertionError("no duplicate-face incident: " + report));
        assertEquals(1.0, duplicate.getJsonNumber("strength").doubleValue(), 1e-9, "student 3's very reference photo: "
                + "descriptor distance 0, through the identity calibration strength 1 (not a constant 0.9): " + duplicate);
        assertTrue(duplicate.getString("strengthBasis").startsWith("measured: the descriptor score"), duplicate.toString());
    }

    @Test
    void theLmsPictureIsTheReferenceWhenThePlatformSendsOne() throws Exception {
        try (LtiPlatformSimulator canvas = LtiPlatformSimulator.start(Flavor.CANVAS)) {
            LmsFlows.registerDynamically(canvas);
            User instructor = canvas.user("t-9", "Ina", "Structor");
            User pictured = canvas.user("s-9", "Pia", "Pictured").avatar(TestPictures.referencePhoto(), "image/jpeg");
            Course physics = canvas.course("c-9", "Physics").enrol(instructor, Role.INSTRUCTOR)
                    .enrol(pictured, Role.LEARNER);
            ResourceLink quiz = LmsFlows.deepLinkExam(canvas, physics, instructor, "Canvas exam");
            String student = token(canvas, quiz, pictured);
            JsonObject session = json(get("/api/proctoring/session", student));
            assertEquals("lms", session.getJsonObject("identity").getString("reference"), session.toString());
            String id = session.getString("id");
            json(postJson("/api/proctoring/sessions/" + id + "/consent", student, Json.createObjectBuilder()
                    .add("decision", "accept").add("version", session.getJsonObject("consent").getString("version"))
                    .build()));
            json(postJpeg("/api/proctoring/sessions/" + id + "/system-check", student, TestPictures.referencePerson(),
                    null));
            JsonObject identity = json(postJpeg("/api/proctoring/sessions/" + id + "/identity", student,
                    TestPictures.referencePerson(), null));
            assertEquals("verified", identity.getString("status"), "compared with the Canvas avatar: " + identity);
            HttpResponse<String> again = postJpeg("/api/proctoring/sessions/" + id + "/identity", student,
                    TestPictures.anotherPerson(), null);
            refused(again, 409, "session_state");
        }
    }

    // ------------------------------------------------------------------ helpers

    public static void frame(String id, String token, long sequence, Instant at, byte[] jpeg) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(DeployedTool.at("/api/proctoring/sessions/" + id
                        + "/frames")).header("Authorization", "Bearer " + token).header("Content-Type", "image/jpeg")
                .header("Invigil-Sequence", Long.toString(sequence)).header("Invigil-Captured-At", at.toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build());
        assertEquals(202, response.statusCode(), response.body());
    }

    public static JsonObject events(JsonObject... events) {
        var array = Json.createArrayBuilder();
        Arrays.stream(events).forEach(array::add);
        return Json.createObjectBuilder().add("events", array).build();
    }

    public static JsonObject event(long sequence, String type, Instant at) {
        return Json.createObjectBuilder().add("sequence", sequence).add("type", type).add("at", at.toString()).build();
    }

    public static void refused(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"code\":\"" + code + "\""), "expected " + code + ": " + response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    /** A launch of the user into the exam; the tool session token is in the page address. */
    public static String token(User user) {
        return token(lms, exam, user);
    }

    public static String token(LtiPlatformSimulator platform, ResourceLink link, User user) {
        return token(platform.launch(LaunchRequest.resourceLink(link).as(user)).run());
    }

    /** The tool session token of a launch's landing page (in its address). */
    public static String token(BrowserResponse page) {
        assertEquals(200, page.status(), page.body());
        String query = page.uri().getRawQuery();
        return URLDecoder.decode(query.substring(query.indexOf("session=") + 8), StandardCharsets.UTF_8);
    }

    /** The same session, expired: minted with the test instance's master key. */
    public static String expired(String token) {
        MasterKey key = new MasterKey(Base64.getDecoder().decode(System.getProperty("invigil.it.master-key")));
        ToolSession session = new ToolSessions(key, 60, Clock.systemUTC()).open(token);
        ToolSessions past = new ToolSessions(key, 60, Clock.fixed(Instant.now().minusSeconds(7200), ZoneOffset.UTC));
        return past.issue(new ToolSession(session.registrationId(), session.issuer(), session.clientId(),
                session.deploymentId(), session.contextId(), session.contextTitle(), session.resourceLinkId(),
                session.examId(), session.userId(), session.userName(), session.email(), session.picture(),
                session.roles(), session.audience(), session.deepLinkReturnUrl(), session.deepLinkData(),
                past.expiryFromNow()));
    }

    public static String examId(String token) {
        MasterKey key = new MasterKey(Base64.getDecoder().decode(System.getProperty("invigil.it.master-key")));
        return new ToolSessions(key, 60, Clock.systemUTC()).open(token).examId().orElseThrow();
    }

    public static HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(DeployedTool.at(path)).header("Authorization", "Bearer " + token).GET().build());
    }

    public static HttpResponse<String> post(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(DeployedTool.at(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public static HttpResponse<String> postJson(String path, String token, JsonObject body) throws Exception {
        return send(HttpRequest.newBuilder(DeployedTool.at(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    public static HttpResponse<String> postJpeg(String path, String token, byte[] jpeg, String sequence) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(DeployedTool.at(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(jpeg));
        if (sequence != null) {
            request.header("Invigil-Sequence", sequence);
        }
        return send(request.build());
    }

    public static HttpResponse<String> put(String path, String token, byte[] jpeg) throws Exception {
        return send(HttpRequest.newBuilder(DeployedTool.at(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build());
    }

    /** Sets a student's accommodations ({@code {"checksOff": [...], ...}}) in the staff token's exam. */
    public static void accommodate(String staff, String userId, String accommodations) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/" + examId(staff)
                        + "/accommodations/" + URLEncoder.encode(userId, StandardCharsets.UTF_8)
                        .replace("+", "%20")))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(accommodations)).build());
        assertEquals(200, answer.statusCode(), answer.body());
    }

    public static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static JsonObject json(HttpResponse<String> response) {
        assertTrue(response.statusCode() / 100 == 2, response.statusCode() + ": " + response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

}
