package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.invigil.vision.control.RejectedImageException.Reason;
import org.junit.jupiter.api.Test;

class JpegHeaderTest {

    private static final long MAX_PIXELS = 3840L * 2160;
    private static final int MAX_SIDE = 8192;

    /** SOI, an APP0 segment, a frame header (SOF0 or another), a scan header stub and EOI. */
    static byte[] jpeg(int sof, int precision, int width, int height, int components) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
        out.write(0xFF);
        out.write(sof);
        int length = 8 + 3 * components;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(precision);
        out.write(height >> 8);
        out.write(height & 0xFF);
        out.write(width >> 8);
        out.write(width & 0xFF);
        out.write(components);
        for (int c = 0; c < components; c++) {
            out.writeBytes(new byte[] {(byte) (c + 1), 0x11, 0});
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 63, 0, 0x12, 0x34});
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    private static Reason rejection(byte[] bytes) {
        return assertThrows(RejectedImageException.class, () -> JpegHeader.read(bytes, MAX_PIXELS, MAX_SIDE))
                .reason();
    }

    @Test
    void readsDimensionsOfABaselineFrame() {
        JpegHeader header = JpegHeader.read(jpeg(0xC0, 8, 640, 480, 3), MAX_PIXELS, MAX_SIDE);
        assertEquals(640, header.width());
        assertEquals(480, header.height());
        assertEquals(3, header.components());
        assertFalse(header.progressive());
    }

    @Test
    void recognisesProgressiveFrames() {
        assertTrue(JpegHeader.read(jpeg(0xC2, 8, 320, 240, 1), MAX_PIXELS, MAX_SIDE).progressive());
    }

    @Test
    void rejectsEmptyInput() {
        assertEquals(Reason.EMPTY, rejection(new byte[0]));
        assertEquals(Reason.EMPTY, rejection(null));
    }

    @Test
    void namesOtherImageFormats() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        byte[] gif = "GIF89a....".getBytes(StandardCharsets.ISO_8859_1);
        for (byte[] other : new byte[][] {png, webp, gif}) {
            RejectedImageException e = assertThrows(RejectedImageException.class,
                    () -> JpegHeader.read(other, MAX_PIXELS, MAX_SIDE));
            assertEquals(Reason.NOT_JPEG, e.reason());
        }
        assertTrue(assertThrows(RejectedImageException.class, () -> JpegHeader.read(webp, MAX_PIXELS, MAX_SIDE))
                .getMessage().contains("WebP"));
    }

    @Test
    void rejectsNonImages() {
        assertEquals(Reason.NOT_AN_IMAGE, rejection("{\"frame\": 1}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Reason.NOT_AN_IMAGE, rejection(new byte[] {(byte) 0xFF}));
    }

    @Test
    void rejectsTruncatedJpeg() {
        byte[] whole = jpeg(0xC0, 8, 640, 480, 3);
        assertEquals(Reason.TRUNCATED, rejection(Arrays.copyOf(whole, whole.length - 2)));
        assertEquals(Reason.TRUNCATED, rejection(Arrays.copyOf(whole, 12)));
    }

    @Test
    void rejectsSegmentRunningPastTheEnd() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, (byte) 0x7F, (byte) 0xFF, 0, 0,
            (byte) 0xFF, (byte) 0xD9};
        assertEquals(Reason.TRUNCATED, rejection(bytes));
    }

    @Test
    void rejectsDecompressionBombsByTheirDeclaredSize() {
        assertEquals(Reason.TOO_LARGE, rejection(jpeg(0xC0, 8, 65535, 65535, 3)));
        assertEquals(Reason.TOO_LARGE, rejection(jpeg(0xC2, 8, 8193, 16, 3)));
        assertEquals(Reason.TOO_LARGE, rejection(jpeg(0xC0, 8, 4000, 4000, 1)));
    }

    @Test
    void rejectsZeroDimensions() {
        assertEquals(Reason.CORRUPT, rejection(jpeg(0xC0, 8, 640, 0, 3)));
    }

    @Test
    void rejectsUnsupportedSamplePrecision() {
        assertEquals(Reason.UNSUPPORTED, rejection(jpeg(0xC1, 12, 640, 480, 3)));
        assertEquals(Reason.UNSUPPORTED, rejection(jpeg(0xC0, 8, 640, 480, 2)));
    }

    @Test
    void rejectsScanBeforeFrameHeader() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2, (byte) 0xFF, (byte) 0xD9};
        assertEquals(Reason.CORRUPT, rejection(bytes));
    }
}
