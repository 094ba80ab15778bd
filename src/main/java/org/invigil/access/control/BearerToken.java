package org.invigil.access.control;

/** Reads the tool session token from an {@code Authorization: Bearer} header. */
public final class BearerToken {

    private BearerToken() {
    }

    public static String from(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw SessionRefused.notSignedIn("session_missing", "Send the session token of your launch as "
                    + "Authorization: Bearer <token>. Open the exam again from your course page.");
        }
        return authorization.substring(7).trim();
    }
}
