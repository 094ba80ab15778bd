package org.invigil.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import org.invigil.DeployedTool;
import org.invigil.vision.TestEngine;
import org.invigil.vision.control.OpenCvNatives;
import org.invigil.vision.entity.FrameAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The fake-camera pipeline end to end: real headless Chromium on a page of the real WAR opens the camera with
 * {@code getUserMedia}, draws frames to a canvas and encodes them as JPEG like the browser client; the project's
 * vision engine finds in them what the video holds.
 */
class FakeCameraIT {

    static {
        OpenCvNatives.load();
    }

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void theReferencePersonReachesThePageAsOneLiveFace() {
        Chromium chromium = browsers.start(FakeCamera.referencePerson());
        chromium.open(DeployedTool.at("/"));
        Chromium.CameraFrames frames = chromium.grabCameraFrames(2, Duration.ofMillis(250));

        assertEquals(640, frames.width());
        assertEquals(480, frames.height());
        assertTrue(frames.deviceLabel().contains("reference-person"), frames.deviceLabel());
        Mat first = decode(frames.jpegs().get(0));
        Mat second = decode(frames.jpegs().get(1));
        assertTrue(Core.norm(first, second, Core.NORM_INF) > 0, "two captured frames are pixel-identical");

        FrameAnalysis a = TestEngine.analyzer().analyse(first);
        FrameAnalysis b = TestEngine.analyzer().analyse(second);
        assertEquals(1, a.faceCount(), a.toString());
        assertEquals(1, b.faceCount(), b.toString());
        assertFalse(a.quality().fingerprint().identicalTo(b.quality().fingerprint()), "the server would call it frozen");
        assertTrue(a.quality().fingerprint().perceptualDistanceTo(b.quality().fingerprint()) <= 8, "same scene");

        // the browser shows the composed photo as written: same brightness, face where it was put
        FrameAnalysis composed = TestEngine.analyzer().analyse(FakeCamera.jpegOf(FakeCamera.graceHopper(), 640, 480));
        assertEquals(composed.quality().brightness(), a.quality().brightness(), 12, "colour range conversion");
        assertTrue(composed.faces().get(0).box().intersectionOverUnion(a.faces().get(0).box()) > 0.7);

        assertTrue(Files.isRegularFile(chromium.screenshot("FakeCameraIT-reference-person")));
        chromium.assertNoJsErrors("favicon");
    }

    @Test
    void aCoveredCameraIsDarkAndFaceless() {
        Chromium chromium = browsers.start(FakeCamera.coveredCamera());
        chromium.open(DeployedTool.at("/"));
        Chromium.CameraFrames frames = chromium.grabCameraFrames(2, Duration.ofMillis(250));

        FrameAnalysis a = TestEngine.analyzer().analyse(decode(frames.jpegs().get(0)));
        FrameAnalysis b = TestEngine.analyzer().analyse(decode(frames.jpegs().get(1)));
        assertEquals(0, a.faceCount(), a.toString());
        assertTrue(a.quality().brightness() < 25, a.quality().toString());
        assertTrue(a.quality().contrast() < 10, a.quality().toString());
        assertFalse(a.quality().fingerprint().identicalTo(b.quality().fingerprint()),
                "a covered lens still has sensor noise");
    }

    private static Mat decode(byte[] jpeg) {
        Mat image = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR);
        assertFalse(image.empty(), "not a JPEG");
        return image;
    }
}
