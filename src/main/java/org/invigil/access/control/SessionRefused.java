package org.invigil.access.control;

import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** A tool session token that is missing, altered, expired, or does not allow what was asked. */
public class SessionRefused extends ProblemException {

    private static final long serialVersionUID = 1L;

    public SessionRefused(int status, String code, String detail) {
        super(new Problem(status, code, status == 403 ? "Not allowed" : "Your session is not valid", detail));
    }
}
