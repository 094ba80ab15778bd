package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.invigil.journey.boundary.TestPictures;
import org.invigil.vision.DebianPhotos;
import org.invigil.vision.LivenessFrames;
import org.invigil.vision.TestEngine;
import org.invigil.vision.entity.Face;
import org.invigil.vision.entity.FrameAnalysis;
import org.invigil.vision.entity.HeadPose;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

/**
 * The monitoring pipeline that follows an attempt's faces: it finds what the whole-frame analysis finds, on webcam
 * frames with live sensor noise, while running the detector only where it must.
 */
class TrackingPipelineTest {

    static final int EVERY = VisionSettings.DEFAULT_DETECT_EVERY;

    /** The reference person alone, framed as a webcam does, without noise (each frame adds its own). */
    static Mat alone() {
        return TestPictures.fit(TestEngine.read(DebianPhotos.graceHopper()), 640, 480);
    }

    /** The student on the left half of the picture, a bare wall on the right. */
    static Mat besideAWall() {
        Mat frame = new Mat(480, 640, CvType.CV_8UC3, new Scalar(128, 128, 128));
        TestPictures.fit(TestEngine.read(DebianPhotos.graceHopper()), 320, 480)
                .copyTo(frame.submat(new Rect(0, 0, 320, 480)));
        return frame;
    }

    /** The same picture with a second person stepping in on the right. */
    static Mat withSecondPerson() {
        Mat frame = besideAWall();
        TestPictures.fit(TestEngine.read(DebianPhotos.skimageData("astronaut.png")), 320, 480)
                .copyTo(frame.submat(new Rect(320, 0, 320, 480)));
        return frame;
    }

    static List<MonitoredFrame> run(List<byte[]> frames) {
        FaceAnalyzer analyzer = TestEngine.analyzer();
        List<MonitoredFrame> out = new ArrayList<>();
        FaceTrack track = null;
        for (byte[] jpeg : frames) {
            MonitoredFrame frame = analyzer.monitor(jpeg, track, false);
            out.add(frame);
            track = frame.track();
        }
        return out;
    }

    @Test
    void aStillStudentIsFollowedBetweenDetectionsAndSeenAsTheWholeFrameAnalysisSeesThem() {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 3 * EVERY; i++) {
            frames.add(TestPictures.noisy(alone()));
        }
        List<MonitoredFrame> monitored = run(frames);

