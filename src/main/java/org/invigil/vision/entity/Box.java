package org.invigil.vision.entity;

/**
 * An axis-aligned rectangle in the pixel coordinates of the analysed frame.
 */
public record Box(double x, double y, double width, double height) {

    public Box {
        if (!(width >= 0) || !(height >= 0)) {
            throw new IllegalArgumentException("A box cannot have a negative or undefined size: " + width + "x" + height);
        }
    }

    public double area() {
        return width * height;
    }

    public ImagePoint centre() {
        return new ImagePoint(x + width / 2, y + height / 2);
    }

    /** Intersection over union with another box: 0 when they do not overlap, 1 when they are the same. */
    public double intersectionOverUnion(Box other) {
        double left = Math.max(x, other.x);
        double top = Math.max(y, other.y);
        double right = Math.min(x + width, other.x + other.width);
        double bottom = Math.min(y + height, other.y + other.height);
        double intersection = Math.max(0, right - left) * Math.max(0, bottom - top);
        double union = area() + other.area() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /** The same box in an image {@code factor} times as large. */
    public Box scaled(double factor) {
        return new Box(x * factor, y * factor, width * factor, height * factor);
    }
}
