package org.invigil.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.invigil.vision.ItaSkinTone.Group;
import org.invigil.vision.ItaSkinTone.Measurement;
import org.invigil.vision.control.OpenCvNatives;
import org.invigil.vision.entity.ImagePoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

class ItaSkinToneTest {

    static {
        OpenCvNatives.load();
    }

    /** An 8-bit BGR patch of one CIE L*a*b* colour (D65, sRGB). */
    static Mat patch(int width, int height, double lightness, double a, double b) {
        Mat lab = new Mat(height, width, CvType.CV_32FC3, new Scalar(lightness, a, b));
        Mat bgr = new Mat();
        Imgproc.cvtColor(lab, bgr, Imgproc.COLOR_Lab2BGR);
        Mat bytes = new Mat();
        bgr.convertTo(bytes, CvType.CV_8UC3, 255);
        lab.release();
        bgr.release();
        return bytes;
    }

    @Test
    void angleIsTheArcTangentOfLightnessOverYellowness() {
        assertEquals(Math.toDegrees(Math.atan(20.0 / 15)), ItaSkinTone.angle(70, 15), 1e-9);
        assertEquals(0, ItaSkinTone.angle(50, 20), 1e-9);
        assertEquals(-45, ItaSkinTone.angle(30, 20), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"70, VERY_LIGHT", "55.1, VERY_LIGHT", "55, LIGHT", "41.1, LIGHT", "41, INTERMEDIATE",
            "28.5, INTERMEDIATE", "28, TAN", "10.5, TAN", "10, BROWN", "-29.9, BROWN", "-30, DARK", "-60, DARK"})
    void groupsFollowTheUsualBounds(double angle, Group group) {
        assertEquals(group, Group.of(angle));
    }

    /** Synthetic skin patches of known colour read back their angle within a degree (8-bit rounding). */
    @ParameterizedTest
    @CsvSource({"80, 8, 14, VERY_LIGHT", "70, 12, 18, LIGHT", "62, 12, 20, INTERMEDIATE", "57, 14, 22, TAN",
            "45, 14, 22, BROWN", "30, 10, 15, DARK"})
    void aPatchOfKnownLabColourGivesItsAngleAndGroup(double lightness, double a, double b, Group group) {
        Mat bgr = patch(40, 30, lightness, a, b);
        Mat mask = new Mat(30, 40, CvType.CV_8UC1, new Scalar(255));
        Measurement m = ItaSkinTone.of(bgr, mask).orElseThrow();
        assertEquals(ItaSkinTone.angle(lightness, b), m.angle(), 1.0, m.toString());
        assertEquals(lightness, m.lightness(), 0.5);
        assertEquals(b, m.yellowness(), 0.8);
        assertEquals(1200, m.pixels());
        assertEquals(group, m.group());
    }

    @Test
    void aGreyPatchHasNoAngle() {
        Mat grey = new Mat(30, 40, CvType.CV_8UC3, new Scalar(128, 128, 128));
        Mat mask = new Mat(30, 40, CvType.CV_8UC1, new Scalar(255));
        assertEquals(Optional.empty(), ItaSkinTone.of(grey, mask));
    }

    @Test
    void tooFewPixelsGiveNoAngle() {
        Mat bgr = patch(40, 30, 70, 12, 18);
        Mat mask = Mat.zeros(30, 40, CvType.CV_8UC1);
        mask.submat(new Rect(0, 0, 4, 4)).setTo(new Scalar(255));
        assertEquals(Optional.empty(), ItaSkinTone.of(bgr, mask));
    }

    /**
     * The cheeks are read where the mesh's cheek points lie, and nowhere else: two skin-coloured squares on a blue
     * background, with each cheek's points on a circle inside one square, give the squares' colour.
     */
    @Test
    void readsTheCheeksAtTheirMeshPoints() {
        Mat image = patch(200, 120, 40, 10, -40);
        Mat skin = patch(40, 40, 66, 13, 19);
        skin.copyTo(image.submat(new Rect(30, 40, 40, 40)));
        skin.copyTo(image.submat(new Rect(130, 40, 40, 40)));
        List<ImagePoint> mesh = new ArrayList<>(Collections.nCopies(468, new ImagePoint(2, 2)));
        place(mesh, ItaSkinTone.RIGHT_CHEEK, 50, 60);
        place(mesh, ItaSkinTone.LEFT_CHEEK, 150, 60);
        Measurement m = ItaSkinTone.ofCheeks(image, mesh).orElseThrow();
        assertEquals(ItaSkinTone.angle(66, 19), m.angle(), 1.0, m.toString());
        assertEquals(Group.INTERMEDIATE, m.group());
        assertTrue(m.pixels() > 2 * 500, "both cheeks measured: " + m.pixels());
    }

    private static void place(List<ImagePoint> mesh, int[] indices, double x, double y) {
        for (int i = 0; i < indices.length; i++) {
            double t = 2 * Math.PI * i / indices.length;
            mesh.set(indices[i], new ImagePoint(x + 15 * Math.cos(t), y + 15 * Math.sin(t)));
        }
    }
}
