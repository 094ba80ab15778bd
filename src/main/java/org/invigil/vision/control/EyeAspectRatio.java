package org.invigil.vision.control;

import java.util.List;
import org.invigil.vision.entity.EyeOpenness;
import org.invigil.vision.entity.ImagePoint;

/**
 * Eye aspect ratio (Soukupova and Cech, "Real-Time Eye Blink Detection using Facial Landmarks", 2016) from six Face
 * Mesh points per eye: (|p2-p6| + |p3-p5|) / (2 |p1-p4|), p1 and p4 being the eye corners.
 */
public final class EyeAspectRatio {

    /** p1..p6 of the person's right eye (on the image's left in an unmirrored frame). */
    private static final int[] RIGHT = {33, 160, 158, 133, 153, 144};
    /** p1..p6 of the person's left eye. */
    private static final int[] LEFT = {362, 385, 387, 263, 373, 380};

    private EyeAspectRatio() {
    }

    public static EyeOpenness of(List<ImagePoint> mesh) {
        return new EyeOpenness(ratio(mesh, LEFT), ratio(mesh, RIGHT));
    }

    private static double ratio(List<ImagePoint> mesh, int[] p) {
        double width = mesh.get(p[0]).distanceTo(mesh.get(p[3]));
        if (width <= 0) {
            return 0;
        }
        double height = mesh.get(p[1]).distanceTo(mesh.get(p[5])) + mesh.get(p[2]).distanceTo(mesh.get(p[4]));
        return height / (2 * width);
    }
}
