package org.invigil.notification.control;

import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** A subscription or webhook that cannot be made as asked: the caller is told why. */
public class NotificationRefused extends ProblemException {

    private static final long serialVersionUID = 1L;

    public NotificationRefused(int status, String code, String title, String detail) {
        super(new Problem(status, code, title, detail));
    }

    static NotificationRefused badRequest(String code, String detail) {
        return new NotificationRefused(400, code, "Bad request", detail);
    }
}
