package org.invigil.journey.boundary;

import static org.invigil.journey.boundary.ProctoringApiIT.json;
import static org.invigil.journey.boundary.ProctoringApiIT.post;
import static org.invigil.journey.boundary.ProctoringApiIT.postJpeg;
import static org.invigil.journey.boundary.ProctoringApiIT.postJson;
import static org.invigil.journey.boundary.ProctoringApiIT.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.Role;
import org.invigil.simulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against the real WAR over HTTP, with a real student session in monitoring: each case is answered
 * with a 4xx {@code application/problem+json} that names the problem — never a 5xx — and afterwards the session still
 * works: a valid event is accepted and every event accepted before is still known (a resend is a duplicate).
 */
public class HostileInputIT {

    static LtiPlatformSimulator lms;
    static String staff;
    static String student;
    static String sessionId;
    static AtomicLong sequence;
    static final List<Long> accepted = new ArrayList<>();

    @BeforeAll
    static void aStudentIsBeingMonitored() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        User teacher = lms.user("h-1", "Hana", "Teacher");
        User learner = lms.user("h-2", "Mal", "Lory");
        Course course = lms.course("h-c", "Security 101").enrol(teacher, Role.INSTRUCTOR).enrol(learner, Role.LEARNER);
        ResourceLink exam = LmsFlows.deepLinkExam(lms, course, teacher, "Hostile exam");
        staff = ProctoringApiIT.token(lms, exam, teacher);
        HttpResponse<String> accommodated = send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/"
                        + ProctoringApiIT.examId(staff) + "/accommodations/h-2"))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"]}")).build());
        assertEquals(200, accommodated.statusCode(), accommodated.body());
        student = ProctoringApiIT.token(lms, exam, learner);
        JsonObject session = json(ProctoringApiIT.get("/api/proctoring/session", student));
        sessionId = session.getString("id");
        json(postJson(path("/consent"), student, Json.createObjectBuilder().add("decision", "accept")
                .add("version", session.getJsonObject("consent").getString("version")).build()));
        json(postJpeg(path("/system-check"), student, TestPictures.referencePerson(), null));
        session = json(post(path("/start"), student));
        assertEquals("monitoring", session.getString("state"), session.toString());
        sequence = new AtomicLong(session.getJsonObject("monitoring").getJsonNumber("nextSequence").longValue());
        theSessionStillWorks();
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    /** After every hostile request: a valid event is accepted, and all accepted before are still there. */
    @AfterEach
    void theSessionStillWorksAfterwards() throws Exception {
        theSessionStillWorks();
    }

    static void theSessionStillWorks() throws Exception {
        long next = sequence.getAndIncrement();
        JsonObject receipt = json(events("{\"events\": [{\"sequence\": " + next + ", \"type\": \"heartbeat\", \"at\": \""
                + Instant.now() + "\", \"data\": {}}]}"));
        assertEquals(List.of(next), receipt.getJsonArray("accepted").getValuesAs(jakarta.json.JsonNumber.class)
                .stream().map(jakarta.json.JsonNumber::longValue).toList(), receipt.toString());
        StringBuilder again = new StringBuilder("{\"events\": [");
        for (int i = 0; i < accepted.size(); i++) {
            again.append(i == 0 ? "" : ",").append("{\"sequence\": ").append(accepted.get(i))
                    .append(", \"type\": \"heartbeat\"}");
        }
        if (!accepted.isEmpty()) {
            HttpResponse<String> resent = events(again.append("]}").toString());
            ProctoringApiIT.refused(resent, 409, "sequence_replayed");
        }
        accepted.add(next);
    }

    // ------------------------------------------------------------------ JSON shape and depth

    @Test
    void aTopLevelArrayIsRefusedAsNotAnObject() throws Exception {
        problem(events("[{\"sequence\": " + sequence.get() + ", \"type\": \"heartbeat\"}]"), 400, "json_type",
                "must be a JSON object, not an array");
    }

    @Test
    void eventDataNested20000LevelsIsRefusedAsTooDeep() throws Exception {
        String nested = "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000);
        problem(events(event("heartbeat", "\"data\": " + nested)), 400, "json_too_deep", "deeper than 32");
    }

    @Test
    void aNameTwiceInOneObjectIsRefused() throws Exception {
        problem(events("{\"events\": [], \"events\": [{\"sequence\": " + sequence.get()
                + ", \"type\": \"heartbeat\"}]}"), 400, "json_duplicate_name", "\"events\" twice");
    }

    @Test
    void anObjectWithTooManyMembersIsRefused() throws Exception {
        StringBuilder data = new StringBuilder("{");
        for (int i = 0; i <= 1000; i++) {
            data.append(i == 0 ? "" : ",").append("\"m").append(i).append("\":0");
        }
        problem(events(event("heartbeat", "\"data\": " + data + "}")), 400, "json_too_many_members", "1000");
    }

    @Test
    void nanAndInfinityLiteralsAreNotJson() throws Exception {
        problem(events(event("audio-noise", "\"data\": {\"durationMs\": NaN}")), 400, "json_malformed", "not valid");
        problem(events(event("audio-noise", "\"data\": {\"durationMs\": Infinity}")), 400, "json_malformed",
                "not valid");
    }

    @Test
    void aHugeBodyIsTooLargeAndAHugeStringTooLong() throws Exception {
        problem(events(event("heartbeat", "\"data\": {\"x\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}")), 413,
                "json_too_large", "larger than");
        problem(events(event("heartbeat", "\"data\": {\"x\": \"" + "a".repeat(100_000) + "\"}")), 400,
                "json_string_too_long", "longer than");
    }

    @Test
    void anEmptyBodyIsRefused() throws Exception {
        problem(events(""), 400, "events_missing", "events");
        problem(events("   "), 400, "events_missing", "events");
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(event("heartbeat", "\"data\": {\"x\": \"").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        body.write("\"}}]}".getBytes(StandardCharsets.UTF_8));
        problem(send(request("/events").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build()), 400, "json_not_utf8",
                "UTF-8");
    }

    @Test
    void aContentTypeThatLiesIsRefused() throws Exception {
        String valid = event("heartbeat", "\"data\": {}");
        problem(send(request("/events").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(valid)).build()), 415, "http_415", "content type");
        problem(send(request("/events").header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofString(valid)).build()), 415, "http_415", "content type");
        problem(send(request("/events").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestPictures.referencePerson())).build()), 400,
                "json_not_utf8", "UTF-8");
        HttpResponse<String> jsonAsJpeg = send(request("/frames").header("Content-Type", "image/jpeg")
                .header("Invigil-Sequence", Long.toString(sequence.get()))
                .POST(HttpRequest.BodyPublishers.ofString(valid)).build());
        assertEquals(4, jsonAsJpeg.statusCode() / 100, jsonAsJpeg.statusCode() + ": " + jsonAsJpeg.body());
        assertProblem(jsonAsJpeg);
    }

    @Test
    void otherJsonEndpointsRefuseTheWrongShapeToo() throws Exception {
        problem(postJsonText(path("/consent"), student, "[\"accept\"]"), 400, "json_type",
                "must be a JSON object, not an array");
        problem(postJsonText(path("/consent"), student, "\"accept\""), 400, "json_type",
                "must be a JSON object, not a string");
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        problem(send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/" + ProctoringApiIT.examId(staff)
                        + "/settings")).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"checks\": " + deep + "}")).build()), 400, "json_too_deep",
                "deeper than 32");
        problem(send(HttpRequest.newBuilder(DeployedTool.at("/api/admin/platforms"))
                .header("Authorization", "Bearer " + DeployedTool.adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("[{\"issuer\": \"https://lms.example\"}]")).build()), 400,
                "json_type", "must be a JSON object, not an array");
    }

    // ------------------------------------------------------------------ numbers

    @Test
    void aSequenceBeyondTwoToThe53IsRefusedNotTruncated() throws Exception {
        problem(events("{\"events\": [{\"sequence\": 1000000000000000000000000000000, \"type\": \"heartbeat\"}]}"),
                400, "sequence_invalid", "events[0].sequence");
        problem(events("{\"events\": [{\"sequence\": 9007199254740992, \"type\": \"heartbeat\"}]}"), 400,
                "sequence_invalid", "9007199254740991");
        problem(events("{\"events\": [{\"sequence\": 1e30, \"type\": \"heartbeat\"}]}"), 400, "sequence_invalid",
                "events[0].sequence");
        problem(events("{\"events\": [{\"sequence\": 1.5, \"type\": \"heartbeat\"}]}"), 400, "sequence_invalid",
                "whole number");
        problem(events("{\"events\": [{\"sequence\": \"" + sequence.get() + "\", \"type\": \"heartbeat\"}]}"), 400,
                "sequence_invalid", "not a string");
        problem(frame("1000000000000000000000000000000", null), 400, "sequence_invalid", "Invigil-Sequence");
        problem(frame("9007199254740992", null), 400, "sequence_invalid", "9007199254740991");
        problem(frame("-3", null), 400, "sequence_invalid", "Invigil-Sequence");
    }

    @Test
    void anEndlessSoundIsRefusedNamingTheField() throws Exception {
        problem(events(event("audio-voice", "\"data\": {\"durationMs\": 1e300, \"level\": 0.5}")), 400,
                "event_data_out_of_range", "events[0].data.durationMs");
        problem(events(event("audio-voice", "\"data\": {\"durationMs\": 1e999999999}")), 400,
                "json_number_out_of_range", "beyond");
        problem(events(event("audio-voice", "\"data\": {\"durationMs\": -5}")), 400, "event_data_out_of_range",
                "durationMs");
        problem(events(event("audio-voice", "\"data\": {\"durationMs\": \"long\"}")), 400, "event_data_out_of_range",
                "not a string");
        problem(events(event("audio-noise", "\"data\": {\"durationMs\": 6000, \"level\": 7}")), 400,
                "event_data_out_of_range", "events[0].data.level");
        problem(events(event("multiple-screens", "\"data\": {\"screens\": 2.5}")), 400, "event_data_out_of_range",
                "events[0].data.screens");
        problem(events(event("heartbeat", "\"data\": [1, 2]")), 400, "event_data_invalid", "not an array");
    }

    @Test
    void aLivenessStepThatIsNoNumberIsABadRequestNotAMissingPage() throws Exception {
        for (String step : new String[] {"99999999999", "one", "-1", ""}) {
            problem(send(request("/liveness/none/frames?step=" + step).header("Content-Type", "image/jpeg")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(TestPictures.referencePerson())).build()), 400,
                    "liveness_step", "?step=");
        }
    }

    @Test
    void aTextThatCannotBeAnIdIsAnUnknownSessionNotAnError() throws Exception {
        for (String id : new String[] {"x".repeat(300), "caf%C3%A9"}) {
            problem(send(HttpRequest.newBuilder(DeployedTool.at("/api/proctoring/sessions/" + id))
                    .header("Authorization", "Bearer " + student).GET().build()), 404, "session_unknown",
                    "not the id of any session");
            problem(send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/" + id + "/settings"))
                    .header("Authorization", "Bearer " + staff).GET().build()), 404, "exam_unknown",
                    "not the id of any exam");
        }
        assertEquals(401, send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/caf%C3%A9/settings")).GET().build())
                .statusCode(), "without a session the answer is still: sign in first");
        assertEquals(401, send(HttpRequest.newBuilder(DeployedTool.at("/api/proctoring/sessions/caf%C3%A9")).GET()
                .build()).statusCode(), "for an attempt too");
    }

    // ------------------------------------------------------------------ times

    @Test
    void aTimeBeforeYearOneOrAfter9999IsRefused() throws Exception {
        problem(events(rawEvent("\"at\": \"-999999999-01-01T00:00:00Z\"")), 400, "at_invalid", "events[0].at");
        problem(events(rawEvent("\"at\": \"+10000-01-01T00:00:00Z\"")), 400, "at_invalid", "9999");
        problem(events(rawEvent("\"at\": \"yesterday\"")), 400, "at_invalid", "ISO-8601");
        problem(events(rawEvent("\"at\": 1700000000000")), 400, "at_invalid", "not a number");
        problem(frame(Long.toString(sequence.get()), "-999999999-01-01T00:00:00Z"), 400, "captured_at_invalid",
                "Invigil-Captured-At");
    }

    @Test
    void anEventTimeLongPastCountsAsReceivedNow() throws Exception {
        Instant before = Instant.now().minusSeconds(5);
        long printed = sequence.getAndIncrement();
        JsonObject receipt = json(events("{\"events\": [{\"sequence\": " + printed + ", \"type\": \"print\", \"at\": \""
                + Instant.now().minus(Duration.ofDays(30)) + "\"}]}"));
        assertEquals(1, receipt.getJsonArray("accepted").size(), receipt.toString());
        accepted.add(printed);
        JsonObject print = json(ProctoringApiIT.get(path("/report"), student)).getJsonArray("incidents")
                .getValuesAs(JsonObject.class).stream().filter(i -> i.getString("rule").equals("print")).findFirst()
                .orElseThrow();
        Instant start = Instant.parse(print.getString("start"));
        assertFalse(start.isBefore(before), "a month-old time is placed in the attempt's window: " + print);
        assertFalse(start.isAfter(Instant.now().plusSeconds(5)), print.toString());
    }

    // ------------------------------------------------------------------ a platform's configuration

    @Test
    void aRegistrationConfigurationNested5000LevelsIsRefused() throws Exception {
        HttpServer platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + platform.getAddress().getPort();
        byte[] configuration = ("{\"issuer\": \"" + base + "\", \"authorization_endpoint\": \"" + base + "/auth\", "
                + "\"token_endpoint\": \"" + base + "/token\", \"jwks_uri\": \"" + base + "/jwks\", "
                + "\"registration_endpoint\": \"" + base + "/register\", \"x\": " + "[".repeat(5_000)
                + "]".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8);
        platform.createContext("/configuration", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, configuration.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(configuration);
            }
        });
        platform.start();
        try {
            HttpResponse<String> page = send(HttpRequest.newBuilder(DeployedTool.at("/lti/register?openid_configuration="
                    + URLEncoder.encode(base + "/configuration", StandardCharsets.UTF_8) + "&registration_token=t"))
                    .GET().build()); // no Accept: an API caller, answered with problem+json
            problem(page, 422, "openid_configuration_malformed", "");
        } finally {
            platform.stop(0);
        }
    }

    // ------------------------------------------------------------------ helpers

    static String path(String tail) {
        return "/api/proctoring/sessions/" + sessionId + tail;
    }

    static HttpRequest.Builder request(String tail) {
        return HttpRequest.newBuilder(DeployedTool.at(path(tail))).header("Authorization", "Bearer " + student);
    }

    static HttpResponse<String> events(String body) throws Exception {
        return postJsonText(path("/events"), student, body);
    }

    static HttpResponse<String> postJsonText(String path, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(DeployedTool.at(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static HttpResponse<String> frame(String number, String capturedAt) throws Exception {
        HttpRequest.Builder request = request("/frames").header("Content-Type", "image/jpeg")
                .header("Invigil-Sequence", number);
        if (capturedAt != null) {
            request.header("Invigil-Captured-At", capturedAt);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(TestPictures.referencePerson())).build());
    }

    /** One event of the type with a fresh (unused) sequence number, now, and the given further members. */
    static String event(String type, String members) {
        return "{\"events\": [{\"sequence\": " + sequence.get() + ", \"type\": \"" + type + "\", \"at\": \""
                + Instant.now() + "\", " + members + "}]}";
    }

    static String rawEvent(String members) {
        return "{\"events\": [{\"sequence\": " + sequence.get() + ", \"type\": \"heartbeat\", " + members + "}]}";
    }

    static void problem(HttpResponse<String> response, int status, String code, String says) {
        assertEquals(status, response.statusCode(), response.body());
        assertProblem(response);
        JsonObject problem = parse(response.body());
        assertEquals(code, problem.getString("code"), response.body());
        assertTrue(problem.getString("detail").contains(says), "the detail says " + says + ": " + response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
    }

    static void assertProblem(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "problem+json: " + response.headers().map() + " " + response.body());
    }

    static JsonObject parse(String text) {
        return Json.createReader(new java.io.StringReader(text)).readObject();
    }
}
