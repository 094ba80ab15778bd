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
        return decode(jpeg, header(jpeg), 1);
    }

    /**
     * The frame's header, checked against the limits before anything is decoded.
     *
     * @throws RejectedImageException when the bytes are no acceptable JPEG
     */
    public JpegHeader header(byte[] jpeg) {
        if (jpeg != null && jpeg.length > maxBytes) {
            throw new RejectedImageException(Reason.TOO_LARGE,
                    "The frame has " + jpeg.length + " bytes; the limit is " + maxBytes);
        }
        return JpegHeader.read(jpeg, maxPixels, maxSide);
    }

    /**
     * The largest of 1, 2, 4 and 8 by which libjpeg may scale the frame down while decoding (its DCT scaling, far
     * cheaper than decoding whole and resizing) and still leave at least {@code minWidth} pixels across.
     */
    public static int reduction(JpegHeader header, int minWidth) {
        int reduction = 1;
        while (reduction < 8 && header.width() / (reduction * 2) >= minWidth) {
            reduction *= 2;
        }
        return reduction;
    }

    /**
     * The frame decoded at 1/{@code reduction} of its size in each direction (1, 2, 4 or 8), from a header that
     * {@link #header} checked.
     *
     * @return a BGR image, 8 bits per channel; the caller releases it
     * @throws RejectedImageException when the bytes are no acceptable JPEG
     */
    public Mat decode(byte[] jpeg, JpegHeader header, int reduction) {
        int flag = switch (reduction) {
            case 1 -> Imgcodecs.IMREAD_COLOR;
            case 2 -> Imgcodecs.IMREAD_REDUCED_COLOR_2;
            case 4 -> Imgcodecs.IMREAD_REDUCED_COLOR_4;
            case 8 -> Imgcodecs.IMREAD_REDUCED_COLOR_8;
            default -> throw new IllegalArgumentException("libjpeg scales by 1, 2, 4 or 8, not " + reduction);
        };
        MatOfByte buffer = new MatOfByte(jpeg);
        Mat image;
        try {
            image = Imgcodecs.imdecode(buffer, flag);
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
