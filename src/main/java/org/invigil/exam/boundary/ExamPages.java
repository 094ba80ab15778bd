package org.invigil.exam.boundary;

import static org.invigil.web.boundary.Page.escape;

import org.invigil.access.entity.ToolSession;
import org.invigil.exam.entity.ExamSummary;

/**
 * HTML of the student's exam page: the one page shell, {@code webapp/exam/journey.html}, with who was launched into
 * what filled in by the server. The same file served as it is runs the journey without those names.
 */
final class ExamPages {

    static final String SHELL = "/exam/journey.html";

    static final String TITLE = "<title>Proctored exam – Invigil</title>";
    static final String SCRIPT = "<script type=\"module\" src=\"journey.js\"></script>";
    static final String COURSE = "<p id=\"exam-course\" class=\"muted\"></p>";
    static final String HEADING = "<h1 id=\"exam-title\">Proctored exam</h1>";

    private ExamPages() {
    }

    /**
     * The student's exam page: the shell with the exam's title and course and the student's name, and the journey
     * (consent, checks, monitoring) that the browser client runs in it. The shell must hold each marker once.
     */
    static String student(String shell, ToolSession session, ExamSummary exam) {
        String title = escape(exam.title());
        return replaceOnce(replaceOnce(replaceOnce(replaceOnce(shell,
                TITLE, "<title>" + title + " · Invigil</title>"),
                SCRIPT, "<script type=\"module\" src=\"/exam/journey.js\"></script>"),
                COURSE, "<p id=\"exam-course\" class=\"muted\">" + escape(exam.courseTitle().orElse("")) + "</p>"),
                HEADING, "<h1 id=\"exam-title\">" + title + "</h1>\n    <p class=\"muted\">Signed in as <span "
                        + "id=\"user-name\">" + escape(session.userName()) + "</span> (student).</p>");
    }

    private static String replaceOnce(String page, String marker, String replacement) {
        int at = page.indexOf(marker);
        if (at < 0 || page.indexOf(marker, at + 1) >= 0) {
            throw new IllegalStateException(SHELL + " must hold " + marker + " exactly once");
        }
        return page.substring(0, at) + replacement + page.substring(at + marker.length());
    }
}
