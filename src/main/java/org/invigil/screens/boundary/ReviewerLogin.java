package org.invigil.screens.boundary;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.invigil.access.control.SessionRefused;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.ids.entity.ExamId;
import org.invigil.web.boundary.SessionIds;

/**
 * The staff member (instructor, reviewer, integrity officer) of this HTTP session, which the staff screens keep in
 * the URL rather than a cookie (LMS iframes block third-party cookies). It holds the launch's signed token, not its
 * contents, and checks it again on every use.
 */
@SessionScoped
public class ReviewerLogin implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ToolSessions sessions;

    private String token;

    /**
     * Starts (or switches) the review session with a launch token; only staff may review. True if a token was
     * given: the screen then sends the browser to {@link #sameScreen()}, so that the token leaves the address bar,
     * the history and any log of the address.
     */
    public boolean enter(String launchToken) {
        if (launchToken != null && !launchToken.isBlank()) {
            ToolSession session = sessions.open(launchToken);
            if (!session.isStaff()) {
                throw SessionRefused.notAllowed("staff_only", "Only the course's instructors can review attempts.");
            }
            if (!launchToken.equals(token)) {
                SessionIds.renewAtLogin();
            }
            token = launchToken;
            return true;
        }
        return false;
    }

    /**
     * The screen being shown, again, with its other parameters but without the launch token (which the screen has
     * set to null): a Faces redirect outcome.
     */
    public static String sameScreen() {
        return FacesContext.getCurrentInstance().getViewRoot().getViewId()
                + "?faces-redirect=true&includeViewParams=true";
    }

    public ToolSession reviewer() {
        return sessions.open(token);
    }

    /**
     * The exam a screen is about: the one the page names (an integrity officer going through the platform's exams),
     * else the reviewer's launch exam. Whether the reviewer may see it is the screen's control's check.
     */
    public ExamId examOf(String requested) {
        return ExamId.of(requested != null && !requested.isBlank() ? requested : reviewer().examId().orElse(""));
    }
}
