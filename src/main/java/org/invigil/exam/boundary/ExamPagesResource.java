package org.invigil.exam.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.invigil.access.control.SessionRefused;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.ExamSummary;

/**
 * The page a student's launch lands on ({@code /lti/exam/student}), for the exam and the person the session names;
 * the instructor's is review's {@code InstructorPageResource}.
 */
@Path("exam/student")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ExamPagesResource {

    @Inject
    ToolSessions sessions;

    @Inject
    Exams exams;

    @GET
    public String student(@QueryParam("session") String token) {
        ToolSession session = sessions.open(token);
        return ExamPages.student(session, exam(session));
    }

    private ExamSummary exam(ToolSession session) {
        String examId = session.examId().orElseThrow(() -> new SessionRefused(403, "exam_missing",
                "This session is not for an exam. Open the exam from your course page."));
        return exams.summary(examId).orElseThrow(() -> new SessionRefused(403, "exam_missing",
                "The exam of this session no longer exists."));
    }
}
