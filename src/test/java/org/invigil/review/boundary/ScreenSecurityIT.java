package org.invigil.review.boundary;

import static org.invigil.journey.boundary.ProctoringApiIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.browser.Browsers;
import org.invigil.browser.Chromium;
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
 * The review screens decide, pause and end attempts, so they are attacked as a page would attack them: framed by a
 * stranger's page (clickjacking), fed a session id the attacker knows (fixation), and checked for a script policy
 * that leaves injected inline script nothing to run.
 */
class ScreenSecurityIT {

    private static final Pattern SESSION_ID = Pattern.compile(";jsessionid=([A-Za-z0-9._\\-]+)");

    @RegisterExtension
    final Browsers browsers = new Browsers();

    static LtiPlatformSimulator lms;
    static ResourceLink exam;
    static User teacher;
    static User student;

    @BeforeAll
    static void aCourseWithAnExam() {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("90", "Sec", "Teacher");
        student = lms.user("91", "Eve", "Student");
        Course course = lms.course("9", "Security").enrol(teacher, Role.INSTRUCTOR).enrol(student, Role.LEARNER);
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Framed exam");
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    static URI queue(String token) {
        return DeployedTool.at("/review/queue.xhtml?session=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** The screen's session id, from the redirect that takes the launch token out of the address. */
    static String redirectedSession(HttpResponse<String> entered) {
        assertEquals(302, entered.statusCode(), "the token leaves the address by a redirect: " + entered.body());
        String location = entered.headers().firstValue("Location").orElse("");
        assertFalse(location.contains("session="), "the launch token is not in the new address: " + location);
        Matcher id = SESSION_ID.matcher(location);
        assertTrue(id.find(), "the redirect carries the session: " + location);
        return id.group(1);
    }

    static HttpResponse<String> queueOf(String sessionId) {
        return DeployedTool.get("/review/queue.xhtml;jsessionid=" + sessionId);
    }

    @Test
    void aSessionIdPlantedBeforeLoginDoesNotOpenTheReviewersSession() throws Exception {
        // the attacker opens a screen as themselves and learns that session's id
        HttpResponse<String> attackers = DeployedTool.get("/report/index.xhtml?session="
                + URLEncoder.encode(token(lms, exam, student), StandardCharsets.UTF_8));
        String planted = redirectedSession(attackers);

        // the instructor follows the attacker's link, which carries that id, and logs in with their launch
        HttpResponse<String> victims = DeployedTool.get("/review/queue.xhtml;jsessionid=" + planted + "?session="
                + URLEncoder.encode(token(lms, exam, teacher), StandardCharsets.UTF_8));
        String renewed = redirectedSession(victims);
        assertNotEquals(planted, renewed, "logging in gives the session a new id");

        HttpResponse<String> attack = queueOf(planted);
        assertNotEquals(200, attack.statusCode(), "the planted id opens the reviewer's queue: " + attack.body());
        assertFalse(attack.body().contains("Attempts to review"), attack.body());

        HttpResponse<String> reviewer = queueOf(renewed);
        assertEquals(200, reviewer.statusCode(), "the reviewer goes on with the new id: " + reviewer.body());
        assertTrue(reviewer.body().contains("Attempts to review"), reviewer.body());
    }

    @Test
    void theScreensCarryAScriptPolicyWithAFreshNoncePerAnswer() {
        String session = redirectedSession(DeployedTool.send(java.net.http.HttpRequest.newBuilder(
                queue(token(lms, exam, teacher))).build()));
        HttpResponse<String> first = queueOf(session);
        HttpResponse<String> second = queueOf(session);
        assertEquals(200, first.statusCode(), first.body());
        String nonce = nonce(first);
        assertNotEquals(nonce, nonce(second), "a nonce is used once");
        String framing = first.headers().allValues("Content-Security-Policy").stream()
                .filter(policy -> policy.contains("frame-ancestors")).findFirst().orElseThrow();
        assertFalse(framing.contains("frame-ancestors *"), framing);
        assertTrue(framing.contains("frame-ancestors 'self' "), framing);
        assertTrue(framing.contains(lms.baseUrl()), "the platform's own pages may frame the screens: " + framing);
        assertTrue(framing.contains("object-src 'none'") && framing.contains("base-uri 'self'")
                && framing.contains("form-action 'self'"), framing);
        Matcher script = Pattern.compile("<script\\b([^>]*)>").matcher(first.body());
        int scripts = 0;
        while (script.find()) {
            scripts++;
            String attributes = script.group(1);
            assertTrue(attributes.contains("src=") || attributes.contains("nonce=\"" + nonce + "\""),
                    "an inline script without the answer's nonce: <script" + attributes + ">");
        }
        assertTrue(scripts > 0, "the screen has scripts (PrimeFaces)");
        assertFalse(Pattern.compile("<[^>]+\\son(click|change|load|submit|keyup|keydown)=").matcher(first.body()).find(),
                "no inline event handler survives the script policy");
    }

    private static String nonce(HttpResponse<String> page) {
        List<String> policies = page.headers().allValues("Content-Security-Policy");
        String scripts = policies.stream().filter(policy -> policy.contains("script-src")).findFirst()
                .orElseThrow(() -> new AssertionError("no script policy among " + policies));
        assertFalse(scripts.contains("'unsafe-inline'") || scripts.contains("'unsafe-eval'"), scripts);
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(scripts);
        assertTrue(nonce.find(), scripts);
        return nonce.group(1);
    }

    @Test
    void thePlatformsOwnPageFramesTheReviewScreenAndAStrangersPageCannot() throws Exception {
        URI review = queue(token(lms, exam, teacher));
        Chromium chromium = browsers.start(Chromium.options().blockCookies());
        chromium.open(lms.framing(review));
        chromium.frame("#tool");
        chromium.waitFor("#review h1");
        chromium.mainFrame();

        HttpServer stranger = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        byte[] page = ("<!DOCTYPE html><html><body><h1>Win a prize</h1><iframe id=\"tool\" width=\"900\" "
                + "height=\"600\" src=\"" + queue(token(lms, exam, teacher)).toString().replace("&", "&amp;")
                + "\"></iframe></body></html>").getBytes(StandardCharsets.UTF_8);
        stranger.createContext("/", http -> {
            http.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            http.sendResponseHeaders(200, page.length);
            http.getResponseBody().write(page);
            http.close();
        });
        stranger.start();
        try {
            // "localhost" is not the origin of any platform (they all run on 127.0.0.1), nor Invigil's own
            chromium.open("http://localhost:" + stranger.getAddress().getPort() + "/");
            chromium.waitFor("h1");
            chromium.frame("#tool");
            Thread.sleep(1500);
            assertTrue(chromium.findAll("#review").isEmpty(), "a stranger's page framed the review screen");
            chromium.mainFrame();
            chromium.screenshot("screen-security-stranger-frame");
            assertTrue(chromium.consoleLog().stream().anyMatch(entry -> entry.getMessage().contains("frame-ancestors")),
                    "Chromium says the frame was refused for frame-ancestors: " + chromium.consoleLog());
        } finally {
            stranger.stop(0);
        }
    }

    @Test
    void theLmsPagesASignedLaunchNamesMayFrameTheScreensAndNoOneElse() {
        // Canvas cloud: the issuer is shared, the course pages are on the tenant's own host
        BrowserResponse launch = lms.launch(LaunchRequest.resourceLink(exam).as(teacher)
                .returnUrl("https://uni-tenant.lms.example/courses/9/external_tools/retrieve")).run();
        String staff = token(launch);
        HttpResponse<String> screen = queueOf(redirectedSession(DeployedTool.send(
                java.net.http.HttpRequest.newBuilder(queue(staff)).build())));
        String framing = screen.headers().allValues("Content-Security-Policy").stream()
                .filter(policy -> policy.contains("frame-ancestors")).findFirst().orElseThrow();
        assertTrue(framing.contains(" https://uni-tenant.lms.example;") || framing.contains(" https://uni-tenant.lms.example "),
                "the LMS page the launch came from may frame the screens: " + framing);
        assertFalse(framing.contains("*") || framing.contains("localhost"), framing);
    }

    @Test
    void theReviewScreensWorkUnderTheScriptPolicy() {
        Chromium chromium = browsers.start(Chromium.options().blockCookies());
        chromium.open(queue(token(lms, exam, teacher)));
        chromium.waitFor("#review h1");
        chromium.click("#live-link");
        chromium.waitForAttribute("#feed-status", "data-state", "open", Duration.ofSeconds(10));
        chromium.assertNoJsErrors("favicon.ico");
        assertTrue(chromium.consoleLog().stream().noneMatch(entry -> entry.getMessage().contains(
                "Content Security Policy")), "nothing on the screens is refused by their policy: "
                + chromium.consoleLog());
    }
}
