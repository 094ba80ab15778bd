package org.invigil.identity.control;

import org.invigil.vision.control.RejectedImageException;
import org.invigil.vision.control.VisionOverloadedException;
import org.invigil.refusal.entity.Refusal;

/** Why a picture sent to Invigil is not used, with the status and words the person sees. */
public final class PictureRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    private PictureRefused(Kind kind, String code, String title, String detail) {
        super(kind, code, title, detail);
    }

    public static PictureRefused of(RejectedImageException e) {
        return switch (e.reason()) {
            case EMPTY -> new PictureRefused(Kind.INVALID, "image_empty", "Bad request", "The picture is empty.");
            case NOT_AN_IMAGE, NOT_JPEG, UNSUPPORTED -> new PictureRefused(Kind.UNSUPPORTED_TYPE, "not_jpeg",
                    "Not a JPEG picture", "Send a JPEG picture (image/jpeg): " + e.getMessage());
            case TRUNCATED, CORRUPT -> new PictureRefused(Kind.INVALID, "image_corrupt", "Bad request",
                    "The picture is damaged and cannot be read: " + e.getMessage());
            case TOO_LARGE -> new PictureRefused(Kind.TOO_LARGE, "image_too_large", "Picture too large",
                    e.getMessage());
        };
    }

    public static PictureRefused busy(VisionOverloadedException e) {
        return new PictureRefused(Kind.UNAVAILABLE, "analysis_busy", "Busy",
                "Invigil is analysing many pictures right now; this one was kept by your browser and will be sent "
                        + "again in a moment.");
    }

    public static PictureRefused notJpegType(String contentType) {
        return new PictureRefused(Kind.UNSUPPORTED_TYPE, "not_jpeg", "Not a JPEG picture",
                "Send the picture as image/jpeg, not " + (contentType == null ? "without a content type" : contentType)
                        + ".");
    }

    public static PictureRefused tooLarge(long bytes, long limit) {
        return new PictureRefused(Kind.TOO_LARGE, "image_too_large", "Picture too large",
                "The picture is " + bytes / 1024 + " KiB; at most " + limit / 1024 + " KiB is accepted.");
    }
}
