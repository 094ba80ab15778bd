package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void theMatchStrengthFollowsTheDocumentedDlibCalibration() {
        IdentityThresholds dlib = IdentityThresholds.DLIB_RESNET;
        assertEquals(0.414, dlib.typical(), 1e-9, "the collage's median same-person distance");
        assertEquals(1.0, dlib.strength(0.30), 1e-9, "closer than the typical same-person pair");
        assertEquals(1.0, dlib.strength(0.414), 1e-9);
        assertEquals(0.5, dlib.strength(0.50), 1e-9, "at the match threshold");
        assertEquals(0.75, dlib.strength(0.457), 1e-9, "half way from the match threshold to the typical score");
        assertEquals(0.25, dlib.strength(0.575), 1e-9, "half way into the review band");
        assertEquals(0.0, dlib.strength(0.65), 1e-9, "at the end of the review band");
        assertEquals(0.0, dlib.strength(0.90), 1e-9);
    }

    @Test
    void theMatchStrengthGrowsAsTheFacesGetCloserAndIsNoConstant() {
        IdentityThresholds dlib = IdentityThresholds.DLIB_RESNET;
        double previous = -1;
        for (double distance = 0.70; distance >= 0.40; distance -= 0.01) {
            double strength = dlib.strength(distance);
            assertTrue(strength >= previous && strength >= 0 && strength <= 1, distance + " -> " + strength);
            previous = strength;
        }
        assertNotEquals(dlib.strength(0.42), dlib.strength(0.49), "two different matches, two different strengths");
    }

    @Test
    void anUncalibratedSimilarityRunsToOneOnlyAtThePerfectScore() {
        IdentityThresholds sface = IdentityThresholds.SFACE;
        assertEquals(1.0, sface.typical(), 1e-9);
        assertEquals(0.0, sface.strength(0.30), 1e-9);
        assertEquals(0.5, sface.strength(0.363), 1e-9);
        assertEquals(1.0, sface.strength(1.0), 1e-9);
        assertEquals(0.5 + 0.5 * (0.6 - 0.363) / (1 - 0.363), sface.strength(0.6), 1e-9);
    }

    @Test
    void aMatchThresholdSetCloserThanTheTypicalScoreStillRisesToOne() {
        IdentityThresholds strict = new IdentityThresholds(SimilarityMetric.EUCLIDEAN_DISTANCE, 0.40, 0.65, 0.414);
        assertEquals(0.5, strict.strength(0.40), 1e-9);
        assertEquals(0.75, strict.strength(0.20), 1e-9);
        assertEquals(1.0, strict.strength(0.0), 1e-9);
    }

    @Test
    void aComparisonCarriesItsCalibratedStrength() {
        float[] a = new float[128];
        float[] b = new float[128];
        b[0] = 0.45f;
        org.invigil.vision.entity.ModelVersion model = new org.invigil.vision.entity.ModelVersion("dlib-resnet", "1",
                "test", "CC0-1.0");
        var comparison = IdentityThresholds.DLIB_RESNET.compare(new org.invigil.vision.entity.FaceDescriptor(a, model),
                new org.invigil.vision.entity.FaceDescriptor(b, model));
        assertEquals(0.45, comparison.score(), 1e-6);
        assertEquals(IdentityThresholds.DLIB_RESNET.strength(comparison.score()), comparison.strength(), 1e-9);
    }
}
