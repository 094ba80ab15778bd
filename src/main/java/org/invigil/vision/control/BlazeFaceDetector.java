package org.invigil.vision.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.invigil.vision.entity.Box;
import org.invigil.vision.entity.FaceDetection;
import org.invigil.vision.entity.ImagePoint;
import org.invigil.vision.entity.ModelVersion;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/**
 * MediaPipe BlazeFace on OpenCV's dnn module: the frame is letterboxed into the model's square input, the SSD
 * anchors are decoded as MediaPipe's TensorsToDetectionsCalculator does, and overlapping boxes are merged by
 * MediaPipe's weighted non-maximum suppression.
 */
public final class BlazeFaceDetector implements FaceDetector {

    static {
        OpenCvNatives.load();
    }

    /** The two BlazeFace models of {@code @mediapipe/face_detection}, with the anchor layout of each. */
    public enum Variant {
        /** Faces within about 2 m of a selfie camera; 128x128 input. */
        SHORT_RANGE("face_detection_short_range", 128, new int[] {8, 16, 16, 16}, true, 0.5),
        /** Faces up to about 5 m away; 192x192 input, slower. */
        FULL_RANGE("face_detection_full_range", 192, new int[] {4}, false, 0.6);

        final String modelName;
        final int inputSize;
        final int[] strides;
        final boolean interpolatedAnchor;
        final double defaultMinScore;

        Variant(String modelName, int inputSize, int[] strides, boolean interpolatedAnchor, double defaultMinScore) {
            this.modelName = modelName;
            this.inputSize = inputSize;
            this.strides = strides;
            this.interpolatedAnchor = interpolatedAnchor;
            this.defaultMinScore = defaultMinScore;
        }

        public String modelName() {
            return modelName;
        }

        public double defaultMinScore() {
            return defaultMinScore;
        }
    }

    private static final int KEYPOINTS = 6;
    private static final int VALUES_PER_ANCHOR = 4 + 2 * KEYPOINTS;
    private static final double NMS_THRESHOLD = 0.3;

    private final Variant variant;
    private final ModelVersion model;
    private final double minScore;
    private final Net net;
    private final List<String> outputNames;
    private final float[][] anchors;
    private final Mat resized = new Mat();
    private final Mat letterboxed = new Mat();

    public BlazeFaceDetector(Variant variant, byte[] tflite, ModelVersion model, double minScore) {
        OpenCvNatives.load();
        this.variant = variant;
        this.model = model;
        this.minScore = minScore;
        MatOfByte bytes = new MatOfByte(tflite);
        try {
            this.net = Dnn.readNetFromTFLite(bytes);
        } finally {
            bytes.release();
        }
        this.outputNames = net.getUnconnectedOutLayersNames();
        this.anchors = anchors(variant);
    }

    @Override
    public ModelVersion model() {
        return model;
    }

    @Override
    public List<FaceDetection> detect(Mat bgr) {
        int size = variant.inputSize;
        double scale = (double) size / Math.max(bgr.cols(), bgr.rows());
        int width = Math.max(1, (int) Math.round(bgr.cols() * scale));
        int height = Math.max(1, (int) Math.round(bgr.rows() * scale));
        Imgproc.resize(bgr, resized, new Size(width, height), 0, 0, Imgproc.INTER_AREA);
        int left = (size - width) / 2;
        int top = (size - height) / 2;
        Core.copyMakeBorder(resized, letterboxed, top, size - height - top, left, size - width - left,
                Core.BORDER_CONSTANT, new Scalar(0, 0, 0));
        Mat blob = Dnn.blobFromImage(letterboxed, 1 / 127.5, new Size(size, size),
                new Scalar(127.5, 127.5, 127.5), true, false);
        List<Mat> outputs = new ArrayList<>(2);
        try {
            net.setInput(blob);
            net.forward(outputs, outputNames);
            float[] scores = floats(outputs.get(classifierIndex(outputs)));
            float[] boxes = floats(outputs.get(1 - classifierIndex(outputs)));
            List<Candidate> candidates = decode(scores, boxes);
            List<FaceDetection> faces = new ArrayList<>();
            for (Candidate c : weightedNonMaximumSuppression(candidates)) {
                faces.add(c.toDetection(size, left, top, scale));
            }
            return faces;
        } finally {
            blob.release();
            outputs.forEach(Mat::release);
        }
    }

    private static int classifierIndex(List<Mat> outputs) {
        return outputs.get(0).total() < outputs.get(1).total() ? 0 : 1;
    }

    private static float[] floats(Mat m) {
        float[] values = new float[(int) m.total()];
        Mat flat = m.reshape(1, 1);
        flat.get(0, 0, values);
        return values;
    }

