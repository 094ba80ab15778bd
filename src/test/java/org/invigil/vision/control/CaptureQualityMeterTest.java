package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.invigil.vision.DebianPhotos;
import org.invigil.vision.TestEngine;
import org.invigil.vision.entity.CaptureQuality;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

class CaptureQualityMeterTest {

    private final CaptureQualityMeter meter = new CaptureQualityMeter();

    @Test
    void aCoveredLensIsDarkAndFlat() {
        CaptureQuality q = meter.measure(new Mat(480, 640, CvType.CV_8UC3, new Scalar(3, 3, 3)));
        assertEquals(3, q.brightness(), 0.5);
        assertEquals(0, q.contrast(), 0.01);
        assertEquals(0, q.sharpness(), 0.01);
    }

    @Test
    void blurLowersSharpness() {
        Mat photo = TestEngine.read(DebianPhotos.graceHopper());
        Mat blurred = new Mat();
        Imgproc.GaussianBlur(photo, blurred, new Size(0, 0), 4);
        CaptureQuality sharp = meter.measure(photo);
        CaptureQuality blur = meter.measure(blurred);
        System.out.printf("vision: sharpness of grace_hopper %.0f, blurred (sigma 4) %.0f%n", sharp.sharpness(),
                blur.sharpness());
        assertTrue(blur.sharpness() < sharp.sharpness() / 5, sharp + " vs " + blur);
        assertEquals(sharp.brightness(), blur.brightness(), 2);
    }

    @Test
    void theSameFrameAgainIsIdenticalAndAFreshNoisyFrameIsNot() {
        Mat photo = TestEngine.read(DebianPhotos.graceHopper());
        Mat noisy = photo.clone();
        Mat noise = new Mat(photo.size(), CvType.CV_16SC3);
        Core.randn(noise, 0, 2);
        Mat sum = new Mat();
        photo.convertTo(sum, CvType.CV_16SC3);
        Core.add(sum, noise, sum);
        sum.convertTo(noisy, CvType.CV_8UC3);
        CaptureQuality a = meter.measure(photo);
        CaptureQuality again = meter.measure(photo.clone());
        CaptureQuality fresh = meter.measure(noisy);
        assertTrue(a.fingerprint().identicalTo(again.fingerprint()));
        assertEquals(0, a.fingerprint().perceptualDistanceTo(again.fingerprint()));
        assertNotEquals(a.fingerprint().exact(), fresh.fingerprint().exact());
        assertTrue(a.fingerprint().perceptualDistanceTo(fresh.fingerprint()) <= 6,
                "sensor noise keeps the scene: " + a.fingerprint().perceptualDistanceTo(fresh.fingerprint()));
    }

    @Test
    void anotherSceneIsPerceptuallyFar() {
        CaptureQuality a = meter.measure(TestEngine.read(DebianPhotos.graceHopper()));
        CaptureQuality b = meter.measure(TestEngine.read(DebianPhotos.dlibFaces().resolve("dogs.jpg")));
        assertTrue(a.fingerprint().perceptualDistanceTo(b.fingerprint()) >= 16,
                "distance " + a.fingerprint().perceptualDistanceTo(b.fingerprint()));
    }

    @Test
    void brightnessAndContrastFollowTheGreyLevels() {
        Mat photo = TestEngine.read(DebianPhotos.graceHopper());
        Mat grey = new Mat();
        Imgproc.cvtColor(photo, grey, Imgproc.COLOR_BGR2GRAY);
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble deviation = new MatOfDouble();
        Core.meanStdDev(grey, mean, deviation);
        CaptureQuality q = meter.measure(photo);
        assertEquals(mean.get(0, 0)[0], q.brightness(), 1.5);
        assertEquals(deviation.get(0, 0)[0], q.contrast(), 2.5);
    }
}
