package org.invigil.outbound.control;

import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** A platform URL the tool will not call, or a platform that could not be reached. */
public class OutboundRefused extends ProblemException {

    private static final long serialVersionUID = 1L;

    public OutboundRefused(String code, String detail) {
        super(Problem.badRequest(code, detail));
    }

    public OutboundRefused(Problem problem, Throwable cause) {
        super(problem, cause);
    }
}
