package org.invigil.review.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.invigil.access.entity.ToolSession;
import org.invigil.refusal.entity.Refusal;
import org.invigil.review.control.ExamReportExport;
import org.invigil.review.control.ExamReports;
import org.invigil.review.control.ReportFilter;
import org.invigil.screens.boundary.ReviewerLogin;
import org.invigil.web.boundary.RefusalMapper;

/**
 * The exam report as a CSV or PDF download for the reviewer of this HTTP session (which travels in the URL), with
 * the report page's filter as query parameters ({@code state}, {@code rule}, {@code min}, {@code max}, {@code q}),
 * and {@code exam} when an integrity officer looks at another exam than their launch's.
 */
@WebServlet({"/review/report.csv", "/review/report.pdf"})
public class ExamReportDownload extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ReviewerLogin login;

    @Inject
    ExamReports reports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExamReportExport.Format format = request.getServletPath().endsWith(".pdf") ? ExamReportExport.Format.PDF
                : ExamReportExport.Format.CSV;
        ReportFilter filter = ReportFilter.of(request.getParameter("state"), request.getParameter("rule"),
                request.getParameter("min"), request.getParameter("max"), request.getParameter("q"));
        ExamReportExport.File file;
        try {
            ToolSession reviewer = login.reviewer();
            file = reports.export(reviewer, login.examOf(request.getParameter("exam")), filter, format);
        } catch (Refusal e) {
            response.sendError(RefusalMapper.problem(e).status(), e.detail());
            return;
        }
        response.setContentType(file.mediaType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(file.content().length);
        response.getOutputStream().write(file.content());
    }
}
