package org.invigil.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.DoubleFunction;
import org.invigil.identity.entity.LivenessSample;
import org.invigil.vision.DebianPhotos;
import org.invigil.vision.LivenessFrames;
import org.invigil.vision.TestEngine;
import org.invigil.vision.control.FaceAnalyzer;
import org.invigil.vision.control.IdentityThresholds;
import org.invigil.vision.entity.DescribedFace;
import org.invigil.vision.entity.FaceDescriptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The liveness pass path on real frames: a real photo (scikit-image's astronaut, Eileen Collins) warped along its own
 * Face Mesh landmarks so that the eyes really close and the head really turns ({@link LivenessFrames}), with a
 * camera's sensor noise and JPEG compression on every frame. Face Mesh's eye openness and yaw must cross the
 * thresholds of {@link LivenessEvaluation} on these frames and the challenge pass; the same movements by another
 * person (Grace Hopper) fail as a different face, and a still photo fails.
 */
class LivenessOnRealFramesTest {

    static final List<String> STEPS = List.of("turn-right", "blink", "turn-left");
    // the frames of each step, as a person makes the movement after the instruction
    static final double[] BLINK = {0, 0, 0.4, 0.8, 1, 1, 0.5, 0};
    static final double[] TURN = {0, 5, 12, 20, 28, 34, 34, 30};

    static FaceAnalyzer analyzer;
    static Mat astronaut;
    static Mat hopper;
    static FaceDescriptor identityCapture;

    @BeforeAll
    static void photos() {
        analyzer = TestEngine.analyzer();
        astronaut = TestEngine.read(DebianPhotos.skimageData("astronaut.png"));
        hopper = TestEngine.read(DebianPhotos.graceHopper());
        identityCapture = IdentityCheck.largest(analyzer.describe(camera(astronaut, new Random(1)))).orElseThrow()
                .descriptor();
    }

    @Test
    void faceMeshSeesTheWarpedEyesCloseAndTheHeadTurn() {
        LivenessFrames frames = LivenessFrames.of(analyzer, astronaut);
        Random noise = new Random(2);
        List<Double> eyes = new ArrayList<>();
        for (double closure : BLINK) {
            eyes.add(largest(frames.eyesClosed(closure), noise).face().eyes().orElseThrow().mean());
        }
        double open = eyes.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double closed = eyes.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double straight = largest(astronaut, noise).face().pose().orElseThrow().yaw();
        double left = largest(frames.turned(TURN[5]), noise).face().pose().orElseThrow().yaw() - straight;
        double right = largest(frames.turned(-TURN[5]), noise).face().pose().orElseThrow().yaw() - straight;
        System.out.printf("vision: liveness on warped real frames: eye openness open %.3f closed %.3f (ratio %.2f, "
                + "blink at <= %.2f); yaw from straight %+.1f / %+.1f deg (turn at >= %.0f)%n", open, closed,
                closed / open, LivenessEvaluation.BLINK_RATIO, left, right, LivenessEvaluation.TURN_DEGREES);
        assertTrue(closed <= open * LivenessEvaluation.BLINK_RATIO, "the eyes close: " + eyes);
        assertTrue(left >= LivenessEvaluation.TURN_DEGREES, "the head turns to the person's left: " + left);
        assertTrue(-right >= LivenessEvaluation.TURN_DEGREES, "the head turns to the person's right: " + right);
    }

    @Test
    void theMovementsOfTheIdentityCapturesPersonPass() {
        LivenessEvaluation.Verdict verdict = LivenessEvaluation.of(STEPS, samples(astronaut, new Random(3)));
        assertTrue(verdict.passed(), verdict.message() + " " + verdict.failedSteps());
        assertFalse(verdict.differentFace());
    }

    @Test
    void theSameMovementsByAnotherPersonFailAsADifferentFace() {
        LivenessEvaluation.Verdict verdict = LivenessEvaluation.of(STEPS, samples(hopper, new Random(4)));
        assertFalse(verdict.passed());
        assertTrue(verdict.differentFace(), verdict.message());
        assertEquals(LivenessEvaluation.DIFFERENT_FACE, verdict.message());
        assertTrue(verdict.otherShare() > 0.5, "most frames were another person: " + verdict.otherShare());
    }

    @Test
    void aStillPhotoOfTheStudentNeitherBlinksNorTurns() {
        Random noise = new Random(5);
        List<LivenessSample> samples = new ArrayList<>();
        List<Double> eyes = new ArrayList<>();
        for (int step = 0; step < STEPS.size(); step++) {
            for (int frame = 0; frame < BLINK.length; frame++) {
                List<DescribedFace> faces = analyzer.describe(camera(astronaut, noise));
                eyes.add(faces.get(0).face().eyes().orElseThrow().mean());
                samples.add(sample(step, frame, faces));
            }
        }
        double ratio = eyes.stream().mapToDouble(Double::doubleValue).min().orElseThrow()
                / eyes.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        System.out.printf("vision: a still photo's eye openness varies by a ratio of %.3f over %d noisy frames%n",
                ratio, eyes.size());
        LivenessEvaluation.Verdict verdict = LivenessEvaluation.of(STEPS, samples);
        assertFalse(verdict.passed());
        assertFalse(verdict.differentFace(), "it is the student's face");
        assertEquals(3, verdict.failedSteps().size(), verdict.message());
    }

    /** The challenge's frames made by the person in {@code photo}, judged against the identity capture. */
    private static List<LivenessSample> samples(Mat photo, Random noise) {
        LivenessFrames frames = LivenessFrames.of(analyzer, photo);
        List<LivenessSample> samples = new ArrayList<>();
        for (int step = 0; step < STEPS.size(); step++) {
            String action = STEPS.get(step);
            DoubleFunction<Mat> movement = switch (action) {
                case "blink" -> frames::eyesClosed;
                case "turn-left" -> frames::turned;
                default -> degrees -> frames.turned(-degrees);
            };
            double[] course = action.equals("blink") ? BLINK : TURN;
            for (int frame = 0; frame < course.length; frame++) {
                Mat image = movement.apply(course[frame]);
                samples.add(sample(step, frame, analyzer.describe(camera(image, noise))));
                image.release();
            }
        }
        return samples;
    }

    private static LivenessSample sample(int step, int frame, List<DescribedFace> faces) {
        return Liveness.sample("challenge", step, frame, faces, Optional.of(identityCapture),
                Optional.of(identityCapture), IdentityThresholds.DLIB_RESNET::compare);
    }

    private static DescribedFace largest(Mat image, Random noise) {
        return IdentityCheck.largest(analyzer.describe(camera(image, noise))).orElseThrow();
    }

    /** The frame as a webcam delivers it: sensor noise of a few grey levels, then JPEG at quality 80. */
    static byte[] camera(Mat image, Random random) {
        Mat grain = new Mat(image.size(), CvType.CV_16SC3);
        Core.setRNGSeed(random.nextInt());
        Core.randu(grain, -3, 4);
        Mat wide = new Mat();
        image.convertTo(wide, CvType.CV_16SC3);
        Core.add(wide, grain, wide);
        Mat noisy = new Mat();
        wide.convertTo(noisy, CvType.CV_8UC3);
        byte[] jpeg = TestEngine.jpeg(noisy, 80);
        grain.release();
        wide.release();
        noisy.release();
        return jpeg;
    }
}
