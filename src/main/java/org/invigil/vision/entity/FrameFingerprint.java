package org.invigil.vision.entity;

/**
 * Two fingerprints of a frame's pixels, to detect a frozen camera or a replayed recording.
 * <ul>
 * <li>{@code exact}: a 64-bit hash of every decoded grey pixel. A live camera's sensor noise changes it on every
 * frame, so two equal values mean the same picture was sent again (frozen camera, still image, looped file).</li>
 * <li>{@code perceptual}: a 64-bit difference hash (dHash) of a 9x8 thumbnail, stable under noise and
 * re-compression; a small Hamming distance means the scene looks the same.</li>
 * </ul>
 */
public record FrameFingerprint(long exact, long perceptual) {

    /** Whether the two frames have identical pixels: a frozen or repeated frame. */
    public boolean identicalTo(FrameFingerprint other) {
        return exact == other.exact;
    }

    /** Number of differing bits of the perceptual hashes: 0 (same scene) to 64. */
    public int perceptualDistanceTo(FrameFingerprint other) {
        return Long.bitCount(perceptual ^ other.perceptual);
    }
}
