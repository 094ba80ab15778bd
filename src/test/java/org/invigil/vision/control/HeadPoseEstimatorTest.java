package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.invigil.vision.TestEngine;
import org.invigil.vision.entity.HeadPose;
import org.invigil.vision.entity.ImagePoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Projects the canonical face with a known rotation through the same pinhole camera and reads the angles back. */
class HeadPoseEstimatorTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    @ParameterizedTest
    @CsvSource({"0,0,0", "30,0,0", "-30,0,0", "0,20,0", "0,-20,0", "0,0,15", "25,-10,5", "-40,15,-10"})
    void recoversTheRotationOfAProjectedFace(double yaw, double pitch, double roll) {
        try (HeadPoseEstimator estimator = new HeadPoseEstimator(TestEngine.models().canonicalFace())) {
            HeadPose pose = estimator.estimate(project(yaw, pitch, roll), WIDTH, HEIGHT);
            assertEquals(yaw, pose.yaw(), 1.0, pose.toString());
            assertEquals(pitch, pose.pitch(), 1.0, pose.toString());
            assertEquals(roll, pose.roll(), 1.0, pose.toString());
        }
    }

    @Test
    void aFaceTurnedTowardsTheImagesRightHasPositiveYaw() {
        try (HeadPoseEstimator estimator = new HeadPoseEstimator(TestEngine.models().canonicalFace())) {
            List<ImagePoint> points = project(20, 0, 0);
            // the nose tip (vertex 1) moves right of the eyes' midpoint
            double eyes = (points.get(33).x() + points.get(263).x()) / 2;
            assertEquals(1, Math.signum(points.get(1).x() - eyes));
            assertEquals(1, Math.signum(estimator.estimate(points, WIDTH, HEIGHT).yaw()));
        }
    }

    /**
     * The face's rotation built from the angles' meaning in {@link HeadPose}: turn (about the vertical axis), then
     * tilt, then lean, in OpenCV camera coordinates (x right, y down, z away), 50 cm in front of the camera.
     */
    static List<ImagePoint> project(double yaw, double pitch, double roll) {
        double[] v = TestEngine.models().canonicalFace().vertices();
        double a = Math.toRadians(yaw);
        double b = Math.toRadians(pitch);
        double c = Math.toRadians(roll);
        List<ImagePoint> points = new ArrayList<>();
        for (int i = 0; i < v.length / 3; i++) {
            double x = v[3 * i];
            double y = -v[3 * i + 1];
            double z = -v[3 * i + 2];
            // roll about z (clockwise in the image)
            double x1 = x * Math.cos(c) - y * Math.sin(c);
            double y1 = x * Math.sin(c) + y * Math.cos(c);
            // pitch about x: up is positive (nose towards -y)
            double y2 = y1 * Math.cos(b) + z * Math.sin(b);
            double z2 = -y1 * Math.sin(b) + z * Math.cos(b);
            // yaw about y: towards the image's right is positive (nose, at -z, towards +x)
            double x3 = x1 * Math.cos(a) - z2 * Math.sin(a);
            double z3 = x1 * Math.sin(a) + z2 * Math.cos(a);
            double depth = z3 + 50;
            points.add(new ImagePoint(WIDTH * x3 / depth + WIDTH / 2.0, WIDTH * y2 / depth + HEIGHT / 2.0));
        }
        return points;
    }
}
