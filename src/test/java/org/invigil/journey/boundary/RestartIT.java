package org.invigil.journey.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.invigil.ToolProcess;
import org.invigil.browser.Browsers;
import org.invigil.browser.Chromium;
import org.invigil.browser.FakeCamera;
import org.invigil.simulator.BrowserResponse;
import org.invigil.simulator.Course;
import org.invigil.simulator.DeepLinkingReturn;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.HtmlForm;
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
 * Invigil killed with {@code kill -9} in the middle of an exam, while a real monitor in Chromium is sending, and
 * started again on the same runtime directory ({@code --rootdir}) and data directory: the application comes back
 * (issue 9, item 5), no API request during the restart is answered 404 or 500, and every item the monitor numbered
 * reaches the server, each once (item 4).
 * <p>
 * Unlike the other integration tests this one starts its own Payara Micro process ({@link ToolProcess}: the built
 * {@code target/invigil.war}, its own free port and directories under {@code target/restart-it/}), the way the
 * README's run command does: with {@code pre-boot-until-deployed.asadmin} and {@code post-deploy.asadmin}, so the
 * port opens once Invigil is deployed.
 */
class RestartIT {

    private static final Logger LOG = Logger.getLogger(RestartIT.class.getName());
    private static final Duration STEP = Duration.ofSeconds(45);
    /** A picture every 15 s: a restart of a few minutes stays well under the monitor's 20 buffered frames. */
    private static final String FRAME_INTERVAL = "15";
    private static final String STUDENT_ID = "41";
    /** Page events the student causes while Invigil is down, on top of the frames and heartbeats. */
    private static final int COPIES_DURING_OUTAGE = 30;
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path WORK = BASEDIR.resolve("target/restart-it");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @RegisterExtension
    final Browsers browsers = new Browsers();

    static Tool tool;
    static LtiPlatformSimulator lms;
    static ResourceLink exam;
    static User student;

