package org.invigil.review.boundary;

import static org.invigil.journey.boundary.ProctoringApiIT.frame;
import static org.invigil.journey.boundary.ProctoringApiIT.get;
import static org.invigil.journey.boundary.ProctoringApiIT.json;
import static org.invigil.journey.boundary.ProctoringApiIT.post;
import static org.invigil.journey.boundary.ProctoringApiIT.postJpeg;
import static org.invigil.journey.boundary.ProctoringApiIT.postJson;
import static org.invigil.journey.boundary.ProctoringApiIT.refused;
import static org.invigil.journey.boundary.ProctoringApiIT.send;
import static org.invigil.journey.boundary.ProctoringApiIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.journey.boundary.ProctoringApiIT;
import org.invigil.journey.boundary.TestPictures;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
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
 * A person decides: the exam's instructor sees the attempt that needs review first, opens its incidents and
 * evidence, decides, and the decision reaches the gradebook as FullyGraded with the decision in the comment; every
 * view and decision is in the audit trail; students and another exam's staff are refused.
 */
public class ReviewApiIT {

    static LtiPlatformSimulator lms;
    static Course course;
    static ResourceLink exam;
    static ResourceLink otherExam;
    static User teacher;

    @BeforeAll
    static void twoAttemptsEnded() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("40", "Rita", "Reviewer");
        course = lms.course("4", "Ethics").enrol(teacher, Role.INSTRUCTOR)
                .enrol(lms.user("41", "Two", "Faces"), Role.LEARNER).enrol(lms.user("42", "Clean", "Run"), Role.LEARNER);
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Ethics exam");
        otherExam = LmsFlows.deepLinkExam(lms, course, teacher, "Ethics quiz");
        String staff = token(lms, exam, teacher);
        String examId = ProctoringApiIT.examId(staff);
        for (String user : List.of("41", "42")) {
            HttpResponse<String> accommodated = send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/" + examId
                            + "/accommodations/" + user)).header("Authorization", "Bearer " + staff)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"]}")).build());
            assertEquals(200, accommodated.statusCode(), accommodated.body());
        }
        attempt(lms, exam, "41", List.of(TestPictures.twoPeople(), TestPictures.twoPeople(), TestPictures.twoPeople()));
        attempt(lms, exam, "42", List.of(TestPictures.referencePerson(), TestPictures.referencePerson()));
    }

    /** A student with identity and liveness switched off consents, shows the pictures and ends. */
    public static void attempt(LtiPlatformSimulator lms, ResourceLink exam, String userId, List<byte[]> pictures)
            throws Exception {
        String student = token(lms, exam, lms.findUser(userId).orElseThrow());
        JsonObject session = json(get("/api/proctoring/session", student));
        String id = session.getString("id");
        json(postJson("/api/proctoring/sessions/" + id + "/consent", student, Json.createObjectBuilder()
                .add("decision", "accept").add("version", session.getJsonObject("consent").getString("version")).build()));
        json(postJpeg("/api/proctoring/sessions/" + id + "/system-check", student, TestPictures.referencePerson(), null));
        json(post("/api/proctoring/sessions/" + id + "/start", student));
        // pictures of the last seconds: the attempt is monitored until it ends (coverage)
        Instant at = Instant.now().minusSeconds(3L * pictures.size() + 1);
        long sequence = 1;
        for (byte[] picture : pictures) {
            frame(id, student, sequence++, at = at.plusSeconds(3), picture);
        }
        json(post("/api/proctoring/sessions/" + id + "/end", student));
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    @Test
    void theInstructorDecidesAndTheGradebookHearsIt() throws Exception {
        String staff = token(lms, exam, teacher);
        String examId = ProctoringApiIT.examId(staff);
        List<JsonObject> queue = json(get("/api/review/exams/" + examId + "/sessions", staff))
                .getJsonArray("sessions").getValuesAs(JsonObject.class);
        assertEquals(List.of("Two Faces", "Clean Run"), queue.stream().map(s -> s.getString("student"))
                .collect(Collectors.toList()), "the attempt that needs a person comes first: " + queue);
        assertEquals("needs-review", queue.get(0).getString("reviewState"));
        assertEquals("no-review-needed", queue.get(1).getString("reviewState"));

        String sessionId = queue.get(0).getString("sessionId");
        JsonObject detail = json(get("/api/review/sessions/" + sessionId, staff));
        JsonObject incident = detail.getJsonArray("incidents").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("rule").equals("several-faces")).findFirst().orElseThrow();
        String frameId = incident.getJsonArray("evidence").getJsonObject(0).getString("id");
        HttpResponse<byte[]> frame = HttpClient.newHttpClient().send(HttpRequest.newBuilder(DeployedTool.at(
                        "/api/review/sessions/" + sessionId + "/evidence/" + frameId))
                .header("Authorization", "Bearer " + staff).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, frame.statusCode());
        assertEquals((byte) 0xD8, frame.body()[1]);

        json(postJson("/api/review/sessions/" + sessionId + "/incidents/" + incident.getString("id") + "/decision",
                staff, Json.createObjectBuilder().add("outcome", "confirmed").add("note", "a second person helped")
                        .build()));
        json(postJson("/api/review/sessions/" + sessionId + "/decision", staff, Json.createObjectBuilder()
                .add("outcome", "confirmed").add("note", "referred to the integrity office").build()));

        LineItem integrity = LmsFlows.eventually(() -> course.lineItems().stream()
                .filter(item -> item.tag().equals(Optional.of("invigil-integrity"))
                        && item.resourceLinkId().equals(Optional.of(exam.id()))).findFirst(), "no integrity column");
        Supplier<Optional<Score>> decided = () -> integrity.score("41")
                .filter(score -> "FullyGraded".equals(score.gradingProgress()));
        Score score = LmsFlows.eventually(decided, "the decision never reached the gradebook: " + lms.rejections());
        assertTrue(score.comment().contains("confirmed") && score.comment().contains("referred to the integrity office"),
                score.comment());

        JsonObject reviewed = json(get("/api/review/sessions/" + sessionId, staff));
        assertEquals("reviewed", reviewed.getJsonObject("result").getString("reviewState"));
        assertEquals(2, reviewed.getJsonArray("decisions").size());
        List<String> actions = json(get("/api/review/sessions/" + sessionId + "/audit", staff)).getJsonArray("entries")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
        assertTrue(actions.containsAll(List.of("view-session", "view-evidence", "decide-incident", "decide-session")),
                "audited: " + actions);
    }

    @Test
    void studentsAndOtherExamsStaffCannotReview() throws Exception {
        String staff = token(lms, exam, teacher);
        String examId = ProctoringApiIT.examId(staff);
        String sessionId = json(get("/api/review/exams/" + examId + "/sessions", staff)).getJsonArray("sessions")
                .getJsonObject(0).getString("sessionId");
        String student = token(lms, exam, lms.findUser("42").orElseThrow());
        refused(get("/api/review/exams/" + examId + "/sessions", student), 403, "staff_only");
        refused(get("/api/review/sessions/" + sessionId, student), 403, "staff_only");
        String otherStaff = token(lms, otherExam, teacher);
        refused(get("/api/review/sessions/" + sessionId, otherStaff), 403, "other_exam");
        refused(postJson("/api/review/sessions/" + sessionId + "/decision", staff,
                Json.createObjectBuilder().add("outcome", "guilty").build()), 400, "outcome_invalid");
    }
}
