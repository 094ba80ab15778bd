package org.invigil.exam.boundary;

import static org.invigil.web.boundary.Page.escape;

import java.util.List;
import java.util.stream.Collectors;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.entity.ExamSummary;
import org.invigil.grades.entity.Result;
import org.invigil.launch.entity.Roles;
import org.invigil.roster.entity.Member;
import org.invigil.web.boundary.Page;

/** HTML of the exam pages. */
final class ExamPages {

    private ExamPages() {
    }

    static String student(ToolSession session, ExamSummary exam) {
        String body = """
                <h1>%s</h1>
                <p>Hello %s. This exam is proctored by Invigil.</p>
                <dl class="facts" id="launch">
                  <dt>Exam</dt><dd id="exam-title">%s</dd>
                  <dt>Course</dt><dd id="course-title">%s</dd>
                  <dt>Signed in as</dt><dd id="user-name">%s</dd>
                  <dt>Role</dt><dd id="audience">Student</dd>
                </dl>
                <h2>What happens next</h2>
                <ol>
                  <li>You read what the proctoring captures, who sees it and for how long, and decide whether to
                  consent.</li>
                  <li>You check your camera and lighting.</li>
                  <li>%s</li>
                  <li>You take the exam in your course, with your camera on.</li>
                </ol>
                <p class="muted">The consent and camera steps are not available yet in this version of Invigil.</p>
                """.formatted(escape(exam.title()), escape(session.userName()), escape(exam.title()),
                escape(exam.courseTitle().orElse("—")), escape(session.userName()),
                exam.settings().identityRequired() ? "You confirm your identity against your reference photo."
                        : "No identity check is required for this exam.");
        return Page.render(exam.title(), body);
    }

    static String instructor(ToolSession session, ExamSummary exam, ExamPagesResource.Outcome<List<Member>> members,
                             ExamPagesResource.Outcome<List<Result>> results) {
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
                <h2>Course roster</h2>
                %s
                <h2>Integrity column in the gradebook</h2>
                %s
                """.formatted(escape(exam.title()), escape(exam.title()), escape(exam.courseTitle().orElse("—")),
                escape(exam.resourceLinkId().orElse("—")), escape(session.userName()),
                escape(Roles.parse(session.roles()).toString()), exam.settings().frameIntervalSeconds(),
                exam.settings().identityRequired() ? "required" : "not required",
                roster(exam, members), gradebook(exam, results));
        return Page.render(exam.title(), body);
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
