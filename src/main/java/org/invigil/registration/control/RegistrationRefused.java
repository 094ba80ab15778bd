package org.invigil.registration.control;

import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** A registration that cannot be made: bad input, or a platform that refused or misbehaved. */
public class RegistrationRefused extends ProblemException {

    private static final long serialVersionUID = 1L;

    public RegistrationRefused(String code, String detail) {
        super(Problem.badRequest(code, detail));
    }

    public RegistrationRefused(Problem problem) {
        super(problem);
    }
}
