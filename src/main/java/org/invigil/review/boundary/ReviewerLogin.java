package org.invigil.review.boundary;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.invigil.access.control.SessionRefused;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;

/**
 * The reviewer of this HTTP session, which the review screens keep in the URL rather than a cookie (LMS iframes
 * block third-party cookies). It holds the launch's signed token, not its contents, and checks it again on every use.
 */
@SessionScoped
public class ReviewerLogin implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ToolSessions sessions;

    private String token;

    /** Starts (or switches) the review session with a launch token; only staff may review. */
    public void enter(String launchToken) {
        if (launchToken != null && !launchToken.isBlank()) {
            ToolSession session = sessions.open(launchToken);
            if (!session.isStaff()) {
                throw new SessionRefused(403, "staff_only", "Only the course's instructors can review attempts.");
            }
            token = launchToken;
        }
    }

    public ToolSession reviewer() {
        return sessions.open(token);
    }
}
