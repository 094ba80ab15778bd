package org.invigil.vision.entity;

/**
 * Eye aspect ratio (eye height over eye width, Soukupova and Cech 2016) of each eye, from the Face Mesh eye contours.
 * Open eyes measure about 0.22-0.33; a blink drops below about 0.15-0.2 for a few frames. "Left" and "right" are the
 * person's own.
 */
public record EyeOpenness(double left, double right) {

    public double mean() {
        return (left + right) / 2;
    }

    /** Whether both eyes read below the threshold. */
    public boolean closed(double threshold) {
        return left < threshold && right < threshold;
    }
}
