package org.invigil.notification.boundary;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.journey.boundary.ProctoringApiIT;
import org.invigil.journey.boundary.TestPictures;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.Role;
import org.invigil.simulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An instructor subscribes to an exam, the tool administrator gives the platform a webhook, a student's attempt
 * needs review: the email arrives at a real SMTP server (GreenMail, in this JVM, on the port the tool was started
 * with) and the webhook receiver (a JDK HTTP server) gets the event with a valid signature; the decision follows
 * as {@code attempt.reviewed}. Students cannot subscribe.
 */
class NotificationsIT {

    static final String SECRET = "it-webhook-secret-0123456789";
    static final long WAIT_SECONDS = 120;

    record Received(String event, String delivery, String signature, String body) {
    }

    static GreenMail smtp;
    static HttpServer receiver;
    static final BlockingQueue<Received> hooks = new LinkedBlockingQueue<>();
    static LtiPlatformSimulator lms;
    static ResourceLink exam;
    static User teacher;
    static String platformId;

    @BeforeAll
    static void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(Integer.getInteger("invigil.it.smtp-port"), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            hooks.add(new Received(exchange.getRequestHeaders().getFirst("Invigil-Event"),
                    exchange.getRequestHeaders().getFirst("Invigil-Delivery"),
                    exchange.getRequestHeaders().getFirst("Invigil-Signature"),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("80", "Nora", "Notify");
        Course course = lms.course("8", "Chemistry").enrol(teacher, Role.INSTRUCTOR)
                .enrol(lms.user("81", "Tess", "Twofaces"), Role.LEARNER)
                .enrol(lms.user("82", "Sam", "Student"), Role.LEARNER);
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Chemistry exam");
        platformId = platformOf(lms.issuer());
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (lms != null) {
            lms.close();
        }
    }

    @Test
    void theInstructorGetsAnEmailAndTheWebhookASignedEventWhenAnAttemptNeedsReview() throws Exception {
        String staff = token(lms, exam, teacher);
        String examId = ProctoringApiIT.examId(staff);
        JsonObject subscription = json(send(HttpRequest.newBuilder(DeployedTool.at("/api/notifications/exams/"
                + examId)).header("Authorization", "Bearer " + staff).PUT(HttpRequest.BodyPublishers.noBody()).build()));
        assertEquals("user80@example.com", subscription.getString("email"), "the address from the launch");
        JsonObject overview = json(get("/api/notifications", staff));
        assertTrue(overview.getJsonObject("email").getBoolean("enabled"), overview.toString());
        assertEquals(examId, overview.getJsonArray("subscriptions").getJsonObject(0).getString("examId"));

        HttpResponse<String> webhook = admin("PUT", "/api/admin/platforms/" + platformId + "/webhook",
                Json.createObjectBuilder().add("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                        .add("secret", SECRET).build().toString());
        assertEquals(200, webhook.statusCode(), webhook.body());
        assertFalse(webhook.body().contains(SECRET), "the secret is never shown back: " + webhook.body());

        accommodate(staff, examId, "81");
        String sessionId = attempt("81", List.of(TestPictures.twoPeople(), TestPictures.twoPeople(),
                TestPictures.twoPeople()));

        assertTrue(smtp.waitForIncomingEmail(TimeUnit.SECONDS.toMillis(WAIT_SECONDS), 1), "no email arrived");
        MimeMessage email = smtp.getReceivedMessages()[0];
        assertEquals("user80@example.com", email.getAllRecipients()[0].toString());
        assertEquals("Invigil: Tess Twofaces needs review in Chemistry exam", email.getSubject());
        Multipart alternatives = (Multipart) email.getContent();
        String text = (String) alternatives.getBodyPart(0).getContent();
        assertTrue(text.contains("Tess Twofaces's attempt at Chemistry exam (Chemistry) needs a review."), text);
        assertTrue(text.contains("More than one face was visible."), "the rule that took points off: " + text);
        assertTrue(text.contains("Open the exam from your course page to review"), text);
        assertTrue(alternatives.getBodyPart(1).getContentType().startsWith("text/html"));

        Received event = next("attempt.needs_review");
        assertTrue(signatureValid(event), "signature " + event.signature() + " for " + event.body());
        assertEquals(UUID.fromString(event.delivery()).toString(), event.delivery());
        JsonObject body = Json.createReader(new StringReader(event.body())).readObject();
        assertEquals("attempt.needs_review", body.getString("type"));
        assertEquals("Chemistry exam", body.getJsonObject("exam").getString("title"));
        assertEquals("Chemistry", body.getJsonObject("exam").getString("course"));
        JsonObject attempt = body.getJsonObject("attempt");
        assertEquals(sessionId, attempt.getString("id"));
        assertEquals("Tess Twofaces", attempt.getString("student"));
        assertEquals("needs-review", attempt.getString("reviewState"));
        assertTrue(attempt.getInt("score") < 100, attempt.toString());
        assertTrue(attempt.getJsonArray("reasons").getValuesAs(JsonString.class).stream()
                .anyMatch(reason -> reason.getString().equals("several-faces")), attempt.toString());

        json(postJson("/api/review/sessions/" + sessionId + "/decision", staff, Json.createObjectBuilder()
                .add("outcome", "cleared").add("note", "the second face was a photo on the wall").build()));
        Received reviewed = next("attempt.reviewed");
        assertTrue(signatureValid(reviewed), reviewed.toString());
        JsonObject decided = Json.createReader(new StringReader(reviewed.body())).readObject().getJsonObject("attempt");
        assertEquals("reviewed", decided.getString("reviewState"));
        assertEquals("cleared", decided.getString("decision"));
        assertEquals(100, decided.getInt("score"));
        assertEquals(1, smtp.getReceivedMessages().length, "the email went once, and only for needs review");
    }

    @Test
    void aStudentCannotSubscribe() throws Exception {
        String student = token(lms, exam, lms.findUser("82").orElseThrow());
        String examId = ProctoringApiIT.examId(student);
        refused(send(HttpRequest.newBuilder(DeployedTool.at("/api/notifications/exams/" + examId))
                .header("Authorization", "Bearer " + student).PUT(HttpRequest.BodyPublishers.noBody()).build()),
                403, "staff_only");
        refused(send(HttpRequest.newBuilder(DeployedTool.at("/api/notifications/platform"))
                .header("Authorization", "Bearer " + student).PUT(HttpRequest.BodyPublishers.noBody()).build()),
                403, "officers_only");
        String instructor = token(lms, exam, teacher);
        refused(send(HttpRequest.newBuilder(DeployedTool.at("/api/notifications/platform"))
                .header("Authorization", "Bearer " + instructor).PUT(HttpRequest.BodyPublishers.noBody()).build()),
                403, "officers_only");
        refused(send(HttpRequest.newBuilder(DeployedTool.at("/api/notifications/exams/" + examId))
                .PUT(HttpRequest.BodyPublishers.noBody()).build()), 401, "session_missing");
    }

    @Test
    void onlyTheAdministratorConfiguresWebhooksAndOnlySafeUrls() throws Exception {
        String instructor = token(lms, exam, teacher);
        HttpResponse<String> asInstructor = send(HttpRequest.newBuilder(DeployedTool.at("/api/admin/platforms/"
                        + platformId + "/webhook")).header("Authorization", "Bearer " + instructor)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"url\": \"https://chat.example.com/hook\"}")).build());
        assertEquals(401, asInstructor.statusCode(), asInstructor.body());
        refused(admin("PUT", "/api/admin/platforms/" + platformId + "/webhook",
                "{\"url\": \"http://chat.example.com/hook\"}"), 400, "url_insecure");
        refused(admin("PUT", "/api/admin/platforms/" + platformId + "/webhook",
                "{\"url\": \"https://chat.example.com/hook\", \"secret\": \"short\"}"), 400, "secret_weak");
        refused(admin("PUT", "/api/admin/platforms/no-such-platform/webhook",
                "{\"url\": \"https://chat.example.com/hook\"}"), 404, "platform_unknown");
    }

    /** The next webhook event of the type; others (none expected) are skipped. */
    static Received next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            Received received = hooks.poll(1, TimeUnit.SECONDS);
            if (received != null && type.equals(received.event())) {
                return received;
            }
        }
        throw new AssertionError("no " + type + " webhook arrived");
    }

