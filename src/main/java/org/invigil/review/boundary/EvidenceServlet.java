package org.invigil.review.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.invigil.review.control.Reviews;
import org.invigil.web.control.ProblemException;

/** An evidence frame for the review screens, opened for the reviewer of this session and audited. */
@WebServlet("/review/evidence")
public class EvidenceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ReviewerLogin login;

    @Inject
    Reviews reviews;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            byte[] jpeg = reviews.evidence(login.reviewer(), request.getParameter("session"),
                    request.getParameter("frame"));
            response.setContentType("image/jpeg");
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(jpeg.length);
            response.getOutputStream().write(jpeg);
        } catch (ProblemException e) {
            response.sendError(e.problem().status(), e.problem().detail());
        } catch (RuntimeException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Open the review from your course page first.");
        }
    }
}
