package org.invigil.report.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.invigil.report.control.StudentReports;
import org.invigil.web.control.ProblemException;

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
        try {
            byte[] jpeg = reports.evidence(login.student(), request.getParameter("attempt"),
                    request.getParameter("frame"));
            response.setContentType("image/jpeg");
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(jpeg.length);
            response.getOutputStream().write(jpeg);
        } catch (ProblemException e) {
            response.sendError(e.problem().status(), e.problem().detail());
        } catch (RuntimeException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Open your report from your exam page first.");
        }
    }
}
