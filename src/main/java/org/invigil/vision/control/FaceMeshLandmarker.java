package org.invigil.vision.control;

import java.util.ArrayList;
import java.util.List;
import org.invigil.vision.entity.Box;
import org.invigil.vision.entity.FaceDetection;
import org.invigil.vision.entity.ImagePoint;
import org.invigil.vision.entity.ModelVersion;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/**
 * MediaPipe Face Mesh (468 landmarks) on OpenCV's dnn module. The region of interest follows MediaPipe's face
 * landmark graph: the detection box made square on its long side, enlarged 1.5 times and rotated so that the eyes
 * are level; the 192x192 crop goes to the model as RGB in [0, 1] and the landmarks come back to frame pixels through
 * the inverse of the crop's transform. Not thread-safe.
 */
public final class FaceMeshLandmarker implements AutoCloseable {

    static {
        OpenCvNatives.load();
    }

    public static final int LANDMARKS = 468;
    private static final int INPUT = 192;
    private static final double ROI_SCALE = 1.5;
    // Face Mesh indices of the places BlazeFace's keypoints mark (the subject's right eye is on the image's left)
    private static final int RIGHT_EYE_OUTER = 33;
    private static final int RIGHT_EYE_INNER = 133;
    private static final int LEFT_EYE_INNER = 362;
    private static final int LEFT_EYE_OUTER = 263;
    private static final int NOSE_TIP = 1;
    private static final int UPPER_LIP = 13;
    private static final int LOWER_LIP = 14;
    private static final int RIGHT_TRAGION = 234;
    private static final int LEFT_TRAGION = 454;

    private final Net net;
    private final ModelVersion model;
    private final List<String> outputNames;
    private final Mat crop = new Mat();

    public FaceMeshLandmarker(byte[] tflite, ModelVersion model) {
        OpenCvNatives.load();
        MatOfByte bytes = new MatOfByte(tflite);
        try {
            this.net = Dnn.readNetFromTFLite(bytes);
        } finally {
            bytes.release();
        }
        this.model = model;
        this.outputNames = net.getUnconnectedOutLayersNames();
    }

    public ModelVersion model() {
        return model;
    }

    /** The landmarks found in the region of one detected face, and the model's face presence score. */
    public record Landmarks(List<ImagePoint> points, double presence) {
    }

    public Landmarks landmarks(Mat bgr, FaceDetection face) {
        ImagePoint rightEye = face.keypoints().get(0);
        ImagePoint leftEye = face.keypoints().get(1);
        double angle = Math.atan2(leftEye.y() - rightEye.y(), leftEye.x() - rightEye.x());
        ImagePoint centre = face.box().centre();
        double side = Math.max(face.box().width(), face.box().height()) * ROI_SCALE;
        double s = side / INPUT;
        double cos = Math.cos(angle) * s;
        double sin = Math.sin(angle) * s;
        double half = INPUT / 2.0;
        // crop (u, v) -> frame (x, y)
        double[] m = {
            cos, -sin, centre.x() - half * cos + half * sin,
            sin, cos, centre.y() - half * sin - half * cos};
        Mat transform = new Mat(2, 3, CvType.CV_64F);
        transform.put(0, 0, m);
        Mat blob = null;
        List<Mat> outputs = new ArrayList<>(2);
        try {
            Imgproc.warpAffine(bgr, crop, transform, new Size(INPUT, INPUT),
                    Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP, Core.BORDER_CONSTANT,
                    new Scalar(0, 0, 0));
            blob = Dnn.blobFromImage(crop, 1 / 255.0, new Size(INPUT, INPUT), new Scalar(0, 0, 0), true, false);
            net.setInput(blob);
            net.forward(outputs, outputNames);
            Mat landmarksOut = outputs.get(0).total() >= LANDMARKS * 3 ? outputs.get(0) : outputs.get(1);
            Mat flagOut = landmarksOut == outputs.get(0) ? outputs.get(1) : outputs.get(0);
            float[] raw = new float[LANDMARKS * 3];
            landmarksOut.reshape(1, 1).get(0, 0, raw);
            float[] flag = new float[1];
            flagOut.reshape(1, 1).get(0, 0, flag);
            List<ImagePoint> points = new ArrayList<>(LANDMARKS);
            for (int i = 0; i < LANDMARKS; i++) {
                double u = raw[3 * i];
                double v = raw[3 * i + 1];
                points.add(new ImagePoint(m[0] * u + m[1] * v + m[2], m[3] * u + m[4] * v + m[5]));
            }
            return new Landmarks(points, 1 / (1 + Math.exp(-flag[0])));
        } finally {
            transform.release();
            if (blob != null) {
                blob.release();
            }
            outputs.forEach(Mat::release);
        }
    }

    /**
     * A face region made from its landmarks, as MediaPipe's face pipeline makes the next frame's region of interest:
     * the landmarks' bounding box, and BlazeFace's six keypoints (eye centres, nose tip, mouth centre, ear tragions)
     * taken from the mesh points at those places; the confidence is the mesh's face presence.
     */
    public static FaceDetection region(List<ImagePoint> landmarks, double presence) {
        double left = Double.MAX_VALUE;
        double top = Double.MAX_VALUE;
        double right = -Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        for (ImagePoint p : landmarks) {
            left = Math.min(left, p.x());
            top = Math.min(top, p.y());
            right = Math.max(right, p.x());
            bottom = Math.max(bottom, p.y());
        }
        List<ImagePoint> keypoints = List.of(
                midpoint(landmarks, RIGHT_EYE_OUTER, RIGHT_EYE_INNER), midpoint(landmarks, LEFT_EYE_INNER, LEFT_EYE_OUTER),
                landmarks.get(NOSE_TIP), midpoint(landmarks, UPPER_LIP, LOWER_LIP), landmarks.get(RIGHT_TRAGION),
                landmarks.get(LEFT_TRAGION));
        return new FaceDetection(new Box(left, top, right - left, bottom - top), presence, keypoints);
    }

    private static ImagePoint midpoint(List<ImagePoint> landmarks, int a, int b) {
        return new ImagePoint((landmarks.get(a).x() + landmarks.get(b).x()) / 2,
                (landmarks.get(a).y() + landmarks.get(b).y()) / 2);
    }

    @Override
    public void close() {
        crop.release();
    }
}
