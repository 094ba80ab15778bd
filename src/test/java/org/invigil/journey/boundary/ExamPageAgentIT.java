package org.invigil.journey.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.browser.Browsers;
import org.invigil.browser.Chromium;
import org.invigil.browser.FakeCamera;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Monitoring inside the quiz, as an LMS with the exam-page agent installed gives it: LMS pages on their own origin
 * load {@code /static/agent.js} (as Moodle's "Additional HTML" would); the exam activity frames the journey, which
 * hands the session to the agent by postMessage; on the quiz page the agent embeds the monitor, which streams the
 * camera and receives the quiz page's copy/paste and visibility. No cookie is involved anywhere.
 */
class ExamPageAgentIT {

    static final Duration STEP = Duration.ofSeconds(45);

    @RegisterExtension
    final Browsers browsers = new Browsers();

    static LtiPlatformSimulator lms;
    static HttpServer lmsPages;
    static String lmsOrigin;
    static ResourceLink exam;
    static User teacher;
    static Course course;

    @BeforeAll
    static void lmsWithTheAgentInstalled() throws Exception {
        lmsPages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        lmsOrigin = "http://127.0.0.1:" + lmsPages.getAddress().getPort();
        String agent = "<script src=\"" + DeployedTool.at("/static/agent.js") + "\" defer></script>";
        // the exam activity: Moodle's LTI activity page, Canvas's assignment page, each framing the journey
        for (String activity : new String[] {"/mod/lti/view.php", "/courses/20/assignments/5"}) {
            lmsPages.createContext(activity, exchange -> {
                String query = exchange.getRequestURI().getRawQuery();
                String launch = DeployedTool.at("/lti/exam/student") + "?" + query;
                page(exchange, "<h1>Exam activity</h1><iframe id=\"tool\" src=\"" + launch + "\" allow=\"camera; "
                        + "microphone\" style=\"width:900px;height:700px\" title=\"Invigil\"></iframe>" + agent);
            });
        }
        // Canvas Classic Quizzes: the attempt page, whose "Submit Quiz" form posts to the submissions and is sent
        // back to the quiz's own page
        lmsPages.createContext("/courses/20/quizzes/9/take", exchange -> page(exchange,
                "<h1>Classic quiz</h1><p id=\"question\">Name a prime number.</p><textarea id=\"answer\"></textarea>"
                        + "<form id=\"submit_quiz_form\" method=\"post\" "
                        + "action=\"/courses/20/quizzes/9/submissions?user_id=33\">"
                        + "<input type=\"hidden\" name=\"attempt\" value=\"1\">"
                        + "<button id=\"submit_quiz_button\" type=\"submit\">Submit Quiz</button></form>" + agent));
        lmsPages.createContext("/courses/20/quizzes/9/submissions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Location", "/courses/20/quizzes/9");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        lmsPages.createContext("/courses/20/quizzes/9", exchange -> page(exchange,
                "<h1 id=\"quiz-show\">Classic quiz</h1><p>Submission details: score 1 out of 1</p>" + agent));
        lmsPages.createContext("/mod/quiz/summary.php", exchange -> page(exchange,
                "<h1>Summary of attempt</h1><form method=\"post\" action=\"/mod/quiz/processattempt.php?cmid=7\">"
                        + "<input type=\"hidden\" name=\"attempt\" value=\"3\">"
                        + "<input type=\"hidden\" name=\"finishattempt\" value=\"1\">"
                        + "<button id=\"finish\" type=\"submit\">Submit all and finish</button></form>" + agent));
        lmsPages.createContext("/mod/quiz/processattempt.php", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Location", "/mod/quiz/review.php?attempt=3&cmid=7");
            exchange.sendResponseHeaders(303, -1);
            exchange.close();
        });
        lmsPages.createContext("/mod/quiz/review.php", exchange -> page(exchange,
                "<h1 id=\"review\">Review of attempt 3: finished</h1>" + agent));
        lmsPages.createContext("/mod/quiz/attempt.php", exchange -> page(exchange,
                "<h1>Quiz</h1><p id=\"question\">What is the speed of light?</p><textarea id=\"answer\"></textarea>"
                        + agent));
        lmsPages.start();

        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("30", "Quiz", "Master");
        course = lms.course("10", "Optics").enrol(teacher, Role.INSTRUCTOR)
                .enrol(lms.user("31", "Agent", "Tester"), Role.LEARNER)
                .enrol(lms.user("32", "Early", "Leaver"), Role.LEARNER);
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Optics exam",
                Map.of("quizUrl", lmsOrigin + "/mod/quiz/view.php?id=7"));
        String staff = ProctoringApiIT.token(lms, exam, teacher);
        for (String student : new String[] {"31", "32"}) {
            HttpResponse<String> accommodated = ProctoringApiIT.send(HttpRequest.newBuilder(DeployedTool.at(
                            "/api/exams/" + ProctoringApiIT.examId(staff) + "/accommodations/" + student))
                    .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"]}"))
                    .build());
            assertEquals(200, accommodated.statusCode(), accommodated.body());
        }
    }

    @AfterAll
    static void stop() {
        lms.close();
        lmsPages.stop(0);
    }

    @Test
    void theAgentEmbedsTheMonitorInTheQuizPageAndForwardsItsEvents() throws Exception {
        String token = ProctoringApiIT.token(lms, exam, lms.findUser("31").orElseThrow());
        Chromium chromium = browsers.start(FakeCamera.referencePerson());
        monitoringFromTheExamActivity(chromium, token);
        chromium.screenshot("agent-1-exam-activity");

        chromium.open(lmsOrigin + "/mod/quiz/attempt.php?attempt=3&cmid=7");
        chromium.waitFor("#invigil-monitor-frame", STEP);
        chromium.frame("#invigil-monitor-frame");
        chromium.waitForAttribute("body", "data-state", "monitoring", STEP);
        chromium.waitUntil("window.invigilMonitor.stats().itemsSent >= 2", STEP);
        assertEquals("embedded", ((Map<?, ?>) chromium.js("return window.invigilMonitor.stats()")).get("mode"));
        chromium.mainFrame();
        chromium.screenshot("agent-2-quiz-with-monitor");

        chromium.click("#answer");
        chromium.type("#answer", "about 300 000 km/s");
        new Actions(chromium.driver()).keyDown(Keys.CONTROL).sendKeys("a").sendKeys("c").keyUp(Keys.CONTROL).perform();
        chromium.driver().manage().window().minimize();
        Thread.sleep(1500);
        chromium.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        chromium.frame("#invigil-monitor-frame");
        chromium.jsAsync("window.invigilMonitor.flush().then(arguments[arguments.length - 1])");
        chromium.mainFrame();

        String sessionId = StudentJourneyBrowserIT.json(ProctoringApiIT.get("/api/proctoring/session", token)).getString("id");
        Instant deadline = Instant.now().plusSeconds(30);
        JsonObject report;
        do {
            Thread.sleep(1000);
            report = StudentJourneyBrowserIT.json(ProctoringApiIT.get("/api/proctoring/sessions/" + sessionId
                    + "/report", token));
        } while (!(StudentJourneyBrowserIT.rules(report).contains("copy-paste")
                && StudentJourneyBrowserIT.rules(report).contains("tab-hidden")) && Instant.now().isBefore(deadline));
        assertTrue(StudentJourneyBrowserIT.rules(report).contains("copy-paste"), "copy in the quiz page: " + report);
        assertTrue(StudentJourneyBrowserIT.rules(report).contains("tab-hidden"), "quiz page hidden: " + report);
        chromium.assertNoJsErrors("favicon", "Failed to load resource");

        // "Submit all and finish": the review page that follows ends the attempt, and the result goes out at once
        chromium.open(lmsOrigin + "/mod/quiz/summary.php?attempt=3&cmid=7");
        chromium.waitFor("#invigil-monitor-frame", STEP);
        Instant submittedAt = Instant.now();
        chromium.click("#finish");
        chromium.waitFor("#review", STEP);
        LineItem integrity = LmsFlows.eventually(() -> course.lineItems().stream()
                .filter(item -> item.tag().equals(Optional.of("invigil-integrity"))).findFirst(),
                "no integrity column: " + lms.rejections());
        Score score = LmsFlows.eventually(() -> integrity.score("31")
                        .filter(s -> s.comment() != null && s.comment().contains("Coverage:")),
                "no integrity result after the quiz was submitted: " + integrity.score("31"));
        Duration arrived = Duration.between(submittedAt, Instant.now());
        assertTrue(arrived.toSeconds() <= 15, "the result arrived " + arrived.toMillis() + " ms after the submit");
        assertTrue(score.comment().contains("Coverage: monitored "), score.comment());
        assertTrue(score.comment().contains("of quiz time"), "the agent saw the quiz pages: " + score.comment());
        assertEquals("ended", StudentJourneyBrowserIT.json(ProctoringApiIT.get("/api/proctoring/sessions/" + sessionId,
                token)).getString("state"));
        chromium.screenshot("agent-3-quiz-submitted");
    }

    /**
     * The student passes the checks, stops monitoring at once and then takes the quiz: the monitor the agent embeds in
     * the quiz pages is ended, but still reports the pages, and the result needs a person, with a coverage incident.
     */
    @Test
    void monitoringEndedBeforeTheQuizIsNeverACleanResult() throws Exception {
        String token = ProctoringApiIT.token(lms, exam, lms.findUser("32").orElseThrow());
        Chromium chromium = browsers.start(FakeCamera.referencePerson());
        monitoringFromTheExamActivity(chromium, token);
        chromium.frame("#tool");
        chromium.click("#end-monitoring");
        chromium.click("#end-confirm");
        chromium.waitForAttribute("body", "data-state", "ended", STEP);
        chromium.mainFrame();
        String sessionId = StudentJourneyBrowserIT.json(ProctoringApiIT.get("/api/proctoring/session", token))
                .getString("id");

        chromium.open(lmsOrigin + "/mod/quiz/attempt.php?attempt=4&cmid=7");
        chromium.waitFor("#invigil-monitor-frame", STEP);
        chromium.frame("#invigil-monitor-frame");
        chromium.waitForAttribute("body", "data-state", "stopped", STEP);
        chromium.mainFrame();
        chromium.open(lmsOrigin + "/mod/quiz/summary.php?attempt=4&cmid=7");
        chromium.waitFor("#invigil-monitor-frame", STEP);
        chromium.click("#finish");
        chromium.waitFor("#review", STEP);

        LineItem integrity = LmsFlows.eventually(() -> course.lineItems().stream()
                .filter(item -> item.tag().equals(Optional.of("invigil-integrity"))).findFirst(),
                "no integrity column: " + lms.rejections());
        Score score = LmsFlows.eventually(() -> integrity.score("32")
                        .filter(s -> s.comment() != null && s.comment().contains("monitoring-ended-early")),
                "the result does not say monitoring ended early: " + integrity.score("32"));
        assertEquals("PendingManual", score.gradingProgress(), score.comment());
        JsonObject report = StudentJourneyBrowserIT.json(ProctoringApiIT.get("/api/proctoring/sessions/" + sessionId
                + "/report", token));
        assertTrue(StudentJourneyBrowserIT.rules(report).contains("monitoring-ended-early"), report.toString());
        assertEquals("needs-review", report.getJsonObject("result").getString("reviewState"), report.toString());
        chromium.screenshot("agent-4-ended-early");
    }

    /**
     * Canvas Classic Quizzes, as the agent in the Canvas theme's JavaScript sees them: "Submit Quiz" on the take page
     * posts to the submissions and lands on the quiz's own page, which ends the attempt; the result goes out at once.
     * (Written from Canvas's page addresses and form; not verified against a live Canvas.)
     */
    @Test
    void submittingACanvasClassicQuizEndsTheAttemptAndTheResultArrives() throws Exception {
        LtiPlatformSimulator canvas = LtiPlatformSimulator.start(Flavor.CANVAS);
        try {
            LmsFlows.registerDynamically(canvas);
            User instructor = canvas.user("60", "Canvas", "Teacher");
            User student = canvas.user("33", "Canvas", "Student");
            Course physics = canvas.course("20", "Canvas physics").enrol(instructor, Role.INSTRUCTOR)
                    .enrol(student, Role.LEARNER);
            ResourceLink quiz = LmsFlows.deepLinkExam(canvas, physics, instructor, "Canvas classic quiz",
                    Map.of("quizUrl", lmsOrigin + "/courses/20/quizzes/9"));
            String staff = ProctoringApiIT.token(canvas, quiz, instructor);
            HttpResponse<String> accommodated = ProctoringApiIT.send(HttpRequest.newBuilder(DeployedTool.at(
                            "/api/exams/" + ProctoringApiIT.examId(staff) + "/accommodations/33"))
                    .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"]}"))
                    .build());
            assertEquals(200, accommodated.statusCode(), accommodated.body());
            String token = ProctoringApiIT.token(canvas, quiz, student);
            Chromium chromium = browsers.start(FakeCamera.referencePerson());
            monitoringFromTheExamActivity(chromium, "/courses/20/assignments/5", token);

            chromium.open(lmsOrigin + "/courses/20/quizzes/9/take");
            chromium.waitFor("#invigil-monitor-frame", STEP);
            chromium.frame("#invigil-monitor-frame");
            chromium.waitForAttribute("body", "data-state", "monitoring", STEP);
            chromium.waitUntil("window.invigilMonitor.stats().itemsSent >= 2", STEP);
            chromium.mainFrame();
            chromium.type("#answer", "7");
            Instant submittedAt = Instant.now();
            chromium.click("#submit_quiz_button");
            chromium.waitFor("#quiz-show", STEP);

            LineItem integrity = LmsFlows.eventually(() -> physics.lineItems().stream()
                    .filter(item -> item.tag().equals(Optional.of("invigil-integrity"))).findFirst(),
                    "no integrity column: " + canvas.rejections());
            Score score = LmsFlows.eventually(() -> integrity.score("33")
                            .filter(s -> s.comment() != null && s.comment().contains("Coverage:")),
                    "no integrity result after the Canvas quiz was submitted: " + integrity.score("33"));
            Duration arrived = Duration.between(submittedAt, Instant.now());
            assertTrue(arrived.toSeconds() <= 15, "the result arrived " + arrived.toMillis() + " ms after the submit");
            assertTrue(score.comment().contains("of quiz time"), "the agent saw the quiz pages: " + score.comment());
            String sessionId = StudentJourneyBrowserIT.json(ProctoringApiIT.get("/api/proctoring/session", token))
                    .getString("id");
            JsonObject ended = StudentJourneyBrowserIT.json(ProctoringApiIT.get("/api/proctoring/sessions/"
                    + sessionId, token));
            assertEquals("quiz-submitted", ended.getJsonObject("ended").getString("reason"), ended.toString());
            assertTrue(canvas.rejections().isEmpty(), "the platform refused: " + canvas.rejections());
            chromium.screenshot("agent-5-canvas-quiz-submitted");
        } finally {
            canvas.close();
        }
    }

    /** The exam activity's page (the journey in its iframe): consent, camera check, start; the agent has the hand-off. */
    static void monitoringFromTheExamActivity(Chromium chromium, String token) {
        monitoringFromTheExamActivity(chromium, "/mod/lti/view.php", token);
    }

    static void monitoringFromTheExamActivity(Chromium chromium, String activity, String token) {
        chromium.open(lmsOrigin + activity + "?session=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        chromium.frame("#tool");
        chromium.consentAndCameraCheckToMonitoring(STEP);
        chromium.mainFrame();
        chromium.waitUntil("sessionStorage.length > 0", STEP);
    }

    static void page(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
        byte[] html = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>LMS</title></head><body>"
                + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, html.length);
        try (var out = exchange.getResponseBody()) {
            out.write(html);
        }
    }
}
