package org.invigil.review.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.invigil.review.control.LiveMonitor;
import org.invigil.screens.boundary.ReviewerLogin;
import org.invigil.web.boundary.PictureResponses;

/**
 * A student's latest camera picture, small, for the live monitor of an exam whose "live picture" check is on
 * ({@code /review/live-picture?attempt=<session id>}, in the screen's HTTP session). Never stored, never cached.
 */
@WebServlet("/review/live-picture")
public class LivePictureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ReviewerLogin login;

    @Inject
    LiveMonitor monitor;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PictureResponses.write(response, () -> monitor.livePicture(login.reviewer(), request.getParameter("attempt")),
                "There is no live picture of this student now.", "Open the live monitor from your course page first.");
    }
}
