package org.invigil.vision.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.invigil.vision.entity.ModelVersion;

/**
 * The model files the build fetched into the class path ({@code /models/...}, see the {@code vision-models} step of
 * the POM and NOTICE), with the version of the package each came from. The bytes are read once and shared read-only by
 * the workers; the dlib graph is rebuilt once here.
 */
public final class VisionModels {

    private static final String ROOT = "/models/";

    private final Properties versions;
    private final byte[] faceDetectionShortRange;
    private final byte[] faceDetectionFullRange;
    private final byte[] faceLandmark;
    private final CanonicalFace canonicalFace;
    private volatile byte[] dlibResNetOnnx;

    private VisionModels() {
        this.versions = new Properties();
        try (InputStream in = open("models.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.faceDetectionShortRange = read("mediapipe/face_detection_short_range.tflite");
        this.faceDetectionFullRange = read("mediapipe/face_detection_full_range.tflite");
        this.faceLandmark = read("mediapipe/face_landmark.tflite");
        this.canonicalFace = CanonicalFace.parse(read("mediapipe/geometry_pipeline_metadata_landmarks.binarypb"));
    }

    /** Reads the bundled models. */
    public static VisionModels bundled() {
        return new VisionModels();
    }

    public byte[] faceDetection(BlazeFaceDetector.Variant variant) {
        return variant == BlazeFaceDetector.Variant.SHORT_RANGE ? faceDetectionShortRange : faceDetectionFullRange;
    }

    public ModelVersion faceDetectionVersion(BlazeFaceDetector.Variant variant) {
        return new ModelVersion(variant.modelName(), version("face-detection"), "npm @mediapipe/face_detection",
                "Apache-2.0");
    }

    public byte[] faceLandmark() {
        return faceLandmark;
    }

    public ModelVersion faceLandmarkVersion() {
        return new ModelVersion("face_landmark", version("face-mesh"), "npm @mediapipe/face_mesh", "Apache-2.0");
    }

    public CanonicalFace canonicalFace() {
        return canonicalFace;
    }

    /** The ONNX graph of dlib's ResNet descriptor, built on first use (about a second) and kept. */
    public byte[] dlibResNetOnnx() {
        byte[] onnx = dlibResNetOnnx;
        if (onnx == null) {
            synchronized (this) {
                onnx = dlibResNetOnnx;
                if (onnx == null) {
                    onnx = DlibResNetGraph.build(read("face-api/face_recognition_model-weights_manifest.json"),
                            read("face-api/face_recognition_model.bin"));
                    dlibResNetOnnx = onnx;
                }
            }
        }
        return onnx;
    }

    public ModelVersion dlibResNetVersion() {
        return new ModelVersion("dlib_face_recognition_resnet_model_v1", version("face-api"),
                "npm @vladmandic/face-api (dlib's model, rebuilt as ONNX)", "MIT");
    }

    private String version(String key) {
        String version = versions.getProperty(key + ".version");
        if (version == null) {
            throw new IllegalStateException("models.properties has no version for " + key);
        }
        return version;
    }

    private static byte[] read(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model " + name, e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = VisionModels.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IllegalStateException("The model " + ROOT + name + " is not on the class path; the Maven build "
                    + "fetches it (generate-resources) - run mvn package");
        }
        return in;
    }
}
