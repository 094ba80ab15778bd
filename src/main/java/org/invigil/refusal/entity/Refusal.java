package org.invigil.refusal.entity;

/**
 * Something Invigil will not do, said in domain words: which kind of refusal it is, a stable machine-readable code,
 * a short title and a sentence that names what is wrong. Components extend it with their own types
 * ({@code SessionRefused}, {@code ExamUnknown}, ...); the web boundary maps the kind to a status.
 */
public abstract class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the request is refused, as the domain sees it; the web boundary gives each its HTTP status. */
    public enum Kind {
        /** The request is malformed or a value is out of its bounds. */
        INVALID,
        /** Nobody is signed in, or the credential is not valid. */
        NOT_SIGNED_IN,
        /** The person is known but may not do this. */
        NOT_YOURS,
        /** What the request names does not exist. */
        UNKNOWN,
        /** It existed and was deleted on purpose (retention). */
        GONE,
        /** Not in this state, or it changed meanwhile: not now. */
        NOT_NOW,
        /** Well-formed, but the content cannot be used (a picture without a face, a platform's odd answer). */
        UNUSABLE,
        /** Larger than allowed. */
        TOO_LARGE,
        /** Of a kind of content not taken here. */
        UNSUPPORTED_TYPE,
        /** Another system (the LMS, a webhook receiver) failed or answered wrongly. */
        UPSTREAM_FAILED,
        /** Another system did not answer in time. */
        UPSTREAM_SLOW,
        /** Invigil cannot do it just now (starting, busy); the caller may try again. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final String title;
    private final String detail;

    protected Refusal(Kind kind, String code, String title, String detail) {
        this(kind, code, title, detail, null);
    }

    protected Refusal(Kind kind, String code, String title, String detail, Throwable cause) {
        super(code + ": " + detail, cause);
        this.kind = kind;
        this.code = code;
        this.title = title;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The sentence the person who asked is shown. */
    public String detail() {
        return detail;
    }
}
