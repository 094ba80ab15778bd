package org.invigil.vision.control;

import org.invigil.vision.control.RejectedImageException.Reason;

/**
 * The frame header of a JPEG (ITU-T T.81, B.2.2), read from the marker segments without decoding any pixels, so that
 * absurd dimensions are refused before a decoder allocates memory for them.
 *
 * @param width       samples per line
 * @param height      number of lines
 * @param components  colour components (1 grey, 3 YCbCr, 4 CMYK)
 * @param progressive whether the frame is progressive (SOF2/SOF6/SOF10/SOF14)
 */
public record JpegHeader(int width, int height, int components, boolean progressive) {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DNL = 0xDC;
    /** How far from the end the end-of-image marker may sit (some encoders pad). */
    private static final int EOI_SEARCH = 64;

    public long pixels() {
        return (long) width * height;
    }

    /**
     * Reads the header of a JPEG and checks it against the limits.
     *
     * @param bytes     the whole file
     * @param maxPixels largest accepted width x height
     * @param maxSide   largest accepted width or height
     * @throws RejectedImageException when the bytes are empty, not a JPEG, truncated, broken or too large
     */
    public static JpegHeader read(byte[] bytes, long maxPixels, int maxSide) {
        if (bytes == null || bytes.length == 0) {
            throw new RejectedImageException(Reason.EMPTY, "The frame is empty");
        }
        if (!(bytes.length >= 3 && u8(bytes, 0) == 0xFF && u8(bytes, 1) == SOI && u8(bytes, 2) == 0xFF)) {
            String format = otherFormat(bytes);
            if (format != null) {
                throw new RejectedImageException(Reason.NOT_JPEG, "The frame is " + format + ", not JPEG");
            }
            throw new RejectedImageException(Reason.NOT_AN_IMAGE, "The frame is not an image (no JPEG start marker)");
        }
        if (!endsWithEoi(bytes)) {
            throw new RejectedImageException(Reason.TRUNCATED, "The JPEG has no end-of-image marker: truncated");
        }
        int pos = 2;
        while (true) {
            if (pos >= bytes.length) {
                throw new RejectedImageException(Reason.TRUNCATED, "The JPEG ends before its frame header");
            }
            if (u8(bytes, pos) != 0xFF) {
                throw new RejectedImageException(Reason.CORRUPT, "Expected a JPEG marker at byte " + pos);
            }
            while (pos < bytes.length && u8(bytes, pos) == 0xFF) {
                pos++; // fill bytes
            }
            if (pos >= bytes.length) {
                throw new RejectedImageException(Reason.TRUNCATED, "The JPEG ends inside a marker");
            }
            int marker = u8(bytes, pos++);
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // TEM and RSTn stand alone
            }
            if (marker == SOI || marker == EOI || marker == SOS || marker == DNL || marker == 0x00) {
                throw new RejectedImageException(Reason.CORRUPT,
                        String.format("The JPEG has marker 0x%02X before its frame header", marker));
            }
            if (pos + 2 > bytes.length) {
                throw new RejectedImageException(Reason.TRUNCATED, "The JPEG ends inside a segment length");
            }
            int length = u16(bytes, pos);
            if (length < 2 || pos + length > bytes.length) {
                throw new RejectedImageException(Reason.TRUNCATED,
                        String.format("The JPEG segment 0x%02X at byte %d runs past the end", marker, pos - 2));
            }
            if (isStartOfFrame(marker)) {
                return frame(bytes, pos, length, marker, maxPixels, maxSide);
            }
            pos += length;
        }
    }

    private static JpegHeader frame(byte[] bytes, int pos, int length, int marker, long maxPixels, int maxSide) {
        if (length < 8) {
            throw new RejectedImageException(Reason.CORRUPT, "The JPEG frame header is too short");
        }
        int precision = u8(bytes, pos + 2);
        int height = u16(bytes, pos + 3);
        int width = u16(bytes, pos + 5);
        int components = u8(bytes, pos + 7);
        if (width == 0 || height == 0) {
            throw new RejectedImageException(Reason.CORRUPT,
                    "The JPEG declares a zero dimension: " + width + "x" + height);
        }
        if (width > maxSide || height > maxSide || (long) width * height > maxPixels) {
            throw new RejectedImageException(Reason.TOO_LARGE, "The JPEG declares " + width + "x" + height
                    + " pixels; the limit is " + maxPixels + " pixels and " + maxSide + " per side");
        }
        if (precision != 8) {
            throw new RejectedImageException(Reason.UNSUPPORTED, "The JPEG has " + precision + "-bit samples");
        }
        if (components != 1 && components != 3 && components != 4) {
            throw new RejectedImageException(Reason.UNSUPPORTED, "The JPEG has " + components + " components");
        }
        if (length < 8 + 3 * components) {
            throw new RejectedImageException(Reason.CORRUPT, "The JPEG frame header is too short");
        }
        boolean progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
        return new JpegHeader(width, height, components, progressive);
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean endsWithEoi(byte[] bytes) {
        for (int i = bytes.length - 2; i >= Math.max(2, bytes.length - EOI_SEARCH); i--) {
            if (u8(bytes, i) == 0xFF && u8(bytes, i + 1) == EOI) {
                return true;
            }
        }
        return false;
    }

    private static String otherFormat(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G')) {
            return "PNG";
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return "WebP";
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return "GIF";
        }
        if (startsWith(b, 0, 'B', 'M')) {
            return "BMP";
        }
        if (startsWith(b, 0, 'I', 'I', 0x2A, 0) || startsWith(b, 0, 'M', 'M', 0, 0x2A)) {
            return "TIFF";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (u8(bytes, offset + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] bytes, int pos) {
        return bytes[pos] & 0xFF;
    }

    private static int u16(byte[] bytes, int pos) {
        return (u8(bytes, pos) << 8) | u8(bytes, pos + 1);
    }
}
