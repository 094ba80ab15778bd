package org.invigil.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.invigil.vision.TestEngine;
import org.invigil.vision.entity.FrameAnalysis;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * The fake-camera videos hold what their names say, checked with the project's own vision engine on the frames as
 * written (no browser involved; {@code FakeCameraIT} checks them through Chromium).
 */
class FakeCameraTest {

    static final int FRAME_BYTES = FakeCamera.WIDTH * FakeCamera.HEIGHT * 3 / 2;

    @Test
    void referencePersonShowsOneLargeCentredFace() throws IOException {
        Path video = FakeCamera.referencePerson();
        FrameAnalysis first = TestEngine.analyzer().analyse(frame(video, 0));
        assertEquals(1, first.faceCount(), first.toString());
        var box = first.faces().get(0).box();
        assertTrue(box.height() > 0.3 * FakeCamera.HEIGHT, "face too small: " + box);
        assertTrue(Math.abs(box.centre().x() - FakeCamera.WIDTH / 2.0) < 80, "face off centre: " + box);
        assertTrue(first.quality().brightness() > 60, first.quality().toString());
        assertTrue(first.quality().sharpness() > 12, first.quality().toString());
    }

    @Test
    void consecutiveFramesAreNeverPixelIdenticalButLookTheSame() throws IOException {
        Path video = FakeCamera.referencePerson();
        int frames = frameCount(video);
        assertEquals(47, frames);
        FrameAnalysis previous = null;
        for (int i : new int[] {0, 1, 2, frames - 1}) {
            FrameAnalysis a = TestEngine.analyzer().analyse(frame(video, i));
            if (previous != null) {
                assertFalse(a.quality().fingerprint().identicalTo(previous.quality().fingerprint()), "frame " + i);
                assertTrue(a.quality().fingerprint().perceptualDistanceTo(previous.quality().fingerprint()) <= 6);
            }
            previous = a;
        }
        // and across the loop boundary: the last frame differs from the first
        assertFalse(Arrays.equals(planes(video, frames - 1), planes(video, 0)));
    }

    @Test
    void theOtherVideos() throws IOException {
        assertEquals(2, TestEngine.analyzer().analyse(frame(FakeCamera.twoPeople(), 0)).faceCount());
        assertEquals(0, TestEngine.analyzer().analyse(frame(FakeCamera.noFace(), 0)).faceCount());
        assertEquals(1, TestEngine.analyzer().analyse(frame(FakeCamera.anotherPerson(), 0)).faceCount());
        FrameAnalysis covered = TestEngine.analyzer().analyse(frame(FakeCamera.coveredCamera(), 0));
        assertEquals(0, covered.faceCount());
        assertTrue(covered.quality().brightness() < 25 && covered.quality().contrast() < 10, covered.toString());

        Path both = FakeCamera.referenceThenAnother(2);
        assertEquals(40, frameCount(both));
        var hopper = TestEngine.analyzer().describe(frame(both, 5));
        var astronaut = TestEngine.analyzer().describe(frame(both, 25));
        assertEquals(1, hopper.size());
        assertEquals(1, astronaut.size());
    }

    @Test
    void headerAndReuse() throws IOException {
        Path video = FakeCamera.coveredCamera();
        String header = new String(Files.readAllBytes(video), 0, 64, StandardCharsets.US_ASCII).split("\n")[0];
        assertEquals("YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg", header);
        assertEquals(video, FakeCamera.coveredCamera());
        assertTrue(video.startsWith(FakeCamera.directory()));
    }

    @Test
    void jpegOfIsTheComposedPicture() {
        byte[] jpeg = FakeCamera.jpegOf(FakeCamera.graceHopper(), 640, 480);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8}, Arrays.copyOf(jpeg, 2));
        FrameAnalysis a = TestEngine.analyzer().analyse(jpeg);
        assertEquals(640, a.width());
        assertEquals(480, a.height());
        assertEquals(1, a.faceCount());
    }

    // ---------------------------------------------------------------- reading a Y4M back

    static int frameCount(Path video) throws IOException {
        long size = Files.size(video);
        int header = headerLength(video);
        long frames = (size - header) / (FRAME_BYTES + 6);
        assertEquals(size, header + frames * (FRAME_BYTES + 6), "truncated video");
        return (int) frames;
    }

    static byte[] planes(Path video, int index) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(video.toFile(), "r")) {
            file.seek(headerLength(video) + (long) index * (FRAME_BYTES + 6));
            byte[] marker = new byte[6];
            file.readFully(marker);
            assertEquals("FRAME\n", new String(marker, StandardCharsets.US_ASCII));
            byte[] planes = new byte[FRAME_BYTES];
            file.readFully(planes);
            return planes;
        }
    }

    static Mat frame(Path video, int index) throws IOException {
        Mat yuv = new Mat(FakeCamera.HEIGHT * 3 / 2, FakeCamera.WIDTH, CvType.CV_8UC1);
        yuv.put(0, 0, planes(video, index));
        Mat bgr = new Mat();
        Imgproc.cvtColor(yuv, bgr, Imgproc.COLOR_YUV2BGR_I420);
        yuv.release();
        return bgr;
    }

    private static int headerLength(Path video) throws IOException {
        try (var in = Files.newInputStream(video)) {
            byte[] start = in.readNBytes(128);
            for (int i = 0; i < start.length; i++) {
                if (start[i] == '\n') {
                    return i + 1;
                }
            }
        }
        throw new IllegalStateException("No Y4M header in " + video);
    }
}
