package org.invigil.review.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.invigil.review.control.Reviews;
import org.invigil.web.control.ProblemException;

/** The reference photo or the identity-check picture of an attempt, for its reviewer, audited. */
@WebServlet("/review/identity")
public class IdentityPictureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ReviewerLogin login;

    @Inject
    Reviews reviews;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String which = "capture".equals(request.getParameter("which")) ? "capture" : "reference";
        try {
            Optional<byte[]> jpeg = reviews.identityPicture(login.reviewer(), request.getParameter("session"), which);
            if (jpeg.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "There is no " + which + " picture.");
                return;
            }
            response.setContentType("image/jpeg");
            response.setHeader("Cache-Control", "no-store");
            response.getOutputStream().write(jpeg.get());
        } catch (ProblemException e) {
            response.sendError(e.problem().status(), e.problem().detail());
        } catch (RuntimeException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Open the review from your course page first.");
        }
    }
}
