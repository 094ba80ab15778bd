package org.invigil.exam.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.entity.ExamSettings;
import org.invigil.exam.entity.ExamSummary;
import org.junit.jupiter.api.Test;

/** The student's page is the one shell, webapp/exam/journey.html, with the launch's names filled in and escaped. */
class ExamPagesTest {

    static String shell() throws IOException {
        return Files.readString(Path.of(System.getProperty("basedir", ".")).resolve("webapp" + ExamPages.SHELL));
    }

    static final ExamSummary EXAM = new ExamSummary("e-1", "Physics <final>", Optional.of("Optics & Waves"),
            Optional.of("link"), ExamSettings.defaults(), true, true, Optional.empty());

    static ToolSession student(String name) {
        return new ToolSession("r", "https://lms.example", "c", "d", Optional.of("ctx"), Optional.of("Optics"),
                Optional.of("link"), Optional.of("e-1"), "u-1", name, Optional.empty(), Optional.empty(), Set.of(),
                ToolSession.Audience.LEARNER, Optional.empty(), Optional.empty(), Instant.EPOCH);
    }

    @Test
    void theShellCarriesTheExamTheCourseAndTheStudentEscaped() throws IOException {
        String page = ExamPages.student(shell(), student("Bobby <script>"), EXAM);
        assertTrue(page.contains("<title>Physics &lt;final&gt; · Invigil</title>"), page);
        assertTrue(page.contains("<h1 id=\"exam-title\">Physics &lt;final&gt;</h1>"), page);
        assertTrue(page.contains("<p id=\"exam-course\" class=\"muted\">Optics &amp; Waves</p>"), page);
        assertTrue(page.contains("<span id=\"user-name\">Bobby &lt;script&gt;</span>"), page);
        assertTrue(page.contains("src=\"/exam/journey.js\""), "the script is found from /lti/exam/student: " + page);
        assertFalse(page.contains("Bobby <script>"), page);
        assertTrue(page.contains("<section id=\"step\""), "the journey's own markup, from the shell");
    }

    @Test
    void aShellWithoutItsMarkersIsRefusedRatherThanServedHalfFilled() throws IOException {
        String broken = shell().replace(ExamPages.HEADING, "<h1>Exam</h1>");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ExamPages.student(broken, student("Ann"), EXAM));
        assertEquals("/exam/journey.html must hold " + ExamPages.HEADING + " exactly once", refused.getMessage());
    }
}
