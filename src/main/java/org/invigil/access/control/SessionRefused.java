package org.invigil.access.control;

import org.invigil.refusal.entity.Refusal;

/** A tool session token that is missing, altered, expired, or does not allow what was asked. */
public class SessionRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    private SessionRefused(Kind kind, String code, String title, String detail) {
        super(kind, code, title, detail);
    }

    /** No session, or one that cannot be trusted (altered, expired). */
    public static SessionRefused notSignedIn(String code, String detail) {
        return new SessionRefused(Kind.NOT_SIGNED_IN, code, "Your session is not valid", detail);
    }

    /** A valid session whose person or exam may not do this. */
    public static SessionRefused notAllowed(String code, String detail) {
        return new SessionRefused(Kind.NOT_YOURS, code, "Not allowed", detail);
    }
}
