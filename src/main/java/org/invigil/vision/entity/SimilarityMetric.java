package org.invigil.vision.entity;

/**
 * How two descriptors are compared: each descriptor model is trained for one of these.
 */
public enum SimilarityMetric {
    /** Euclidean distance, 0 for the same vector; lower is more alike (dlib's ResNet, threshold 0.6 upstream). */
    EUCLIDEAN_DISTANCE,
    /** Cosine similarity, 1 for the same direction; higher is more alike (SFace, threshold 0.363 upstream). */
    COSINE_SIMILARITY
}
