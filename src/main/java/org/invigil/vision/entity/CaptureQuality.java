package org.invigil.vision.entity;

/**
 * How well the frame was captured.
 *
 * @param brightness  mean grey level, 0 (black) to 255 (white)
 * @param contrast    standard deviation of the grey levels; near 0 for a covered lens or a blank frame
 * @param sharpness   variance of the Laplacian of the grey image scaled to 320 pixels wide; low for blur or defocus
 * @param fingerprint to tell a frozen or repeated frame
 */
public record CaptureQuality(double brightness, double contrast, double sharpness, FrameFingerprint fingerprint) {
}
