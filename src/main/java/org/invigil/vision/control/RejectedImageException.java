package org.invigil.vision.control;

/**
 * The bytes given as a frame are not a JPEG the engine accepts. Nothing was decoded beyond the header check, so a
 * rejected image costs no more memory than its bytes.
 */
public class RejectedImageException extends RuntimeException {

    /** Why an image was rejected. */
    public enum Reason {
        /** No bytes at all. */
        EMPTY,
        /** The bytes are no image format the engine knows. */
        NOT_AN_IMAGE,
        /** A known image format other than JPEG (PNG, WebP, GIF, BMP, TIFF). */
        NOT_JPEG,
        /** The JPEG ends before its end-of-image marker or in the middle of a header segment. */
        TRUNCATED,
        /** The JPEG's structure is broken, or the decoder gave up on it. */
        CORRUPT,
        /** The declared dimensions or the byte size are beyond the configured limits (a decompression bomb). */
        TOO_LARGE,
        /** A valid JPEG of a kind the engine does not decode (12-bit samples, unusual component counts). */
        UNSUPPORTED
    }

    private final Reason reason;

    public RejectedImageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectedImageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
