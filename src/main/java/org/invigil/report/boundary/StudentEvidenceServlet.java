package org.invigil.report.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.invigil.ids.entity.SessionId;
import org.invigil.report.control.StudentReports;
import org.invigil.web.boundary.PictureResponses;

/** An evidence picture of the student's own attempt, for their report page; audited. */
@WebServlet("/report/evidence")
public class StudentEvidenceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    StudentLogin login;

    @Inject
    StudentReports reports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PictureResponses.write(response, () -> Optional.of(reports.evidence(login.student(),
                        SessionId.of(request.getParameter("attempt")), request.getParameter("frame"))),
                "There is no such evidence picture.", "Open your report from your exam page first.");
    }
}
