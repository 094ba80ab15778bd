package org.invigil.vision.entity;

/**
 * The comparison of two face descriptors: the score under the model's metric, the verdict under the configured
 * thresholds, the model that produced both descriptors, and the match strength: the score through the identity
 * calibration (0 at the end of the review band, 0.5 at the match threshold, 1 at the calibration's typical
 * same-person score; see {@code IdentityThresholds#strength} and {@code src/site/vision.md}).
 */
public record IdentityComparison(double score, SimilarityMetric metric, IdentityVerdict verdict,
        ModelVersion model, double strength) {
}
