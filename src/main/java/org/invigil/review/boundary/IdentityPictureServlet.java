package org.invigil.review.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.invigil.review.control.Reviews;
import org.invigil.screens.boundary.ReviewerLogin;
import org.invigil.web.boundary.PictureResponses;

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
        PictureResponses.write(response, () -> reviews.identityPicture(login.reviewer(),
                        request.getParameter("session"), which),
                "There is no " + which + " picture.", "Open the review from your course page first.");
    }
}