    @BeforeAll
    static void invigilOfItsOwnWithAnExam() throws Exception {
        tool = new Tool();
        tool.start("first");
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        registerDynamically();
        User teacher = lms.user("40", "Res", "Tart");
        student = lms.user(STUDENT_ID, "Kill", "Nine");
        Course course = lms.course("11", "Reliability 101").enrol(teacher, Role.INSTRUCTOR)
                .enrol(student, Role.LEARNER);
        exam = deepLinkExam(course, teacher);
        String staff = ProctoringApiIT.token(lms, exam, teacher);
        HttpResponse<String> accommodated = send(HttpRequest.newBuilder(tool.at("/api/exams/"
                        + ProctoringApiIT.examId(staff) + "/accommodations/" + STUDENT_ID))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"]}")).build());
        assertEquals(200, accommodated.statusCode(), accommodated.body());
    }

    @AfterAll
    static void stop() {
        stop(lms, tool);
    }

    /** Closes the platform simulator and kills the Invigil of its own, whichever of them was started. */
    static void stop(LtiPlatformSimulator lms, Tool tool) {
        if (lms != null) {
            lms.close();
        }
        if (tool != null) {
            tool.kill();
        }
    }

    @Test
    void aMonitorLosesNothingWhenTheServerIsKilledAndStartedAgainOnTheSameDirectories() throws Exception {
        String token = ProctoringApiIT.token(lms, exam, student);
        Chromium chromium = browsers.start(FakeCamera.referencePerson());
        chromium.open(tool.at("/lti/exam/student?session=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
        chromium.consentAndCameraCheckToMonitoring(STEP);
        chromium.open(tool.at("/exam/monitor.html#session=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
        chromium.waitForAttribute("body", "data-state", "monitoring", STEP);
        chromium.waitUntil("window.invigilMonitor.stats().framesCaptured >= 1"
                + " && window.invigilMonitor.stats().itemsSent >= 2", Duration.ofSeconds(90));
        Map<?, ?> before = stats(chromium);
        LOG.info("Monitor before the kill: " + before);

        StatusProbe probe = new StatusProbe(tool.at("/api/proctoring/session"), token);
        Thread probing = new Thread(probe, "restart-probe");
        probing.setDaemon(true);
        probing.start();
        Instant killed = Instant.now();
        tool.kill();
        LOG.info("Killed Invigil (kill -9) at " + killed);
        // the student goes on while Invigil is down: copy and paste in the page, a frame, a heartbeat
        for (int i = 0; i < COPIES_DURING_OUTAGE; i++) {
            chromium.js("document.dispatchEvent(new ClipboardEvent(arguments[0], {bubbles: true}))",
                    i % 2 == 0 ? "copy" : "paste");
            Thread.sleep(100);
        }
        chromium.waitUntil("window.invigilMonitor.stats().queuedEvents >= " + COPIES_DURING_OUTAGE
                + " && window.invigilMonitor.stats().queuedFrames >= 1", Duration.ofSeconds(60));
        Instant restarting = Instant.now();
        tool.start("second");
        Instant ready = Instant.now();
        LOG.info(() -> "Invigil answered again after " + Duration.between(killed, ready).toSeconds()
                + " s (started again " + Duration.between(killed, restarting).toSeconds() + " s after the kill)");
        Map<?, ?> during = stats(chromium);
        LOG.info("Monitor when Invigil was back: " + during);

        // the monitor's own backoff brings it back: at most 60 s (+20 % jitter) between tries, no forced flush
        // the figures of the moment the queue was empty: the camera goes on capturing after it
        chromium.waitUntil("(s => s.queueLength === 0 && s.lastDeliveredAt > " + ready.toEpochMilli()
                + " && (window.drainedStats = s))(window.invigilMonitor.stats())", Duration.ofMinutes(4));
        Instant drained = Instant.now();
        probe.stop();
        probing.join(10_000);
        LOG.info(() -> "The monitor's queue was empty " + Duration.between(ready, drained).toSeconds()
                + " s after Invigil was back");

        Map<?, ?> after = (Map<?, ?>) chromium.js("return window.drainedStats");
        LOG.info("Monitor after the restart: " + after);
        long first = number(after, "firstSequence");
        long next = number(after, "nextSequence");
        assertEquals(0L, number(after, "queueLength"), after.toString());
        assertEquals(0L, number(after, "dropped"), "nothing was dropped: " + after);
        assertEquals(0L, number(after, "framesEvicted"), "no frame was evicted from the buffer: " + after);
        assertTrue(number(after, "requests") > number(before, "requests"), "it sent after the restart: " + after);
        assertTrue(number(during, "nextSequence") - number(before, "nextSequence") > COPIES_DURING_OUTAGE,
                "the monitor numbered items while Invigil was down: " + before + " / " + during);

        // every number the page gave out is on the server: each probe is answered "already received"
        String sessionId = json(send(HttpRequest.newBuilder(tool.at("/api/proctoring/session"))
                .header("Authorization", "Bearer " + token).GET().build())).getString("id");
        List<Long> missing = new ArrayList<>();
        for (long from = first; from < next; from += 100) {
            missing.addAll(missingOf(sessionId, token, from, Math.min(next, from + 100)));
        }
        LOG.info("Produced by the monitor: " + (next - first) + " items (" + first + ".." + (next - 1)
                + "), missing on the server: " + missing);
        assertEquals(List.of(), missing, "numbers the monitor produced that the server did not have");

        LOG.info("API answers while Invigil restarted: " + probe.seen() + "; in order: " + probe);
        List<String> unexpected = probe.seen().keySet().stream()
                .filter(status -> !status.equals("200") && !status.equals("503") && !status.equals("refused")
                        && !status.equals("timeout") && !status.startsWith("io:"))
                .toList();
        assertEquals(List.of(), unexpected, "no HTTP answer but 503 while Invigil was down or starting (a failed"
                + " connection is fine: the client retries it): " + probe.seen());
        assertTrue(probe.seen().containsKey("refused"), "the probe ran during the outage: " + probe.seen());
        probe.problems().forEach(problem -> LOG.warning("503 without Retry-After or problem+json: " + problem));
        assertEquals(List.of(), probe.problems(), "every 503 says when to come back, as problem+json");
    }

    /** The numbers in [from, to) that the server had not received: it answers 409 sequence_replayed when it had all. */
    static List<Long> missingOf(String sessionId, String token, long from, long to) {
        JsonArrayBuilder events = Json.createArrayBuilder();
        String at = Instant.now().toString();
        for (long sequence = from; sequence < to; sequence++) {
            events.add(Json.createObjectBuilder().add("sequence", sequence).add("type", "heartbeat").add("at", at)
                    .add("data", Json.createObjectBuilder()));
        }
        HttpResponse<String> answer = send(HttpRequest.newBuilder(tool.at("/api/proctoring/sessions/" + sessionId
                        + "/events")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("events", events).build()
                        .toString())).build());
        if (answer.statusCode() == 409) {
            assertTrue(answer.body().contains("sequence_replayed"), answer.body());
            return List.of();
        }
        JsonObject body = json(answer);
        return body.getJsonArray("accepted").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::longValue).toList();
    }

    // ------------------------------------------------------------------ the LMS side, against this tool

    static void registerDynamically() {
        BrowserResponse confirm = lms.browser().get(lms.registrationStartUrl(tool.at("/lti/register")));
        assertEquals(200, confirm.status(), confirm.body());
        BrowserResponse done = lms.browser().submitForm(confirm);
        assertEquals(200, done.status(), done.body() + " / platform: " + lms.rejections());
        lms.onlyRegistration().activate();
    }

    static ResourceLink deepLinkExam(Course course, User teacher) {
        BrowserResponse picker = lms.launch(LaunchRequest.deepLinking(course).as(teacher)
                .deepLinkingData("restart-" + java.util.UUID.randomUUID())).run();
        assertEquals(200, picker.status(), picker.body());
        HtmlForm form = picker.form().with("title", "Exam across a restart").with("frameInterval", FRAME_INTERVAL);
        BrowserResponse autoPost = lms.browser().submit(form);
        assertEquals(200, autoPost.status(), autoPost.body());
        BrowserResponse returned = lms.browser().submitForm(autoPost);
        assertEquals(200, returned.status(), returned.body() + " / platform: " + lms.rejections());
        DeepLinkingReturn.Received received = lms.deepLinkingResponses().get(lms.deepLinkingResponses().size() - 1);
        return received.resourceLinks().get(0);
    }

    // ------------------------------------------------------------------ helpers

    static Map<?, ?> stats(Chromium chromium) {
        return (Map<?, ?>) chromium.js("return window.invigilMonitor.stats()");
    }

    static long number(Map<?, ?> stats, String key) {
        Object value = stats.get(key);
        assertTrue(value instanceof Number, key + " in " + stats);
        return ((Number) value).longValue();
    }

    static JsonObject json(HttpResponse<String> response) {
        assertTrue(response.statusCode() / 100 == 2, response.statusCode() + ": " + response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Invigil did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asks the API every 200 ms while Invigil restarts and counts each kind of answer: {@code refused} (nothing
     * listens), {@code timeout}, or the HTTP status; a 503 must carry {@code Retry-After} and problem+json.
     */
    static final class StatusProbe implements Runnable {

        private final URI uri;
        private final String token;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Map<String, Integer> seen = new TreeMap<>();
        private final List<String> problems = new ArrayList<>();
        private final List<String> timeline = new ArrayList<>();

        StatusProbe(URI uri, String token) {
            this.uri = uri;
            this.token = token;
        }

        @Override
        public void run() {
            Instant start = Instant.now();
            String last = null;
            while (running.get()) {
                String status;
                try {
                    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                            .header("Authorization", "Bearer " + token).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    status = Integer.toString(answer.statusCode());
                    if (answer.statusCode() == 503 && (answer.headers().firstValue("Retry-After").isEmpty()
                            || !answer.headers().firstValue("Content-Type").orElse("").contains("problem+json"))) {
                        synchronized (this) {
                            problems.add(answer.headers().map() + " " + answer.body());
                        }
                    }
                } catch (ConnectException e) {
                    status = "refused";
                } catch (HttpTimeoutException e) {
                    status = "timeout";
                } catch (IOException e) {
                    status = "io:" + e.getClass().getSimpleName();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                synchronized (this) {
                    seen.merge(status, 1, Integer::sum);
                    if (!status.equals(last)) {
                        timeline.add(Duration.between(start, Instant.now()).toMillis() + " ms: " + status);
                        last = status;
                    }
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void stop() {
            running.set(false);
        }

        synchronized Map<String, Integer> seen() {
            return new TreeMap<>(seen);
        }

        synchronized List<String> problems() {
            return List.copyOf(problems);
        }

        @Override
        public synchronized String toString() {
            return String.join(", ", timeline);
        }
    }

    /** Invigil on Payara Micro in a process of this test's own, on one runtime and one data directory. */
    static final class Tool extends ToolProcess {

        Tool() throws IOException {
            this(WORK, List.of());
        }

        /** An Invigil of its own under {@code work}, started with these extra {@code -D} system properties. */
        Tool(Path work, List<String> properties) throws IOException {
            super(work, options(properties));
        }

        private static List<String> options(List<String> properties) {
            List<String> options = new ArrayList<>(List.of("-Xmx768m",
                    "-Dinvigil.admin.token=restart-it-admin-token-0123456789"));
            String masterKey = System.getProperty("invigil.it.master-key");
            if (masterKey != null && !masterKey.isBlank()) {
                options.add("-Dinvigil.master-key=" + masterKey);
            }
            properties.forEach(property -> options.add("-D" + property));
            return options;
        }
    }
}
