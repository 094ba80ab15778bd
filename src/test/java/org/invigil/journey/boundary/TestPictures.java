package org.invigil.journey.boundary;

import java.util.Random;
import org.invigil.vision.BaldGuysCollage;
import org.invigil.vision.DebianPhotos;
import org.invigil.vision.LivenessFrames;
import org.invigil.vision.TestEngine;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Webcam-like 640x480 JPEG pictures made from real photos (fetched from Debian packages, never committed), each
 * with fresh sensor noise so that no two are pixel-identical, as from a live camera.
 */
public final class TestPictures {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    private static final Random RANDOM = new Random(42);

    private TestPictures() {
    }

    public static byte[] referencePerson() {
        return framed(TestEngine.read(DebianPhotos.graceHopper()));
    }

    /**
     * The reference person's photo as an instructor would upload it: another picture of Grace Hopper than the one
     * the camera shows (her head turned 30 degrees by {@link LivenessFrames}), since a capture that is a copy of the
     * reference photo is a near-duplicate for a person to review, not a match.
     */
    public static synchronized byte[] referencePhoto() {
        if (referencePhoto == null) {
            Mat photo = TestEngine.read(DebianPhotos.graceHopper());
            referencePhoto = TestEngine.jpeg(fit(LivenessFrames.of(TestEngine.analyzer(), photo).turned(30), WIDTH,
                    HEIGHT), 90);
        }
        return referencePhoto.clone();
    }

    private static byte[] referencePhoto;

    public static byte[] anotherPerson() {
        return framed(TestEngine.read(DebianPhotos.skimageData("astronaut.png")));
    }

    /** A third person, far from both others: the first face of dlib's bald_guys collage, framed like a webcam. */
    public static byte[] thirdPerson() {
        Mat collage = TestEngine.read(BaldGuysCollage.photo());
        BaldGuysCollage.Face face = BaldGuysCollage.FACES.get(0);
        double side = face.width() * 3;
        int x0 = (int) Math.max(0, face.centreX() - side / 2);
        int y0 = (int) Math.max(0, face.centreY() - side / 2);
        int x1 = (int) Math.min(collage.cols(), face.centreX() + side / 2);
        int y1 = (int) Math.min(collage.rows(), face.centreY() + side / 2);
        return framed(collage.submat(y0, y1, x0, x1).clone());
    }

    public static byte[] twoPeople() {
        Mat left = fit(TestEngine.read(DebianPhotos.graceHopper()), WIDTH / 2, HEIGHT);
        Mat right = fit(TestEngine.read(DebianPhotos.skimageData("astronaut.png")), WIDTH / 2, HEIGHT);
        Mat canvas = new Mat(HEIGHT, WIDTH, CvType.CV_8UC3, new Scalar(128, 128, 128));
        left.copyTo(canvas.submat(new Rect(0, 0, WIDTH / 2, HEIGHT)));
        right.copyTo(canvas.submat(new Rect(WIDTH / 2, 0, WIDTH / 2, HEIGHT)));
        return noisy(canvas);
    }

    public static byte[] noFace() {
        return framed(TestEngine.read(DebianPhotos.skimageData("coffee.png")));
    }

    public static byte[] coveredCamera() {
        return noisy(new Mat(HEIGHT, WIDTH, CvType.CV_8UC3, new Scalar(6, 6, 6)));
    }

    public static byte[] framed(Mat photo) {
        return noisy(fit(photo, WIDTH, HEIGHT));
    }

    /** Scales the photo to cover the area and crops the middle, as a webcam frames a face. */
    public static Mat fit(Mat photo, int width, int height) {
        double scale = Math.max((double) width / photo.cols(), (double) height / photo.rows());
        Mat scaled = new Mat();
        Imgproc.resize(photo, scaled, new Size(Math.ceil(photo.cols() * scale), Math.ceil(photo.rows() * scale)), 0, 0,
                Imgproc.INTER_AREA);
        int x = (scaled.cols() - width) / 2;
        int y = Math.max(0, (scaled.rows() - height) / 4);
        return scaled.submat(new Rect(x, y, width, height)).clone();
    }

    public static byte[] noisy(Mat image) {
        Mat noise = new Mat(image.size(), CvType.CV_16SC3);
        Core.randn(noise, 0, 3 + RANDOM.nextInt(2));
        Mat widened = new Mat();
        image.convertTo(widened, CvType.CV_16SC3);
        Core.add(widened, noise, widened);
        Mat result = new Mat();
        widened.convertTo(result, CvType.CV_8UC3);
        return TestEngine.jpeg(result, 80);
    }

}
