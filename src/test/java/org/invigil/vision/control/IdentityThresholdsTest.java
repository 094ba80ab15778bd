package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.invigil.vision.entity.IdentityVerdict;
import org.invigil.vision.entity.SimilarityMetric;
import org.junit.jupiter.api.Test;

class IdentityThresholdsTest {

    @Test
    void distanceVerdicts() {
        IdentityThresholds t = new IdentityThresholds(SimilarityMetric.EUCLIDEAN_DISTANCE, 0.5, 0.65);
        assertEquals(IdentityVerdict.MATCH, t.verdict(0.3));
        assertEquals(IdentityVerdict.MATCH, t.verdict(0.5));
        assertEquals(IdentityVerdict.NEEDS_REVIEW, t.verdict(0.6));
        assertEquals(IdentityVerdict.NO_MATCH, t.verdict(0.66));
    }

    @Test
    void similarityVerdicts() {
        IdentityThresholds t = new IdentityThresholds(SimilarityMetric.COSINE_SIMILARITY, 0.4, 0.3);
        assertEquals(IdentityVerdict.MATCH, t.verdict(0.9));
        assertEquals(IdentityVerdict.NEEDS_REVIEW, t.verdict(0.35));
        assertEquals(IdentityVerdict.NO_MATCH, t.verdict(0.1));
    }

    @Test
    void theReviewBandLiesBeyondTheMatchThreshold() {
        assertThrows(IllegalArgumentException.class,
                () -> new IdentityThresholds(SimilarityMetric.EUCLIDEAN_DISTANCE, 0.7, 0.6));
        assertThrows(IllegalArgumentException.class,
                () -> new IdentityThresholds(SimilarityMetric.COSINE_SIMILARITY, 0.3, 0.4));
    }
}
