package org.invigil.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.invigil.vision.entity.ImagePoint;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * The individual typology angle (ITA°) of a face's skin, an objective colour measure: atan((L* − 50) / b*) in
 * degrees from the median CIE L* and median b* of the pixels of both cheeks, located by Face Mesh landmarks, and
 * the six groups it is usually bucketed into. It measures a photo's pixels, so it moves with the photo's lighting and
 * white balance; it is not race or ethnicity. Used by {@link FairnessBenchmark} only.
 */
public final class ItaSkinTone {

    /** Face Mesh points around the cheek below the person's right eye (image left in an unmirrored photo). */
    static final int[] RIGHT_CHEEK = {117, 118, 101, 36, 205, 187, 123};
    /** The mirror image of {@link #RIGHT_CHEEK} on the person's left cheek. */
    static final int[] LEFT_CHEEK = {346, 347, 330, 266, 425, 411, 352};
    /** Fewer cheek pixels than this give no measurement. */
    static final int MIN_PIXELS = 20;

    /** The usual ITA° groups (Chardon et al. 1991; Del Bino et al. 2006), each upper bound included. */
    public enum Group {
        VERY_LIGHT("very light", "> 55°"),
        LIGHT("light", "41° to 55°"),
        INTERMEDIATE("intermediate", "28° to 41°"),
        TAN("tan", "10° to 28°"),
        BROWN("brown", "−30° to 10°"),
        DARK("dark", "≤ −30°");

        private final String label;
        private final String range;

        Group(String label, String range) {
            this.label = label;
            this.range = range;
        }

        public String label() {
            return label;
        }

        public String range() {
            return range;
        }

        public static Group of(double angle) {
            if (angle > 55) {
                return VERY_LIGHT;
            }
            if (angle > 41) {
                return LIGHT;
            }
            if (angle > 28) {
                return INTERMEDIATE;
            }
            if (angle > 10) {
                return TAN;
            }
            return angle > -30 ? BROWN : DARK;
        }
    }

    /**
     * One measurement.
     *
     * @param lightness  median L* of the region, 0-100
     * @param yellowness median b* of the region
     * @param pixels     how many pixels were measured
     * @param angle      ITA° from the two medians
     * @param group      the group of the angle
     */
    public record Measurement(double lightness, double yellowness, int pixels, double angle, Group group) {
    }

    private ItaSkinTone() {
    }

    /** ITA° of a colour: atan((L* − 50) / b*) in degrees; defined for b* > 0, as skin is. */
    public static double angle(double lightness, double yellowness) {
        return Math.toDegrees(Math.atan((lightness - 50) / yellowness));
    }

    /**
     * ITA° of both cheeks of a face, from its 468 Face Mesh landmarks on a BGR image. Empty when the cheeks lie
     * outside the image, cover fewer than {@value #MIN_PIXELS} pixels, or show no yellowness (b* ≤ 0: a grey or
     * blue-tinted picture, where the formula means nothing).
     */
    public static Optional<Measurement> ofCheeks(Mat bgr, List<ImagePoint> landmarks) {
        List<MatOfPoint> cheeks = new ArrayList<>();
        for (int[] cheek : new int[][] {RIGHT_CHEEK, LEFT_CHEEK}) {
            cheeks.add(new MatOfPoint(Arrays.stream(cheek).mapToObj(landmarks::get)
                    .map(p -> new Point(p.x(), p.y())).toArray(Point[]::new)));
        }
        Mat mask = Mat.zeros(bgr.rows(), bgr.cols(), CvType.CV_8UC1);
        try {
            Imgproc.fillPoly(mask, cheeks, new Scalar(255));
            return of(bgr, mask);
        } finally {
            mask.release();
            cheeks.forEach(Mat::release);
        }
    }

    /** ITA° of the pixels of a BGR image where the mask (8-bit, one channel, same size) is not 0. */
    public static Optional<Measurement> of(Mat bgr, Mat mask) {
        Rect bounds = Imgproc.boundingRect(mask);
        if (bounds.area() == 0) {
            return Optional.empty();
        }
        Mat region = new Mat();
        Mat lab = new Mat();
        Mat inside = mask.submat(bounds).clone();
        try {
            // float input in [0, 1]: OpenCV then gives L* in 0-100 and a*, b* unscaled (sRGB, D65)
            bgr.submat(bounds).convertTo(region, CvType.CV_32FC3, 1 / 255.0);
            Imgproc.cvtColor(region, lab, Imgproc.COLOR_BGR2Lab);
            int count = Core.countNonZero(inside);
            if (count < MIN_PIXELS) {
                return Optional.empty();
            }
            float[] pixels = new float[(int) lab.total() * 3];
            byte[] flags = new byte[(int) inside.total()];
            lab.get(0, 0, pixels);
            inside.get(0, 0, flags);
            double[] lightness = new double[count];
            double[] yellowness = new double[count];
            int n = 0;
            for (int i = 0; i < flags.length; i++) {
                if (flags[i] != 0) {
                    lightness[n] = pixels[3 * i];
                    yellowness[n] = pixels[3 * i + 2];
                    n++;
                }
            }
            double l = median(lightness);
            double b = median(yellowness);
            if (!(b > 0)) {
                return Optional.empty();
            }
            double angle = angle(l, b);
            return Optional.of(new Measurement(l, b, count, angle, Group.of(angle)));
        } finally {
            region.release();
            lab.release();
            inside.release();
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
