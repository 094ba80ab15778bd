package org.invigil.review.boundary;

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

/**
 * HTML of the page an instructor lands on: the exam's facts, the links to the review and settings screens, its
 * proctoring sessions, the course roster and the proctoring check column of the gradebook.
 */
final class InstructorPage {

    private InstructorPage() {
    }

    static String of(String token, ToolSession session, ExamSummary exam,
                     InstructorPageResource.Outcome<List<Member>> members,
                     InstructorPageResource.Outcome<List<Result>> results, List<ProctoringSession> attempts) {
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
                %s%s
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
                        + "\">All exams of your institution</a>" : "", learnerNames(exam), attempts(attempts),
                roster(exam, members), gradebook(exam, results));
        return Page.render(exam.title(), body);
    }

    /**
     * Where the platform keeps the names of students it launched anonymously (Open edX's exam roster): the page's
     * script reads it with the instructor's own platform session and hands the names to Invigil.
     */
    private static String learnerNames(ExamSummary exam) {
        return exam.learnerNamesUrl().map(url -> "<p id=\"learner-names\" class=\"muted\" data-roster=\""
                + escape(url) + "\" data-exam=\"" + escape(exam.id()) + "\">Reading the learners' names from the "
                + "platform's roster…</p>\n<script type=\"module\" src=\"/static/js/learner-names.js\"></script>\n")
                .orElse("");
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

    private static String roster(ExamSummary exam, InstructorPageResource.Outcome<List<Member>> members) {
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

    private static String gradebook(ExamSummary exam, InstructorPageResource.Outcome<List<Result>> results) {
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