        FrameAnalysis whole = TestEngine.analyzer().analyse(frames.get(0));
        Face reference = whole.faces().get(0);
        HeadPose pose = reference.pose().orElseThrow();
        for (int i = 0; i < monitored.size(); i++) {
            MonitoredFrame frame = monitored.get(i);
            FrameAnalysis analysis = frame.analysis();
            assertEquals(1, analysis.faceCount(), "frame " + i + " " + frame.stage());
            assertEquals(640, analysis.width(), "in the frame's own pixels, although decoded at half size");
            Face face = analysis.faces().get(0);
            assertTrue(face.box().intersectionOverUnion(reference.box()) > 0.5, "frame " + i + ": " + face.box()
                    + " vs " + reference.box());
            HeadPose followed = face.pose().orElseThrow();
            assertEquals(pose.yaw(), followed.yaw(), 6, "yaw, frame " + i + " " + frame.stage());
            assertEquals(pose.pitch(), followed.pitch(), 6, "pitch, frame " + i + " " + frame.stage());
            if (i % EVERY == 0) {
                assertEquals(MonitoredFrame.Stage.DETECTED, frame.stage(), "the detector runs every " + EVERY);
            } else {
                assertTrue(frame.stage() != MonitoredFrame.Stage.DETECTED, "frame " + i + " needs no detector");
            }
        }
    }

    @Test
    void aSecondPersonEnteringIsReportedWithinTheDetectionInterval() {
        for (int enters = 1; enters <= EVERY; enters++) {
            List<byte[]> frames = new ArrayList<>();
            for (int i = 0; i < enters; i++) {
                frames.add(TestPictures.noisy(besideAWall()));
            }
            for (int i = 0; i < EVERY; i++) {
                frames.add(TestPictures.noisy(withSecondPerson()));
            }
            List<MonitoredFrame> monitored = run(frames);
            assertEquals(1, monitored.get(enters - 1).analysis().faceCount());
            assertEquals(2, TestEngine.analyzer().analyse(frames.get(enters)).faceCount(), "the whole frame shows two");

            int reported = -1;
            for (int i = enters; i < monitored.size(); i++) {
                if (monitored.get(i).analysis().faceCount() == 2) {
                    reported = i;
                    break;
                }
            }
            assertTrue(reported >= 0, "the second face entering after frame " + enters + " was never reported");
            assertTrue(reported - enters < EVERY, "reported " + (reported - enters) + " frames late");
            for (int i = reported; i < monitored.size(); i++) {
                assertEquals(2, monitored.get(i).analysis().faceCount(), "both are followed from then on, frame " + i);
            }
        }
    }

    @Test
    void aStudentLeavingIsSeenOnTheFirstFrameWithoutThem() {
        List<byte[]> frames = new ArrayList<>(List.of(TestPictures.noisy(alone()), TestPictures.noisy(alone()),
                TestPictures.noFace(), TestPictures.noisy(alone())));
        List<MonitoredFrame> monitored = run(frames);

        assertEquals(List.of(1, 1, 0, 1), monitored.stream().map(m -> m.analysis().faceCount()).toList());
        assertEquals(MonitoredFrame.Stage.DETECTED, monitored.get(2).stage(), "the lost face sent it to the detector");
    }

    @Test
    void theSamePictureAgainReusesTheAnalysisButKeepsItsOwnFingerprint() {
        byte[] frozen = TestPictures.noisy(alone());
        List<MonitoredFrame> monitored = run(List.of(frozen, frozen, frozen, frozen));

        assertEquals(MonitoredFrame.Stage.REUSED, monitored.get(1).stage());
        assertEquals(MonitoredFrame.Stage.REUSED, monitored.get(2).stage());
        assertEquals(MonitoredFrame.Stage.FOLLOWED, monitored.get(3).stage(),
                "at most " + FaceAnalyzer.MAX_REUSED + " in a row");
        for (MonitoredFrame frame : monitored) {
            assertEquals(1, frame.analysis().faceCount());
            assertTrue(frame.analysis().quality().fingerprint()
                    .identicalTo(monitored.get(0).analysis().quality().fingerprint()), "the frozen-camera rule sees it");
        }
    }

    @Test
    void aTurnedHeadIsLookedAtAgainNotTakenOverFromTheFrameBefore() {
        Mat photo = TestEngine.read(DebianPhotos.graceHopper());
        Mat turned = TestPictures.fit(LivenessFrames.of(TestEngine.analyzer(), photo).turned(30), 640, 480);
        List<MonitoredFrame> monitored = run(List.of(TestPictures.noisy(alone()), TestPictures.noisy(alone()),
                TestPictures.noisy(turned)));

        assertTrue(monitored.get(2).stage() != MonitoredFrame.Stage.REUSED, "the scene changed");
        double before = monitored.get(1).analysis().faces().get(0).pose().orElseThrow().yaw();
        double after = monitored.get(2).analysis().faces().get(0).pose().orElseThrow().yaw();
        assertTrue(Math.abs(after - before) > 15, "yaw " + before + " -> " + after);
    }

    @Test
    void aDescriptorIsComputedOnTheWholeFrameForTheOneFace() {
        FaceAnalyzer analyzer = TestEngine.analyzer();
        byte[] first = TestPictures.noisy(alone());
        MonitoredFrame cold = analyzer.monitor(first, null, false);
        MonitoredFrame described = analyzer.monitor(TestPictures.noisy(alone()), cold.track(), true);

        assertEquals(MonitoredFrame.Stage.FOLLOWED, described.stage());
        var reference = analyzer.describe(first).get(0).descriptor();
        var descriptor = described.described().orElseThrow().descriptor();
        assertTrue(VisionSettings.defaults().identityThresholds()
                        .compare(reference, descriptor).score() < 0.3,
                "the followed face describes as the whole-frame analysis does");
        assertTrue(analyzer.monitor(TestPictures.twoPeople(), null, true).described().isEmpty(),
                "two faces: no descriptor");
    }
}
