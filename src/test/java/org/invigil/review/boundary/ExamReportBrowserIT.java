package org.invigil.review.boundary;

import static org.invigil.journey.boundary.ProctoringApiIT.get;
import static org.invigil.journey.boundary.ProctoringApiIT.json;
import static org.invigil.journey.boundary.ProctoringApiIT.postJson;
import static org.invigil.journey.boundary.ProctoringApiIT.send;
import static org.invigil.journey.boundary.ProctoringApiIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.browser.Browsers;
import org.invigil.browser.Chromium;
import org.invigil.journey.boundary.ProctoringApiIT;
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
 * The exam report in real Chromium with every cookie blocked: from the instructor's launch page through the queue to
 * the report's table and charts, filtered, and exported as CSV and PDF with the session in the URL; a student's
 * launch cannot open it.
 */
class ExamReportBrowserIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    static LtiPlatformSimulator lms;
    static Course course;
    static ResourceLink exam;
    static User teacher;

    @BeforeAll
    static void oneAttemptWithIncidentsAndOneClean() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("70", "Rhea", "Report");
        course = lms.course("7", "Statistics").enrol(teacher, Role.INSTRUCTOR)
                .enrol(lms.user("71", "Two", "Heads"), Role.LEARNER).enrol(lms.user("72", "Calm", "Solo"), Role.LEARNER);
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Statistics exam");
        String staff = token(lms, exam, teacher);
        String examId = ProctoringApiIT.examId(staff);
        for (String user : List.of("71", "72")) {
            HttpResponse<String> accommodated = send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/" + examId
                            + "/accommodations/" + user)).header("Authorization", "Bearer " + staff)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"]}")).build());
            assertEquals(200, accommodated.statusCode(), accommodated.body());
        }
        ReviewApiIT.attempt(lms, exam, "71", List.of(TestPictures.twoPeople(), TestPictures.twoPeople(),
                TestPictures.twoPeople()));
        ReviewApiIT.attempt(lms, exam, "72", List.of(TestPictures.referencePerson(), TestPictures.referencePerson()));
        String clean = json(get("/api/review/exams/" + examId + "/sessions", staff)).getJsonArray("sessions")
                .getValuesAs(JsonObject.class).stream().filter(s -> s.getString("student").equals("Calm Solo"))
                .findFirst().orElseThrow().getString("sessionId");
        json(postJson("/api/review/sessions/" + clean + "/decision", staff, Json.createObjectBuilder()
                .add("outcome", "cleared").add("note", "nothing to see").build()));
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    @Test
    void anInstructorReadsFiltersAndExportsTheReportWithoutAnyCookie() throws Exception {
        BrowserResponse launch = lms.launch(LaunchRequest.resourceLink(exam).as(teacher)).run();
        Chromium chromium = browsers.start(Chromium.options().blockCookies().window(1400, 1100));
        chromium.open(launch.uri());
        chromium.click("#review-link");
        chromium.waitFor("#report-link");
        chromium.click("#report-link");
        chromium.waitFor("#report\\:attempts");
        assertEquals("Statistics exam", chromium.text("#exam-title"));
        String table = chromium.text("#report\\:attempts");
        assertTrue(table.contains("Two Heads") && table.contains("Calm Solo"), table);
        assertTrue(table.contains("needs-review") && table.contains("reviewed") && table.contains("cleared"), table);
        assertTrue(table.contains("several-faces"), "a column per rule: " + table);
        assertEquals("2 of 2 attempts", chromium.text("#count"));
        assertEquals("Calm Solo", firstStudent(chromium));
        chromium.js("Array.from(document.querySelectorAll('#report\\\\:attempts th'))"
                + ".find(th => th.textContent.trim() === 'Integrity').click()");
        chromium.waitUntil("document.querySelector('#report\\\\:attempts tbody tr .attempt-link')?.textContent"
                + " === 'Two Heads'", Duration.ofSeconds(20));

        chromium.waitUntil("document.querySelectorAll('.ui-chart canvas').length === 3 && window.Chart && "
                + "Array.from(document.querySelectorAll('.ui-chart canvas'))"
                + ".every(c => Chart.getChart(c) && c.width > 0 && c.height > 0)", Duration.ofSeconds(20));
        assertEquals(List.of("several-faces"), chromium.js("return Chart.getChart(document.querySelector("
                + "'#incidents-by-rule canvas')).data.labels.filter(l => l === 'several-faces')"));
        chromium.screenshot("report-1-whole-exam");

        String csvHref = chromium.find("#report\\:csv").getAttribute("href");
        assertTrue(csvHref.contains(";jsessionid="), "the session travels in the URL: " + csvHref);
        HttpResponse<byte[]> csv = download(csvHref);
        assertEquals(200, csv.statusCode());
        assertEquals("attachment; filename=\"invigil-statistics-exam-report.csv\"",
                csv.headers().firstValue("Content-Disposition").orElse(""));
        List<String> lines = csvLines(csv.body());
        assertEquals(3, lines.size(), "a header and two attempts: " + lines);
        assertTrue(lines.get(0).startsWith("Student,Step,Identity,Consent,Integrity score,Review state,Decision,"),
                lines.get(0));
        assertTrue(lines.get(0).contains("Incidents: several-faces"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Calm Solo,ended,not-required,given,") && lines.get(1).contains(",reviewed,cleared,"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("Two Heads,ended,not-required,given,") && lines.get(2).contains(",needs-review,,"),
                lines.get(2));

        HttpResponse<byte[]> pdf = download(chromium.find("#report\\:pdf").getAttribute("href"));
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        String text = pdfText(pdf.body());
        assertTrue(text.contains("Statistics exam") && text.contains("Two Heads") && text.contains("Calm Solo")
                && text.contains("several-faces"), text);

        chromium.click("#report\\:rule");
        chromium.waitForVisible("#report\\:rule_panel li[data-label='several-faces']");
        Thread.sleep(300); // let the panel finish opening before choosing: a click mid-animation is lost
        chromium.click("#report\\:rule_panel li[data-label='several-faces']");
        chromium.waitUntil("!document.querySelector('#report\\\\:rule_panel') || "
                + "getComputedStyle(document.querySelector('#report\\\\:rule_panel')).display === 'none'",
                Duration.ofSeconds(10));
        chromium.click("#report\\:filter");
        chromium.waitUntil("document.querySelector('#count')?.textContent === '1 of 2 attempts'", Duration.ofSeconds(20));
        table = chromium.text("#report\\:attempts");
        assertTrue(table.contains("Two Heads") && !table.contains("Calm Solo"), table);
        chromium.screenshot("report-2-filtered-by-rule");
        String filteredHref = chromium.find("#report\\:csv").getAttribute("href");
        assertTrue(filteredHref.contains("rule=several-faces"), filteredHref);
        List<String> filtered = csvLines(download(filteredHref).body());
        assertEquals(2, filtered.size(), "the export follows the filter: " + filtered);
        assertTrue(filtered.get(1).startsWith("Two Heads,"), filtered.get(1));
        assertTrue(pdfText(download(chromium.find("#report\\:pdf").getAttribute("href")).body())
                .contains("1 of 2 attempts"));

        chromium.click("#report\\:clear");
        chromium.waitUntil("document.querySelector('#count')?.textContent === '2 of 2 attempts'", Duration.ofSeconds(20));
        chromium.type("#report\\:text", "calm");
        chromium.click("#report\\:filter");
        chromium.waitUntil("document.querySelector('#count')?.textContent === '1 of 2 attempts'", Duration.ofSeconds(20));
        table = chromium.text("#report\\:attempts");
        assertTrue(table.contains("Calm Solo") && !table.contains("Two Heads"), table);

        chromium.screenshot("report-3-filtered-by-text");
        chromium.assertNoJsErrors("favicon", "Failed to load resource");
    }

    @Test
    void aStudentCannotOpenTheReportNorItsExports() throws Exception {
        String student = token(lms, exam, lms.findUser("72").orElseThrow());
        HttpResponse<String> page = send(HttpRequest.newBuilder(DeployedTool.at("/review/report.xhtml?session="
                + URLEncoder.encode(student, StandardCharsets.UTF_8))).GET().build());
        assertEquals(403, page.statusCode(), page.body());
        assertTrue(page.body().contains("Only the course's instructors"), page.body());
        assertFalse(page.body().contains("Two Heads"), page.body());

        Chromium chromium = browsers.start(Chromium.options().blockCookies());
        chromium.open(DeployedTool.at("/review/report.xhtml?session=" + URLEncoder.encode(student,
                StandardCharsets.UTF_8)));
        chromium.waitFor("#refused");
        assertTrue(chromium.findAll(".ui-chart").isEmpty());
        chromium.screenshot("report-4-student-refused");

        assertEquals(401, download(DeployedTool.at("/review/report.csv").toString()).statusCode(),
                "no export without a reviewer's session");
        assertEquals(401, download(DeployedTool.at("/review/report.pdf").toString()).statusCode());
    }

    private static String firstStudent(Chromium chromium) {
        return chromium.find("#report\\:attempts tbody tr .attempt-link").getText();
    }

    private static HttpResponse<byte[]> download(String href) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> csvLines(byte[] body) {
        String csv = new String(body, StandardCharsets.UTF_8);
        assertTrue(csv.endsWith("\r\n"), "CRLF line ends: " + csv);
        return List.of(csv.split("\r\n"));
    }

    private static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
