package org.invigil.launch.control;

import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** A login or launch that fails a check: 400 for a malformed request, 401 for a token we cannot trust. */
public class LaunchRejected extends ProblemException {

    private static final long serialVersionUID = 1L;

    private LaunchRejected(Problem problem) {
        super(problem);
    }

    public static LaunchRejected malformed(String code, String detail) {
        return new LaunchRejected(new Problem(400, code, "This launch cannot be used", detail));
    }

    public static LaunchRejected untrusted(String code, String detail) {
        return new LaunchRejected(new Problem(401, code, "This launch could not be verified", detail));
    }
}
