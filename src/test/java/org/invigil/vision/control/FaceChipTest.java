package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.invigil.vision.entity.ImagePoint;
import org.junit.jupiter.api.Test;

class FaceChipTest {

    /** Landmarks that are dlib's mean shape, rotated 30 degrees, scaled 2x and moved: the chip undoes exactly that. */
    @Test
    void undoesRotationScaleAndTranslation() {
        double[][] mean = {{0.121737, 0.216423}, {0.334606, 0.231733}, {0.645647, 0.231733}, {0.858516, 0.216423},
            {0.490127, 0.628106}, {0.254149, 0.780233}, {0.726104, 0.780233}};
        int[] mesh = {33, 133, 362, 263, 2, 61, 291};
        List<ImagePoint> landmarks = new ArrayList<>();
        for (int i = 0; i < 468; i++) {
            landmarks.add(new ImagePoint(0, 0));
        }
        double angle = Math.toRadians(30);
        for (int i = 0; i < mesh.length; i++) {
            double x = (0.25 + mean[i][0]) / 1.5 * 150;
            double y = (0.25 + mean[i][1]) / 1.5 * 150;
            landmarks.set(mesh[i], new ImagePoint(2 * (x * Math.cos(angle) - y * Math.sin(angle)) + 300,
                    2 * (x * Math.sin(angle) + y * Math.cos(angle)) + 40));
        }
        double[] t = FaceChip.fromMesh(landmarks);
        for (int i = 0; i < mesh.length; i++) {
            ImagePoint p = landmarks.get(mesh[i]);
            assertEquals((0.25 + mean[i][0]) / 1.5 * 150, t[0] * p.x() + t[1] * p.y() + t[2], 1e-9);
            assertEquals((0.25 + mean[i][1]) / 1.5 * 150, t[3] * p.x() + t[4] * p.y() + t[5], 1e-9);
        }
        assertEquals(0.5, Math.hypot(t[0], t[3]), 1e-12);
    }
}
