package org.invigil.a11y;

import static org.invigil.journey.boundary.ProctoringApiIT.send;
import static org.invigil.journey.boundary.ProctoringApiIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.browser.Browsers;
import org.invigil.browser.Chromium;
import org.invigil.browser.FakeCamera;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core on every page a student sees, in real Chromium with a fake camera: the journey's consent and system
 * check, the monitor, the journey's end with its link to the report, and the report itself (with an incident, its
 * evidence and the response form). No serious or critical violation is allowed; the counts by impact are logged.
 */
class StudentPagesAccessibilityIT {

    private static final Logger LOG = Logger.getLogger(StudentPagesAccessibilityIT.class.getName());
    static final Duration STEP = Duration.ofSeconds(45);

    @RegisterExtension
    final Browsers browsers = new Browsers();

    static LtiPlatformSimulator lms;
    static ResourceLink exam;
    static User teacher;

    @BeforeAll
    static void anExamWithoutIdentityChecks() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("70", "Alma", "Access");
        Course course = lms.course("7", "Design").enrol(teacher, Role.INSTRUCTOR)
                .enrol(lms.user("71", "Jo", "Journey"), Role.LEARNER)
                .enrol(lms.user("72", "Flo", "Flagged"), Role.LEARNER);
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Design exam");
        String staff = token(lms, exam, teacher);
        for (String user : List.of("71", "72")) {
            HttpResponse<String> accommodated = send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/"
                            + ProctoringApiIT.examId(staff) + "/accommodations/" + user))
                    .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"]}")).build());
            assertEquals(200, accommodated.statusCode(), accommodated.body());
        }
        ReviewApiIT.attempt(lms, exam, "72", List.of(TestPictures.twoPeople(), TestPictures.twoPeople(),
                TestPictures.twoPeople()));
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    @Test
    void theStudentPagesHaveNoSeriousOrCriticalViolations() throws Exception {
        List<Axe.Result> results = new ArrayList<>();
        String token = URLEncoder.encode(token(lms, exam, lms.findUser("71").orElseThrow()), StandardCharsets.UTF_8);
        Chromium chromium = browsers.start(Chromium.options().camera(FakeCamera.referencePerson())
                .name("a11y-student"));

        chromium.open(DeployedTool.at("/lti/exam/student?session=" + token));
        chromium.waitForAttribute("body", "data-state", "consent", STEP);
        results.add(Axe.run(chromium, "journey: consent"));
        chromium.screenshot("a11y-1-consent");
        chromium.click("#consent-accept");

        chromium.waitForAttribute("body", "data-state", "system-check", STEP);
        results.add(Axe.run(chromium, "journey: system check"));
        chromium.click("#camera-start");
        chromium.waitForVisible("#camera-preview");
        chromium.click("#system-check-run");
        chromium.waitForVisible("#system-check-result");
        results.add(Axe.run(chromium, "journey: system check result"));
        chromium.screenshot("a11y-2-system-check");
        chromium.click("#system-check-continue");
        chromium.waitForAttribute("body", "data-state", "ready", STEP);
        chromium.click("#start-monitoring");
        chromium.waitForAttribute("body", "data-state", "monitoring", STEP);

        chromium.open(DeployedTool.at("/exam/monitor.html#session=" + token));
        chromium.waitForAttribute("body", "data-state", "monitoring", STEP);
        chromium.waitUntil("window.invigilMonitor && window.invigilMonitor.stats().framesCaptured >= 1", STEP);
        results.add(Axe.run(chromium, "monitor"));
        chromium.screenshot("a11y-3-monitor");

        chromium.open(DeployedTool.at("/lti/exam/student?session=" + token));
        chromium.waitForAttribute("body", "data-state", "monitoring", STEP);
        chromium.click("#end-monitoring");
        chromium.click("#end-confirm");
        chromium.waitForAttribute("body", "data-state", "ended", STEP);
        results.add(Axe.run(chromium, "journey: ended"));
        chromium.click("#report-link");
        chromium.waitFor("#report");
        assertTrue(chromium.url().contains("/report/index.xhtml"), chromium.url());
        results.add(Axe.run(chromium, "report: without incidents"));
        chromium.screenshot("a11y-4-report-after-journey");

        String flagged = URLEncoder.encode(token(lms, exam, lms.findUser("72").orElseThrow()), StandardCharsets.UTF_8);
        chromium.open(DeployedTool.at("/report/index.xhtml?session=" + flagged));
        chromium.waitFor(".incident");
        chromium.waitUntil("Array.from(document.querySelectorAll('img.evidence-frame')).every(i => i.complete)",
                Duration.ofSeconds(20));
        results.add(Axe.run(chromium, "report: incident, evidence, response form"));
        chromium.type(".respond-text", "");
        chromium.click(".respond-send");
        chromium.waitFor(".message-error");
        results.add(Axe.run(chromium, "report: refused empty response"));
        chromium.screenshot("a11y-5-report-incident");

        chromium.open(DeployedTool.at("/report/index.xhtml?session=" + flagged + "&attempt=not-an-attempt"));
        chromium.waitFor("#refused");
        results.add(Axe.run(chromium, "report: refused"));

        Map<String, Integer> total = new TreeMap<>();
        results.forEach(result -> result.countsByImpact().forEach((impact, n) -> total.merge(impact, n, Integer::sum)));
        LOG.info(() -> "axe-core on " + results.size() + " student pages, violations by impact: " + total);
        List<String> failures = results.stream().filter(result -> !result.seriousOrCritical().isEmpty())
                .map(result -> result.page() + ": " + result.seriousOrCritical()).toList();
        assertTrue(failures.isEmpty(), "serious or critical violations:\n  " + String.join("\n  ", failures));
    }
}
