package org.invigil.vision.entity;

import java.util.Arrays;
import java.util.Objects;

/**
 * An identity descriptor of one face: a vector that is close for photos of the same person. Descriptors are only
 * comparable when the same model produced them.
 */
public final class FaceDescriptor {

    private final float[] values;
    private final ModelVersion model;

    public FaceDescriptor(float[] values, ModelVersion model) {
        if (values.length == 0) {
            throw new IllegalArgumentException("A descriptor needs at least one value");
        }
        this.values = values.clone();
        this.model = Objects.requireNonNull(model, "model");
    }

    public float[] values() {
        return values.clone();
    }

    public int dimensions() {
        return values.length;
    }

    public ModelVersion model() {
        return model;
    }

    /** The score of the two descriptors under the metric. */
    public double score(FaceDescriptor other, SimilarityMetric metric) {
        return metric == SimilarityMetric.EUCLIDEAN_DISTANCE ? distanceTo(other) : similarityTo(other);
    }

    /**
     * Euclidean distance, 0 for equal descriptors.
     *
     * @throws IllegalArgumentException when another model produced the other descriptor
     */
    public double distanceTo(FaceDescriptor other) {
        requireComparable(other);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            double d = (double) values[i] - other.values[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /**
     * Cosine similarity, -1 to 1 (1: same direction).
     *
     * @throws IllegalArgumentException when another model produced the other descriptor
     */
    public double similarityTo(FaceDescriptor other) {
        requireComparable(other);
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < values.length; i++) {
            dot += (double) values[i] * other.values[i];
            a += (double) values[i] * values[i];
            b += (double) other.values[i] * other.values[i];
        }
        return a == 0 || b == 0 ? 0 : dot / Math.sqrt(a * b);
    }

    private void requireComparable(FaceDescriptor other) {
        if (!model.equals(other.model) || values.length != other.values.length) {
            throw new IllegalArgumentException("Descriptors of different models cannot be compared: " + model
                    + " and " + other.model);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceDescriptor other && model.equals(other.model) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * model.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FaceDescriptor[" + values.length + " values, " + model + "]";
    }
}
