package org.invigil.vision;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.invigil.vision.control.FaceAnalyzer;
import org.invigil.vision.entity.DescribedFace;
import org.invigil.vision.entity.ImagePoint;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * dlib's {@code bald_guys.jpg} (1986x1545): 24 photos of four actors, six each. The ground truth below was annotated
 * by hand for these tests: the centre and approximate width of each face, in the collage's pixels, and who it is.
 */
public final class BaldGuysCollage {

    /** One face of the collage. */
    public record Face(String person, double centreX, double centreY, double width) {
    }

    public static final List<Face> FACES = List.of(
            face("diesel", 50, 45, 60), face("statham", 155, 38, 45), face("diesel", 152, 112, 40),
            face("diesel", 262, 62, 70), face("statham", 390, 45, 55), face("diesel", 55, 180, 65),
            face("statham", 155, 195, 55), face("diesel", 262, 195, 65), face("statham", 385, 185, 60),
            face("johnson", 630, 95, 110), face("johnson", 747, 205, 45), face("statham", 55, 300, 60),
            face("statham", 200, 345, 100), face("willis", 340, 345, 75), face("willis", 450, 325, 75),
            face("johnson", 665, 300, 55), face("willis", 48, 410, 60), face("willis", 465, 440, 50),
            face("diesel", 62, 540, 70), face("willis", 195, 528, 80), face("willis", 335, 525, 75),
            face("johnson", 470, 545, 70), face("johnson", 600, 555, 60), face("johnson", 735, 550, 65));

    private BaldGuysCollage() {
    }

    /** A face described within a crop of the collage that starts at (offsetX, offsetY). */
    public record Located(DescribedFace described, int offsetX, int offsetY) {
    }

    /**
     * Describes one annotated face: the engine runs on a square crop three face-widths wide around it (the whole
     * collage is too large for the detector's input to see every face) and the face nearest the annotation is taken.
     */
    public static Optional<Located> describe(FaceAnalyzer analyzer, Mat collage, Face face) {
        Rect area = crop(collage, face);
        int x0 = area.x;
        int y0 = area.y;
        Mat crop = collage.submat(area).clone();
        try {
            DescribedFace best = null;
            double bestDistance = face.width();
            for (DescribedFace d : analyzer.describe(crop)) {
                ImagePoint c = d.face().box().centre();
                double distance = Math.hypot(c.x() + x0 - face.centreX(), c.y() + y0 - face.centreY());
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = d;
                }
            }
            return Optional.ofNullable(best).map(d -> new Located(d, x0, y0));
        } finally {
            crop.release();
        }
    }

    /** The square of the collage, three face-widths wide around the face, in which the face is described. */
    public static Rect crop(Mat collage, Face face) {
        double side = face.width() * 3;
        int x0 = (int) Math.max(0, face.centreX() - side / 2);
        int y0 = (int) Math.max(0, face.centreY() - side / 2);
        int x1 = (int) Math.min(collage.cols(), face.centreX() + side / 2);
        int y1 = (int) Math.min(collage.rows(), face.centreY() + side / 2);
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    public static Path photo() {
        return DebianPhotos.dlibFaces().resolve("bald_guys.jpg");
    }

    /** Annotated on a 0.4x preview; stored in full-resolution pixels. */
    private static Face face(String person, double x, double y, double width) {
        return new Face(person, x * 2.5, y * 2.5, width * 2.5);
    }
}
