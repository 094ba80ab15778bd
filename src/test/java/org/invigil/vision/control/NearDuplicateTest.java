package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.invigil.vision.BaldGuysCollage;
import org.invigil.vision.TestEngine;
import org.invigil.vision.entity.DescribedFace;
import org.invigil.vision.entity.FaceDescriptor;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Where the near-duplicate threshold comes from: each of the 24 faces of dlib's bald_guys collage taken as a
 * reference photo, then "re-uploaded" (re-encoded at JPEG quality 30, halved and enlarged again) and "photographed"
 * (tilted perspective, darker, blurred, sensor noise, set in a larger frame) and described again, the photographed
 * copy under five draws of sensor noise (OpenCV's generator, seeded, so that the figures do not depend on what ran
 * before in the JVM). These copies must all fall at or below {@link IdentityThresholds#nearDuplicate()}, while every
 * pair of two different photos of the same person in the collage lies above it.
 */
class NearDuplicateTest {

    static final int NOISE_DRAWS = 5;

    @Test
    void copiesOfAReferenceLieFarBelowTwoPhotosOfOnePerson() {
        Mat collage = TestEngine.read(BaldGuysCollage.photo());
        FaceAnalyzer analyzer = TestEngine.analyzer();
        List<FaceDescriptor> originals = new ArrayList<>();
        List<String> people = new ArrayList<>();
        List<Double> copies = new ArrayList<>();
        for (BaldGuysCollage.Face face : BaldGuysCollage.FACES) {
            Mat crop = crop(collage, face);
            FaceDescriptor original = largest(analyzer, crop);
            originals.add(original);
            people.add(face.person());
            List<Mat> copiesOfFace = new ArrayList<>(List.of(reencoded(crop, 30), rescaled(crop)));
            for (int seed = 1; seed <= NOISE_DRAWS; seed++) {
                Core.setRNGSeed(seed);
                copiesOfFace.add(rephotographed(crop));
            }
            for (Mat copy : copiesOfFace) {
                copies.add(nearest(analyzer, copy, original));
                copy.release();
            }
            crop.release();
        }
        collage.release();
        List<Double> samePerson = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            for (int j = i + 1; j < originals.size(); j++) {
                if (people.get(i).equals(people.get(j))) {
                    samePerson.add(originals.get(i).distanceTo(originals.get(j)));
                }
            }
        }
        Collections.sort(copies);
        Collections.sort(samePerson);
        double threshold = IdentityThresholds.DLIB_RESNET.nearDuplicate();
        System.out.printf("vision: near-duplicates (dlib ResNet): %d copies of a reference median %.3f p90 %.3f max "
                        + "%.3f; %d pairs of two photos of one person min %.3f; threshold %.2f%n", copies.size(),
                copies.get(copies.size() / 2), copies.get(copies.size() * 9 / 10), copies.get(copies.size() - 1),
                samePerson.size(), samePerson.get(0), threshold);
        assertEquals(24 * (2 + NOISE_DRAWS), copies.size());
        assertEquals(60, samePerson.size());
        assertTrue(copies.get(copies.size() - 1) <= threshold, "every copy of a reference is a near-duplicate: "
                + copies);
        assertTrue(samePerson.get(0) > threshold, "two different photos of one person are never near-duplicates: "
                + samePerson);
    }

    private static FaceDescriptor largest(FaceAnalyzer analyzer, Mat image) {
        List<DescribedFace> faces = analyzer.describe(image);
        assertTrue(!faces.isEmpty(), "a face in the copy");
        return faces.stream().max(java.util.Comparator.comparingDouble(f -> f.face().box().area())).orElseThrow()
                .descriptor();
    }

    /** The copy's face nearest the original (a crop of the collage also shows parts of its neighbours). */
    private static double nearest(FaceAnalyzer analyzer, Mat copy, FaceDescriptor original) {
        return analyzer.describe(copy).stream().mapToDouble(f -> original.distanceTo(f.descriptor())).min()
                .orElseThrow(() -> new AssertionError("no face in the copy"));
    }

    static Mat crop(Mat collage, BaldGuysCollage.Face face) {
        double side = face.width() * 3;
        int x0 = (int) Math.max(0, face.centreX() - side / 2);
        int y0 = (int) Math.max(0, face.centreY() - side / 2);
        int x1 = (int) Math.min(collage.cols(), face.centreX() + side / 2);
        int y1 = (int) Math.min(collage.rows(), face.centreY() + side / 2);
        return collage.submat(y0, y1, x0, x1).clone();
    }

    static Mat reencoded(Mat image, int quality) {
        return Imgcodecs.imdecode(new org.opencv.core.MatOfByte(TestEngine.jpeg(image, quality)),
                Imgcodecs.IMREAD_COLOR);
    }

    static Mat rescaled(Mat image) {
        Mat small = new Mat();
        Imgproc.resize(image, small, new Size(image.cols() / 2.0, image.rows() / 2.0), 0, 0, Imgproc.INTER_AREA);
        Mat back = new Mat();
        Imgproc.resize(small, back, image.size(), 0, 0, Imgproc.INTER_CUBIC);
        small.release();
        return back;
    }

    /** The photo shown on a screen or print and photographed: tilted, darker, softer, noisy, in a larger frame. */
    static Mat rephotographed(Mat image) {
        int w = image.cols();
        int h = image.rows();
        MatOfPoint2f from = new MatOfPoint2f(new Point(0, 0), new Point(w, 0), new Point(w, h), new Point(0, h));
        double m = 0.06;
        MatOfPoint2f to = new MatOfPoint2f(new Point(w * (0.25 + m), h * 0.25), new Point(w * 1.25, h * (0.25 + m)),
                new Point(w * 1.25, h * (1.25 - m)), new Point(w * (0.25 + m / 2), h * 1.25));
        Mat transform = Imgproc.getPerspectiveTransform(from, to);
        Mat framed = new Mat(h * 3 / 2, w * 3 / 2, image.type(), new Scalar(40, 45, 50));
        Imgproc.warpPerspective(image, framed, transform, framed.size(), Imgproc.INTER_LINEAR,
                Core.BORDER_TRANSPARENT);
        Mat darker = new Mat();
        framed.convertTo(darker, -1, 0.8, 10);
        Imgproc.GaussianBlur(darker, darker, new Size(3, 3), 0);
        Mat grain = new Mat(darker.size(), CvType.CV_16SC3);
        Core.randn(grain, 0, 6);
        Mat noisy = new Mat();
        Mat wide = new Mat();
        darker.convertTo(wide, CvType.CV_16SC3);
        Core.add(wide, grain, wide);
        wide.convertTo(noisy, CvType.CV_8UC3);
        for (Mat mat : List.of(from, to, transform, framed, darker, grain, wide)) {
            mat.release();
        }
        return noisy;
    }
}
