package org.invigil.web.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Session fixation (OWASP ASVS 3.2.1): the screens' HTTP session id travels in URLs, so one could be planted on a
 * victim. Every login gives the session a new id; the old id, whoever holds it, no longer opens the session.
 */
public final class SessionIds {

    private SessionIds() {
    }

    /** Gives the current request's HTTP session a new id, if this is a Faces request with a session. */
    public static void renewAtLogin() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getExternalContext().getRequest() instanceof HttpServletRequest request
                && request.getSession(false) != null) {
            request.changeSessionId();
        }
    }
}