    /** What a receiver does (src/site/notifications.md), written here independently of the tool's code. */
    static boolean signatureValid(Received received) throws Exception {
        assertNotNull(received.signature(), "no Invigil-Signature header");
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : received.signature().split(",")) {
            String[] pair = part.split("=", 2);
            parts.put(pair[0], pair[1]);
        }
        long t = Long.parseLong(parts.get("t"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - t) < 300, "signed just now: " + t);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + received.body())
                .getBytes(StandardCharsets.UTF_8)));
        return expected.equals(parts.get("v1"));
    }

    static HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(DeployedTool.at(path)).header("Authorization", "Bearer "
                        + DeployedTool.adminToken()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** As in ReviewAccessIT: the tool's id of the simulated platform. */
    static String platformOf(String issuer) {
        return Json.createReader(new StringReader(DeployedTool.get("/api/admin/platforms", "Authorization",
                        "Bearer " + DeployedTool.adminToken()).body())).readArray()
                .getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("issuer").equals(issuer)).findFirst().orElseThrow().getString("id");
    }

    /** As in ReviewAccessIT: identity and liveness off for the student, for a quick set-up. */
    static void accommodate(String staff, String examId, String student) throws Exception {
        HttpResponse<String> done = send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/" + examId
                        + "/accommodations/" + student)).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"]}")).build());
        assertEquals(200, done.statusCode(), done.body());
    }

    /** As in ReviewApiIT: the student consents, shows the pictures and ends; returns the attempt's id. */
    static String attempt(String userId, List<byte[]> pictures) throws Exception {
        String student = token(lms, exam, lms.findUser(userId).orElseThrow());
        JsonObject session = json(get("/api/proctoring/session", student));
        String id = session.getString("id");
        json(postJson("/api/proctoring/sessions/" + id + "/consent", student, Json.createObjectBuilder()
                .add("decision", "accept").add("version", session.getJsonObject("consent").getString("version"))
                .build()));
        json(postJpeg("/api/proctoring/sessions/" + id + "/system-check", student, TestPictures.referencePerson(),
                null));
        json(post("/api/proctoring/sessions/" + id + "/start", student));
        Instant at = Instant.now().minusSeconds(300);
        long sequence = 1;
        for (byte[] picture : pictures) {
            frame(id, student, sequence++, at = at.plusSeconds(3), picture);
        }
        json(post("/api/proctoring/sessions/" + id + "/end", student));
        return id;
    }
}
