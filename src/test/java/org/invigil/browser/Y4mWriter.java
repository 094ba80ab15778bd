package org.invigil.browser;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.invigil.vision.control.OpenCvNatives;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Writes an uncompressed YUV4MPEG2 video, the format Chromium's {@code --use-file-for-fake-video-capture} plays (and
 * loops): the header {@code YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg}, then per frame {@code FRAME\n} followed by
 * the Y, U and V planes of the frame in I420 (4:2:0, chroma at half resolution). One 640x480 frame is 460,800 bytes.
 */
public final class Y4mWriter implements AutoCloseable {

    static {
        OpenCvNatives.load();
    }

    private static final byte[] FRAME = "FRAME\n".getBytes(StandardCharsets.US_ASCII);

    private final int width;
    private final int height;
    private final OutputStream out;
    private final Mat yuv = new Mat();
    private final byte[] planes;
    private int frames;

    public Y4mWriter(Path file, int width, int height, int fps) {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("I420 needs an even, positive frame size: " + width + "x" + height);
        }
        if (fps <= 0) {
            throw new IllegalArgumentException("fps must be positive: " + fps);
        }
        this.width = width;
        this.height = height;
        this.planes = new byte[width * height * 3 / 2];
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F" + fps + ":1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Appends one frame: an 8-bit BGR picture of exactly the video's size. */
    public void write(Mat bgr) {
        if (bgr.cols() != width || bgr.rows() != height || bgr.type() != CvType.CV_8UC3) {
            throw new IllegalArgumentException("Expected a " + width + "x" + height + " 8-bit BGR frame, got "
                    + bgr.cols() + "x" + bgr.rows() + " " + CvType.typeToString(bgr.type()));
        }
        Imgproc.cvtColor(bgr, yuv, Imgproc.COLOR_BGR2YUV_I420);
        yuv.get(0, 0, planes);
        try {
            out.write(FRAME);
            out.write(planes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        frames++;
    }

    public int frames() {
        return frames;
    }

    @Override
    public void close() {
        yuv.release();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
