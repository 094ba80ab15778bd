package org.invigil.web.control;

/**
 * What went wrong, said to the caller: an HTTP status, a stable machine-readable code, a short title and a
 * sentence that names the problem (RFC 9457 fields {@code status}, {@code type}, {@code title}, {@code detail}).
 */
public record Problem(int status, String code, String title, String detail) {

    public static Problem badRequest(String code, String detail) {
        return new Problem(400, code, "Bad request", detail);
    }

    public static Problem unauthorized(String code, String detail) {
        return new Problem(401, code, "Not authorised", detail);
    }
}
