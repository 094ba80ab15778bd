package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.invigil.vision.entity.EyeOpenness;
import org.invigil.vision.entity.ImagePoint;
import org.junit.jupiter.api.Test;

class EyeAspectRatioTest {

    /** An eye 30 px wide whose lids are {@code opening} px apart at both measuring points. */
    private static void eye(List<ImagePoint> mesh, int[] p, double x, double opening) {
        mesh.set(p[0], new ImagePoint(x, 100));
        mesh.set(p[3], new ImagePoint(x + 30, 100));
        mesh.set(p[1], new ImagePoint(x + 10, 100 - opening / 2));
        mesh.set(p[5], new ImagePoint(x + 10, 100 + opening / 2));
        mesh.set(p[2], new ImagePoint(x + 20, 100 - opening / 2));
        mesh.set(p[4], new ImagePoint(x + 20, 100 + opening / 2));
    }

    @Test
    void measuresEachEye() {
        List<ImagePoint> mesh = new ArrayList<>();
        for (int i = 0; i < 468; i++) {
            mesh.add(new ImagePoint(0, 0));
        }
        eye(mesh, new int[] {33, 160, 158, 133, 153, 144}, 100, 9);
        eye(mesh, new int[] {362, 385, 387, 263, 373, 380}, 200, 1.5);
        EyeOpenness eyes = EyeAspectRatio.of(mesh);
        assertEquals(0.3, eyes.right(), 1e-9);
        assertEquals(0.05, eyes.left(), 1e-9);
        assertTrue(!eyes.closed(0.2));
        eye(mesh, new int[] {33, 160, 158, 133, 153, 144}, 100, 3);
        assertTrue(EyeAspectRatio.of(mesh).closed(0.2));
    }
}