    private List<Candidate> decode(float[] scores, float[] raw) {
        double s = variant.inputSize;
        List<Candidate> candidates = new ArrayList<>();
        double logitThreshold = Math.log(minScore / (1 - minScore));
        for (int i = 0; i < anchors.length; i++) {
            if (scores[i] < logitThreshold) {
                continue;
            }
            double score = 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, scores[i]))));
            int o = i * VALUES_PER_ANCHOR;
            double ax = anchors[i][0];
            double ay = anchors[i][1];
            double cx = raw[o] / s + ax;
            double cy = raw[o + 1] / s + ay;
            double w = raw[o + 2] / s;
            double h = raw[o + 3] / s;
            double[] keypoints = new double[2 * KEYPOINTS];
            for (int k = 0; k < KEYPOINTS; k++) {
                keypoints[2 * k] = raw[o + 4 + 2 * k] / s + ax;
                keypoints[2 * k + 1] = raw[o + 5 + 2 * k] / s + ay;
            }
            if (w > 0 && h > 0) {
                candidates.add(new Candidate(score, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, keypoints));
            }
        }
        return candidates;
    }

    /** MediaPipe's WEIGHTED suppression: each kept face averages the overlapping boxes, weighted by score. */
    private static List<Candidate> weightedNonMaximumSuppression(List<Candidate> candidates) {
        List<Candidate> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble((Candidate c) -> c.score).reversed());
        List<Candidate> kept = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Candidate top = remaining.get(0);
            List<Candidate> overlapping = new ArrayList<>();
            List<Candidate> rest = new ArrayList<>();
            for (Candidate c : remaining) {
                (top.iou(c) > NMS_THRESHOLD ? overlapping : rest).add(c);
            }
            double total = 0;
            double x0 = 0;
            double y0 = 0;
            double x1 = 0;
            double y1 = 0;
            double[] keypoints = new double[2 * KEYPOINTS];
            for (Candidate c : overlapping) {
                total += c.score;
                x0 += c.x0 * c.score;
                y0 += c.y0 * c.score;
                x1 += c.x1 * c.score;
                y1 += c.y1 * c.score;
                for (int k = 0; k < keypoints.length; k++) {
                    keypoints[k] += c.keypoints[k] * c.score;
                }
            }
            for (int k = 0; k < keypoints.length; k++) {
                keypoints[k] /= total;
            }
            kept.add(new Candidate(top.score, x0 / total, y0 / total, x1 / total, y1 / total, keypoints));
            remaining = rest;
        }
        return kept;
    }

    /** MediaPipe's SsdAnchorsCalculator with fixed anchor size, offset 0.5 and aspect ratio 1. */
    static float[][] anchors(Variant variant) {
        List<float[]> anchors = new ArrayList<>();
        int[] strides = variant.strides;
        int layer = 0;
        while (layer < strides.length) {
            int perLocation = 0;
            int last = layer;
            while (last < strides.length && strides[last] == strides[layer]) {
                perLocation += variant.interpolatedAnchor ? 2 : 1;
                last++;
            }
            int cells = (int) Math.ceil((double) variant.inputSize / strides[layer]);
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int a = 0; a < perLocation; a++) {
                        anchors.add(new float[] {(x + 0.5f) / cells, (y + 0.5f) / cells});
                    }
                }
            }
            layer = last;
        }
        return anchors.toArray(new float[0][]);
    }

    @Override
    public void close() {
        resized.release();
        letterboxed.release();
    }

    private record Candidate(double score, double x0, double y0, double x1, double y1, double[] keypoints) {

        double iou(Candidate o) {
            double w = Math.max(0, Math.min(x1, o.x1) - Math.max(x0, o.x0));
            double h = Math.max(0, Math.min(y1, o.y1) - Math.max(y0, o.y0));
            double intersection = w * h;
            double union = (x1 - x0) * (y1 - y0) + (o.x1 - o.x0) * (o.y1 - o.y0) - intersection;
            return union <= 0 ? 0 : intersection / union;
        }

        FaceDetection toDetection(int size, int left, int top, double scale) {
            double bx0 = (x0 * size - left) / scale;
            double by0 = (y0 * size - top) / scale;
            double bx1 = (x1 * size - left) / scale;
            double by1 = (y1 * size - top) / scale;
            List<ImagePoint> points = new ArrayList<>(KEYPOINTS);
            for (int k = 0; k < KEYPOINTS; k++) {
                points.add(new ImagePoint((keypoints[2 * k] * size - left) / scale,
                        (keypoints[2 * k + 1] * size - top) / scale));
            }
            return new FaceDetection(new Box(bx0, by0, bx1 - bx0, by1 - by0), score, points);
        }
    }
}
