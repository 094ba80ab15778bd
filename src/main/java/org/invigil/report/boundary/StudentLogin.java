package org.invigil.report.boundary;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.invigil.access.control.SessionRefused;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.web.boundary.SessionIds;

/**
 * The student of this HTTP session, kept in the URL rather than a cookie (LMS iframes block third-party cookies), as
 * the reviewers' is. It holds the launch's signed token and checks it again on every use; only a learner's launch
 * enters.
 */
@SessionScoped
public class StudentLogin implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ToolSessions sessions;

    private String token;

    /** Starts (or switches) the student's session with a launch token; staff launches are refused. */
    public void enter(String launchToken) {
        if (launchToken != null && !launchToken.isBlank()) {
            String previous = token;
            token = null;
            requireLearner(sessions.open(launchToken));
            if (!launchToken.equals(previous)) {
                SessionIds.renewAtLogin();
            }
            token = launchToken;
        }
    }

    public ToolSession student() {
        return requireLearner(sessions.open(token));
    }

    private static ToolSession requireLearner(ToolSession session) {
        if (session.isStaff()) {
            throw SessionRefused.notAllowed("learners_only", "This page is for students, about their own attempts. "
                    + "Instructors review attempts from the instructor page.");
        }
        return session;
    }
}
