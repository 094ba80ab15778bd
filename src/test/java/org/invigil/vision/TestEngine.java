package org.invigil.vision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.invigil.vision.control.FaceAnalyzer;
import org.invigil.vision.control.OpenCvNatives;
import org.invigil.vision.control.VisionModels;
import org.invigil.vision.control.VisionSettings;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Shares the bundled models and one analyzer per test JVM (loading the networks and rebuilding the dlib graph takes
 * seconds); tests run one class at a time, so the single-threaded analyzer is safe.
 */
public final class TestEngine {

    static {
        OpenCvNatives.load();
    }

    private static VisionModels models;
    private static FaceAnalyzer analyzer;

    private TestEngine() {
    }

    public static synchronized VisionModels models() {
        if (models == null) {
            models = VisionModels.bundled();
        }
        return models;
    }

    public static synchronized FaceAnalyzer analyzer() {
        if (analyzer == null) {
            analyzer = new FaceAnalyzer(models(), VisionSettings.defaults());
        }
        return analyzer;
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Mat read(Path file) {
        Mat image = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
        if (image.empty()) {
            throw new IllegalStateException("Cannot read " + file);
        }
        return image;
    }

    public static byte[] jpeg(Mat image, int quality) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".jpg", image, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
        byte[] bytes = out.toArray();
        out.release();
        return bytes;
    }
}
