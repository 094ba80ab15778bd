package org.invigil.identity.control;

import org.invigil.vision.control.RejectedImageException;
import org.invigil.vision.control.VisionOverloadedException;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** Why a picture sent to Invigil is not used, with the status and words the person sees. */
public final class PictureRefused {

    private PictureRefused() {
    }

    public static ProblemException of(RejectedImageException e) {
        return switch (e.reason()) {
            case EMPTY -> new ProblemException(Problem.badRequest("image_empty", "The picture is empty."));
            case NOT_AN_IMAGE, NOT_JPEG, UNSUPPORTED -> new ProblemException(new Problem(415, "not_jpeg",
                    "Not a JPEG picture", "Send a JPEG picture (image/jpeg): " + e.getMessage()));
            case TRUNCATED, CORRUPT -> new ProblemException(Problem.badRequest("image_corrupt",
                    "The picture is damaged and cannot be read: " + e.getMessage()));
            case TOO_LARGE -> new ProblemException(new Problem(413, "image_too_large", "Picture too large",
                    e.getMessage()));
        };
    }

    public static ProblemException busy(VisionOverloadedException e) {
        return new ProblemException(new Problem(503, "analysis_busy", "Busy",
                "Invigil is analysing many pictures right now; this one was kept by your browser and will be sent "
                        + "again in a moment."));
    }

    public static ProblemException notJpegType(String contentType) {
        return new ProblemException(new Problem(415, "not_jpeg", "Not a JPEG picture",
                "Send the picture as image/jpeg, not " + (contentType == null ? "without a content type" : contentType)
                        + "."));
    }

    public static ProblemException tooLarge(long bytes, long limit) {
        return new ProblemException(new Problem(413, "image_too_large", "Picture too large",
                "The picture is " + bytes / 1024 + " KiB; at most " + limit / 1024 + " KiB is accepted."));
    }
}
