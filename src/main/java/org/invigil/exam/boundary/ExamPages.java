package org.invigil.exam.boundary;

import static org.invigil.web.boundary.Page.escape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.invigil.access.entity.Roles;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.entity.ExamSummary;
import org.invigil.grades.entity.Result;
import org.invigil.roster.entity.Member;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.web.boundary.Page;

/** HTML of the exam pages. */
final class ExamPages {

    private ExamPages() {
    }

    /**
     * The student's exam page: who was launched into what, rendered by the server, and the journey (consent,
     * checks, monitoring) that the browser client runs in it.
     */
    static String student(ToolSession session, ExamSummary exam) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%s · Invigil</title>
                <link rel="stylesheet" href="/static/invigil.css">
                <link rel="stylesheet" href="/static/exam.css">
                <script type="module" src="/exam/journey.js"></script>
                </head>
                <body data-state="loading">
                <main id="journey" class="journey">
                  <header class="exam-header">
                    <p id="exam-course" class="muted">%s</p>
                    <h1 id="exam-title">%s</h1>
                    <p class="muted">Signed in as <span id="user-name">%s</span> (student).</p>
                  </header>
                  <nav aria-label="Steps before your exam">
                    <ol id="progress" class="progress"></ol>
                  </nav>
                  <div id="status" class="status-line" role="status" aria-live="polite"></div>
                  <div id="problem" class="problem-box" role="alert" hidden></div>
                  <section id="step" class="step" data-state="loading" aria-labelledby="step-heading">
                    <h2 id="step-heading" tabindex="-1">Opening your exam…</h2>
                    <noscript><p class="problem">This page needs JavaScript. Turn JavaScript on for this site, or use a
                    recent Chrome, Edge, Firefox or Safari, then open the exam again from your course page.</p></noscript>
                  </section>
                </main>
                </body>
                </html>
                """.formatted(escape(exam.title()), escape(exam.courseTitle().orElse("")), escape(exam.title()),
                escape(session.userName()));
    }

    static String instructor(String token, ToolSession session, ExamSummary exam, ExamPagesResource.Outcome<List<Member>> members,
                             ExamPagesResource.Outcome<List<Result>> results, List<ProctoringSession> attempts) {
        String body = """
                <h1>%s</h1>
                <dl class="facts" id="launch">
                  <dt>Exam</dt><dd id="exam-title">%s</dd>
                  <dt>Course</dt><dd id="course-title">%s</dd>
                  <dt>Resource link</dt><dd><code>%s</code></dd>
                  <dt>Signed in as</dt><dd id="user-name">%s</dd>
                  <dt>Roles</dt><dd id="roles">%s</dd>
                  <dt>Frame interval</dt><dd>%d s</dd>
                  <dt>Identity check</dt><dd>%s</dd>
                </dl>
                <p><a id="review-link" class="button-link" href="/review/queue.xhtml?session=%s">Review attempts</a>%s</p>
                <p><a id="settings-link" class="button-link" href="/review/settings.xhtml?session=%9$s">Exam settings, roster and reference photos</a></p>
                <h2>Proctoring sessions</h2>
                %s
                <h2>Course roster</h2>
                %s
                <h2>Proctoring check column in the gradebook</h2>
                %s
                """.formatted(escape(exam.title()), escape(exam.title()), escape(exam.courseTitle().orElse("—")),
                escape(exam.resourceLinkId().orElse("—")), escape(session.userName()),
                escape(Roles.parse(session.roles()).toString()), exam.settings().frameIntervalSeconds(),
                exam.settings().identityRequired() ? "required" : "not required",
                escape(URLEncoder.encode(token, StandardCharsets.UTF_8)),
                session.isIntegrityOfficer() ? " · <a id=\"officer-link\" href=\"/review/exams.xhtml?session="
                        + escape(URLEncoder.encode(token, StandardCharsets.UTF_8))
                        + "\">All exams of your institution</a>" : "", attempts(attempts),
                roster(exam, members), gradebook(exam, results));
        return Page.render(exam.title(), body);
    }

    private static String attempts(List<ProctoringSession> attempts) {
        if (attempts.isEmpty()) {
            return "<p id=\"sessions\">No student has opened the exam yet.</p>";
        }
        String rows = attempts.stream().map(attempt -> "<tr><td>" + escape(attempt.userName()) + "</td><td>"
                        + escape(attempt.state().id()) + "</td><td>" + escape(attempt.identityStatus().id()) + "</td><td>"
                        + attempt.declinedAt().map(at -> "declined consent at " + at).orElse("") + "</td></tr>")
                .collect(Collectors.joining("\n"));
        return "<table id=\"sessions\"><thead><tr><th>Student</th><th>Step</th><th>Identity</th><th>Note</th></tr>"
                + "</thead><tbody>" + rows + "</tbody></table>";
    }

    private static String roster(ExamSummary exam, ExamPagesResource.Outcome<List<Member>> members) {
        if (!exam.rosterOffered()) {
            return "<p class=\"muted\">The LMS did not offer its roster (Names and Role Provisioning) for this exam.</p>";
        }
        if (members.problem() != null) {
            return "<p class=\"problem\" id=\"roster-problem\">" + escape(members.problem()) + "</p>";
        }
        String rows = members.value().stream().map(member -> "<tr><td>" + escape(member.displayName())
                        + "</td><td>" + escape(member.email().orElse("")) + "</td><td>" + escape(member.roles().toString())
                        + "</td><td>" + (member.picture().isPresent() ? "from the LMS" : "none") + "</td></tr>")
                .collect(Collectors.joining("\n"));
        return "<table id=\"roster\"><thead><tr><th>Name</th><th>Email</th><th>Roles</th><th>Reference photo</th>"
                + "</tr></thead><tbody>" + rows + "</tbody></table>";
    }

    private static String gradebook(ExamSummary exam, ExamPagesResource.Outcome<List<Result>> results) {
        if (!exam.gradebookOffered()) {
            return "<p class=\"muted\">The LMS did not offer its gradebook (Assignment and Grade Services) for this "
                    + "exam.</p>";
        }
        if (results.problem() != null) {
            return "<p class=\"problem\" id=\"gradebook-problem\">" + escape(results.problem()) + "</p>";
        }
        if (results.value().isEmpty()) {
            return "<p id=\"results\">No results yet.</p>";
        }
        String rows = results.value().stream().map(result -> "<tr><td>" + escape(result.userId()) + "</td><td>"
                        + result.resultScore().map(String::valueOf).orElse("—") + "</td><td>"
                        + escape(result.comment().orElse("")) + "</td></tr>")
                .collect(Collectors.joining("\n"));
        return "<table id=\"results\"><thead><tr><th>User</th><th>Score</th><th>Comment</th></tr></thead><tbody>"
                + rows + "</tbody></table>";
    }
}
