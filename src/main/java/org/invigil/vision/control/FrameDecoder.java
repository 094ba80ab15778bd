package org.invigil.vision.control;

import org.invigil.vision.control.RejectedImageException.Reason;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Decodes JPEG frames into BGR images, refusing anything that is not a well-formed JPEG within the limits before the
 * decoder allocates memory for it. The worst case of memory per call is therefore the byte limit plus
 * {@code maxPixels} x 3 bytes.
 */
public final class FrameDecoder {

    private final long maxBytes;
    private final long maxPixels;
    private final int maxSide;

    public FrameDecoder(long maxBytes, long maxPixels, int maxSide) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
        this.maxSide = maxSide;
        OpenCvNatives.load();
    }

    /**
     * @return a BGR image, 8 bits per channel; the caller releases it
     * @throws RejectedImageException when the bytes are no acceptable JPEG
     */
    public Mat decode(byte[] jpeg) {
        if (jpeg != null && jpeg.length > maxBytes) {
            throw new RejectedImageException(Reason.TOO_LARGE,
                    "The frame has " + jpeg.length + " bytes; the limit is " + maxBytes);
        }
        JpegHeader header = JpegHeader.read(jpeg, maxPixels, maxSide);
        MatOfByte buffer = new MatOfByte(jpeg);
        Mat image;
        try {
            image = Imgcodecs.imdecode(buffer, Imgcodecs.IMREAD_COLOR);
        } catch (RuntimeException e) {
            throw new RejectedImageException(Reason.CORRUPT, "The JPEG decoder failed: " + e.getMessage(), e);
        } finally {
            buffer.release();
        }
        if (image.empty()) {
            image.release();
            throw new RejectedImageException(Reason.CORRUPT,
                    "The JPEG decoder could not decode a " + header.width() + "x" + header.height() + " frame");
        }
        return image;
    }
}
