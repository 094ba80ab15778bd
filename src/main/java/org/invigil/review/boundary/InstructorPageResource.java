package org.invigil.review.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.Supplier;
import org.invigil.access.control.SessionRefused;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.ExamSummary;
import org.invigil.grades.control.Gradebook;
import org.invigil.grades.entity.Result;
import org.invigil.refusal.entity.Refusal;
import org.invigil.roster.control.Roster;
import org.invigil.roster.entity.Member;
import org.invigil.session.control.ProctoringSessions;

/**
 * The page an instructor's launch lands on ({@code /lti/exam/instructor}): what the exam's staff see first, with
 * the roster and gradebook as the LMS answers them, and the way into the review and settings screens.
 */
@Path("exam/instructor")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class InstructorPageResource {

    @Inject
    ToolSessions sessions;

    @Inject
    Exams exams;

    @Inject
    Roster roster;

    @Inject
    Gradebook gradebook;

    @Inject
    ProctoringSessions proctoringSessions;

    @GET
    public String instructor(@QueryParam("session") String token) {
        ToolSession session = sessions.open(token);
        if (!session.isStaff()) {
            throw SessionRefused.notAllowed("staff_only", "This page is for the course's instructors.");
        }
        ExamSummary exam = exams.ofSession(session);
        Outcome<List<Member>> members = Outcome.of(() -> roster.of(exam.examId()));
        Outcome<List<Result>> results = Outcome.of(() -> gradebook.results(exam.examId(), Gradebook.Column.GATE));
        return InstructorPage.of(token, session, exam, members, results, proctoringSessions.ofExam(exam.examId()));
    }

    /** A platform call that may fail without failing the page: the page says what the LMS answered instead. */
    record Outcome<T>(T value, String problem) {
        static <T> Outcome<T> of(Supplier<T> call) {
            try {
                return new Outcome<>(call.get(), null);
            } catch (Refusal e) {
                return new Outcome<>(null, e.detail());
            }
        }
    }
}
