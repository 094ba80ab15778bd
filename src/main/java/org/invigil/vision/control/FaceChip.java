package org.invigil.vision.control;

import java.util.List;
import org.invigil.vision.entity.ImagePoint;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The aligned face crop ("chip") that dlib's descriptor was trained on: dlib's {@code get_face_chip_details} with size
 * 150 and padding 0.25, i.e. the least-squares similarity transform that puts the eye corners, the base of the nose and
 * the mouth corners where dlib's mean face shape has them. Face Mesh points stand in for dlib's 68-point landmarks.
 */
public final class FaceChip {

    public static final int SIZE = 150;
    private static final double PADDING = 0.25;

    /** Face Mesh indices of dlib landmarks 36, 39, 42, 45 (eye corners), 33 (nose base), 48, 54 (mouth corners). */
    private static final int[] MESH = {33, 133, 362, 263, 2, 61, 291};
    /** dlib's mean face shape for the same landmarks, in the unit square of the unpadded face. */
    private static final double[][] MEAN_SHAPE = {
        {0.121737, 0.216423}, {0.334606, 0.231733}, {0.645647, 0.231733}, {0.858516, 0.216423},
        {0.490127, 0.628106}, {0.254149, 0.780233}, {0.726104, 0.780233}};
    /** BlazeFace keypoints (eye centres, mouth centre) and their place in the mean shape, when there is no mesh. */
    private static final double[][] MEAN_EYES_MOUTH = {
        {(0.121737 + 0.334606) / 2, (0.216423 + 0.231733) / 2},
        {(0.645647 + 0.858516) / 2, (0.231733 + 0.216423) / 2},
        {0.490127, 0.780233}};

    private FaceChip() {
    }

    /** The chip transform (frame -> chip, 2x3 row-major) from the 468 Face Mesh landmarks. */
    public static double[] fromMesh(List<ImagePoint> mesh) {
        ImagePoint[] from = new ImagePoint[MESH.length];
        for (int i = 0; i < MESH.length; i++) {
            from[i] = mesh.get(MESH[i]);
        }
        return similarity(from, MEAN_SHAPE);
    }

    /** The chip transform from BlazeFace keypoints (right eye, left eye, nose, mouth), a coarser fallback. */
    public static double[] fromKeypoints(List<ImagePoint> keypoints) {
        return similarity(new ImagePoint[] {keypoints.get(0), keypoints.get(1), keypoints.get(3)}, MEAN_EYES_MOUTH);
    }

    /** Cuts the chip (BGR, 150x150) out of the frame with the given frame -> chip transform. */
    public static Mat extract(Mat bgr, double[] transform) {
        Mat m = new Mat(2, 3, CvType.CV_64F);
        m.put(0, 0, transform);
        Mat chip = new Mat();
        try {
            Imgproc.warpAffine(bgr, chip, m, new Size(SIZE, SIZE), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE,
                    new Scalar(0, 0, 0));
        } finally {
            m.release();
        }
        return chip;
    }

    /** Least-squares similarity (rotation, uniform scale, translation) from frame points to mean-shape points. */
    private static double[] similarity(ImagePoint[] from, double[][] meanShape) {
        int n = from.length;
        double[][] to = new double[n][2];
        for (int i = 0; i < n; i++) {
            to[i][0] = (PADDING + meanShape[i][0]) / (2 * PADDING + 1) * SIZE;
            to[i][1] = (PADDING + meanShape[i][1]) / (2 * PADDING + 1) * SIZE;
        }
        double fx = 0;
        double fy = 0;
        double tx = 0;
        double ty = 0;
        for (int i = 0; i < n; i++) {
            fx += from[i].x();
            fy += from[i].y();
            tx += to[i][0];
            ty += to[i][1];
        }
        fx /= n;
        fy /= n;
        tx /= n;
        ty /= n;
        double norm = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < n; i++) {
            double px = from[i].x() - fx;
            double py = from[i].y() - fy;
            double qx = to[i][0] - tx;
            double qy = to[i][1] - ty;
            norm += px * px + py * py;
            a += px * qx + py * qy;
            b += px * qy - py * qx;
        }
        if (norm == 0) {
            throw new IllegalArgumentException("The face landmarks coincide");
        }
        a /= norm;
        b /= norm;
        return new double[] {a, -b, tx - (a * fx - b * fy), b, a, ty - (b * fx + a * fy)};
    }
}
