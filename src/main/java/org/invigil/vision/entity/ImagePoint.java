package org.invigil.vision.entity;

/**
 * A point in the pixel coordinates of the analysed frame (origin top left, x to the right, y down).
 */
public record ImagePoint(double x, double y) {

    public double distanceTo(ImagePoint other) {
        return Math.hypot(x - other.x, y - other.y);
    }

    /** This point mirrored about the vertical centre line of a frame {@code width} pixels wide. */
    public ImagePoint mirrored(int width) {
        return new ImagePoint(width - x, y);
    }

    /** The same point in an image {@code factor} times as large. */
    public ImagePoint scaled(double factor) {
        return new ImagePoint(x * factor, y * factor);
    }
}
