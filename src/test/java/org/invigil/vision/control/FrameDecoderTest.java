package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.invigil.vision.DebianPhotos;
import org.invigil.vision.TestEngine;
import org.invigil.vision.control.RejectedImageException.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

class FrameDecoderTest {

    private static final FrameDecoder DECODER = new FrameDecoder(8L << 20, 3840L * 2160, 8192);
    private static byte[] photo;
    private static Mat image;

    @BeforeAll
    static void photo() {
        image = TestEngine.read(DebianPhotos.graceHopper());
        photo = TestEngine.jpeg(image, 90);
    }

    private static Reason rejection(byte[] bytes) {
        return assertThrows(RejectedImageException.class, () -> DECODER.decode(bytes)).reason();
    }

    @Test
    void decodesAJpegToBgr() {
        Mat decoded = DECODER.decode(photo);
        assertEquals(image.cols(), decoded.cols());
        assertEquals(image.rows(), decoded.rows());
        assertEquals(3, decoded.channels());
        decoded.release();
    }

    @Test
    void rejectsPngAndWebp() {
        for (String format : new String[] {".png", ".webp"}) {
            MatOfByte encoded = new MatOfByte();
            assertTrue(Imgcodecs.imencode(format, image, encoded), "OpenCV can write " + format);
            assertEquals(Reason.NOT_JPEG, rejection(encoded.toArray()), format);
        }
    }

    @Test
    void rejectsTruncatedJpeg() {
        assertEquals(Reason.TRUNCATED, rejection(Arrays.copyOf(photo, photo.length / 2)));
    }

    @Test
    void rejectsAJpegWhoseHeaderDeclaresHugeDimensions() {
        byte[] bomb = photo.clone();
        int sof = sofOffset(bomb);
        bomb[sof + 5] = (byte) 0xEA; // height 60000
        bomb[sof + 6] = (byte) 0x60;
        bomb[sof + 7] = (byte) 0xEA; // width 60000
        bomb[sof + 8] = (byte) 0x60;
        assertEquals(Reason.TOO_LARGE, rejection(bomb));
    }

    @Test
    void rejectsFramesOverTheByteLimit() {
        FrameDecoder small = new FrameDecoder(1000, 3840L * 2160, 8192);
        assertEquals(Reason.TOO_LARGE,
                assertThrows(RejectedImageException.class, () -> small.decode(photo)).reason());
    }

    @Test
    void rejectsAJpegWithNoImageData() {
        byte[] header = JpegHeaderTest.jpeg(0xC0, 8, 64, 64, 3);
        assertEquals(Reason.CORRUPT, rejection(header));
    }

    /** Damaged bytes decode to something or are rejected with a reason; nothing else escapes, the JVM survives. */
    @Test
    void survivesRandomlyDamagedJpegs() {
        Random random = new Random(20240501);
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < 150; i++) {
            byte[] damaged = photo.clone();
            int changes = 1 + random.nextInt(40);
            for (int c = 0; c < changes; c++) {
                damaged[random.nextInt(Math.min(damaged.length, i % 2 == 0 ? 700 : damaged.length))] =
                        (byte) random.nextInt(256);
            }
            try {
                Mat m = DECODER.decode(damaged);
                assertTrue(m.cols() <= 3840 * 2160 / m.rows());
                m.release();
                decoded++;
            } catch (RejectedImageException e) {
                rejected++;
            } catch (RuntimeException e) {
                fail("Damaged JPEG " + i + " escaped as " + e);
            }
        }
        System.out.printf("vision: damaged JPEGs: %d decoded, %d rejected%n", decoded, rejected);
        assertEquals(150, decoded + rejected);
    }

    private static int sofOffset(byte[] jpeg) {
        for (int i = 2; i < jpeg.length - 1; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && ((jpeg[i + 1] & 0xFF) == 0xC0 || (jpeg[i + 1] & 0xFF) == 0xC2)) {
                return i;
            }
        }
        throw new IllegalStateException("No frame header");
    }
}
