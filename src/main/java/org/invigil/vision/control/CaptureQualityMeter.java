package org.invigil.vision.control;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.invigil.vision.entity.CaptureQuality;
import org.invigil.vision.entity.FrameFingerprint;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Measures brightness, contrast and sharpness of a frame, and fingerprints it. Sharpness is measured at a fixed
 * width of 320 pixels so that it does not depend on the frame's resolution. Not thread-safe.
 */
public final class CaptureQualityMeter implements AutoCloseable {

    static {
        OpenCvNatives.load();
    }

    private static final int WORKING_WIDTH = 320;

    private final Mat grey = new Mat();
    private final Mat small = new Mat();
    private final Mat laplacian = new Mat();
    private final Mat thumbnail = new Mat();
    private final MatOfDouble mean = new MatOfDouble();
    private final MatOfDouble deviation = new MatOfDouble();
    private byte[] pixels = new byte[0];

    public CaptureQuality measure(Mat bgr) {
        Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
        long exact = exactHash(grey);
        Mat working = grey;
        if (grey.cols() > WORKING_WIDTH) {
            double scale = (double) WORKING_WIDTH / grey.cols();
            Imgproc.resize(grey, small, new Size(WORKING_WIDTH, Math.max(1, Math.round(grey.rows() * scale))), 0, 0,
                    Imgproc.INTER_AREA);
            working = small;
        }
        Core.meanStdDev(working, mean, deviation);
        double brightness = mean.get(0, 0)[0];
        double contrast = deviation.get(0, 0)[0];
        Imgproc.Laplacian(working, laplacian, CvType.CV_32F);
        Core.meanStdDev(laplacian, mean, deviation);
        double sharpness = deviation.get(0, 0)[0] * deviation.get(0, 0)[0];
        return new CaptureQuality(brightness, contrast, sharpness,
                new FrameFingerprint(exact, differenceHash(working)));
    }

    /** A 64-bit hash of every grey pixel (FNV-1a over 8-byte words, then a final mix). */
    private long exactHash(Mat image) {
        int length = (int) image.total();
        if (pixels.length < length) {
            pixels = new byte[length];
        }
        Mat continuous = image.isContinuous() ? image : image.clone();
        continuous.get(0, 0, pixels);
        ByteBuffer words = ByteBuffer.wrap(pixels, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        long hash = 0xcbf29ce484222325L ^ length;
        while (words.remaining() >= 8) {
            hash = (hash ^ words.getLong()) * 0x100000001b3L;
        }
        while (words.hasRemaining()) {
            hash = (hash ^ words.get()) * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }

    /** dHash: each bit says whether a pixel of a 9x8 thumbnail is brighter than its right neighbour. */
    private long differenceHash(Mat image) {
        Imgproc.resize(image, thumbnail, new Size(9, 8), 0, 0, Imgproc.INTER_AREA);
        byte[] values = new byte[72];
        thumbnail.get(0, 0, values);
        long hash = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                hash <<= 1;
                if ((values[y * 9 + x] & 0xFF) > (values[y * 9 + x + 1] & 0xFF)) {
                    hash |= 1;
                }
            }
        }
        return hash;
    }

    @Override
    public void close() {
        grey.release();
        small.release();
        laplacian.release();
        thumbnail.release();
        mean.release();
        deviation.release();
    }
}
