package org.invigil.vision.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the engine runs: which models, how many workers, how long a frame may wait, the input limits and the identity
 * thresholds. {@link #defaults()} suits a webcam-frame workload on the bundled models.
 *
 * @param detector           which face detector
 * @param yuNetModel         the YuNet ONNX file when {@code detector} is {@link Detector#YUNET}
 * @param minDetectionScore  detections below this confidence are dropped
 * @param descriptor         which identity descriptor
 * @param sFaceModel         the SFace ONNX file when {@code descriptor} is {@link Descriptor#SFACE}
 * @param workers            worker threads, each with its own networks
 * @param queueCapacity      frames that may wait for a worker (at least 1) before callers get
 *                           {@link VisionOverloadedException}, or {@link #SIZED_QUEUE} to size the queue from the
 *                           service time the workers measure at start
 * @param maxWait            longest a caller waits for a result before {@link VisionOverloadedException}
 * @param maxBytes           largest accepted JPEG in bytes
 * @param maxPixels          largest accepted width x height declared by a JPEG
 * @param maxSide            largest accepted width or height declared by a JPEG
 * @param meshFaces          how many faces per frame (largest first) get landmarks, head pose and eye openness
 * @param minMeshPresence    landmark results below this face presence score are dropped
 * @param identityThresholds verdicts of descriptor comparisons
 * @param detectEvery        monitoring: the full-range detector runs at least on every this many frames of an
 *                           attempt (1: on every frame); between, Face Mesh follows the faces already found
 */
public record VisionSettings(Detector detector, Path yuNetModel, double minDetectionScore, Descriptor descriptor,
        Path sFaceModel, int workers, int queueCapacity, Duration maxWait, long maxBytes, long maxPixels, int maxSide,
        int meshFaces, double minMeshPresence, IdentityThresholds identityThresholds, int detectEvery) {

    /** The face detectors the engine can run. */
    public enum Detector {
        /** MediaPipe BlazeFace full range (bundled, default): faces from about 20 pixels wide. */
        BLAZEFACE_FULL_RANGE,
        /** MediaPipe BlazeFace short range (bundled): 3x faster, but only faces that fill a good part of the frame. */
        BLAZEFACE_SHORT_RANGE,
        /** OpenCV's YuNet from a file the deployer provides ({@code face_detection_yunet_2023mar.onnx}). */
        YUNET
    }

    /** The identity descriptors the engine can compute. */
    public enum Descriptor {
        /** dlib's ResNet, rebuilt from face-api's weights (bundled, default). */
        DLIB_RESNET,
        /** OpenCV's SFace from a file the deployer provides ({@code face_recognition_sface_2021dec.onnx}). */
        SFACE
    }

    public VisionSettings {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(identityThresholds, "identityThresholds");
        if (detector == Detector.YUNET && yuNetModel == null) {
            throw new IllegalArgumentException("The YuNet detector needs a model file");
        }
        if (descriptor == Descriptor.SFACE && sFaceModel == null) {
            throw new IllegalArgumentException("The SFace descriptor needs a model file");
        }
        if (workers < 1 || queueCapacity < SIZED_QUEUE || maxBytes < 1 || maxPixels < 1 || maxSide < 1 || meshFaces < 0
                || detectEvery < 1) {
            throw new IllegalArgumentException("Invalid vision settings: " + workers + " workers, queue "
                    + queueCapacity + ", limits " + maxBytes + "/" + maxPixels + "/" + maxSide + ", mesh " + meshFaces
                    + ", detect every " + detectEvery);
        }
    }

    /**
     * Monitoring frames come every 3 s by default: the detector then looks for a face entering the picture at least
     * every 15 s, and on every frame where a followed face was lost.
     */
    public static final int DEFAULT_DETECT_EVERY = 5;

    /** A queue capacity that asks the engine to size the queue from its measured service time. */
    public static final int SIZED_QUEUE = 0;

    public static VisionSettings defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new VisionSettings(Detector.BLAZEFACE_FULL_RANGE, null,
                BlazeFaceDetector.Variant.FULL_RANGE.defaultMinScore(), Descriptor.DLIB_RESNET, null, cores,
                SIZED_QUEUE, Duration.ofSeconds(10), 8L << 20, 3840L * 2160, 8192, 4, 0.5,
                IdentityThresholds.DLIB_RESNET, DEFAULT_DETECT_EVERY);
    }

    public VisionSettings withDetector(Detector newDetector, Path model, double minScore) {
        return new VisionSettings(newDetector, model, minScore, descriptor, sFaceModel, workers, queueCapacity,
                maxWait, maxBytes, maxPixels, maxSide, meshFaces, minMeshPresence, identityThresholds,
                detectEvery);
    }

    public VisionSettings withDescriptor(Descriptor newDescriptor, Path model, IdentityThresholds thresholds) {
        return new VisionSettings(detector, yuNetModel, minDetectionScore, newDescriptor, model, workers,
                queueCapacity, maxWait, maxBytes, maxPixels, maxSide, meshFaces, minMeshPresence, thresholds,
                detectEvery);
    }

    public VisionSettings withWorkers(int newWorkers, int newQueueCapacity, Duration newMaxWait) {
        return new VisionSettings(detector, yuNetModel, minDetectionScore, descriptor, sFaceModel, newWorkers,
                newQueueCapacity, newMaxWait, maxBytes, maxPixels, maxSide, meshFaces, minMeshPresence,
                identityThresholds, detectEvery);
    }

    public VisionSettings withMesh(int newMeshFaces, double newMinMeshPresence) {
        return new VisionSettings(detector, yuNetModel, minDetectionScore, descriptor, sFaceModel, workers,
                queueCapacity, maxWait, maxBytes, maxPixels, maxSide, newMeshFaces, newMinMeshPresence,
                identityThresholds, detectEvery);
    }

    public VisionSettings withLimits(long newMaxBytes, long newMaxPixels, int newMaxSide) {
        return new VisionSettings(detector, yuNetModel, minDetectionScore, descriptor, sFaceModel, workers,
                queueCapacity, maxWait, newMaxBytes, newMaxPixels, newMaxSide, meshFaces, minMeshPresence,
                identityThresholds, detectEvery);
    }

    public VisionSettings withDetectEvery(int frames) {
        return new VisionSettings(detector, yuNetModel, minDetectionScore, descriptor, sFaceModel, workers,
                queueCapacity, maxWait, maxBytes, maxPixels, maxSide, meshFaces, minMeshPresence, identityThresholds,
                frames);
    }
}
