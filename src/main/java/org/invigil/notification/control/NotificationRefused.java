package org.invigil.notification.control;

import org.invigil.refusal.entity.Refusal;

/** A subscription or webhook that cannot be made as asked: the caller is told why. */
public class NotificationRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    public NotificationRefused(Kind kind, String code, String title, String detail) {
        super(kind, code, title, detail);
    }

    static NotificationRefused badRequest(String code, String detail) {
        return new NotificationRefused(Kind.INVALID, code, "Bad request", detail);
    }
}
