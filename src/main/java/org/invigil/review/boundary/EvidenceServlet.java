package org.invigil.review.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.invigil.review.control.Reviews;
import org.invigil.screens.boundary.ReviewerLogin;
import org.invigil.web.boundary.PictureResponses;

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
        PictureResponses.write(response, () -> Optional.of(reviews.evidence(login.reviewer(),
                        request.getParameter("session"), request.getParameter("frame"))),
                "There is no such evidence picture.", "Open the review from your course page first.");
    }
}
