package org.invigil.vision.entity;

/**
 * The comparison of two face descriptors: the score under the model's metric, the verdict under the configured
 * thresholds, and the model that produced both descriptors.
 */
public record IdentityComparison(double score, SimilarityMetric metric, IdentityVerdict verdict,
        ModelVersion model) {
}
