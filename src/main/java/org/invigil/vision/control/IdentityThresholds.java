package org.invigil.vision.control;

import org.invigil.vision.entity.FaceDescriptor;
import org.invigil.vision.entity.IdentityComparison;
import org.invigil.vision.entity.IdentityVerdict;
import org.invigil.vision.entity.SimilarityMetric;

/**
 * Where a descriptor score turns into a verdict: at {@code match} or better the faces match, worse than
 * {@code review} they do not, in between a person reviews them. Chosen per model from measured same-person and
 * different-person distributions (see {@code src/site/vision.md}).
 *
 * <p>The same calibration gives a comparison its <em>match strength</em> ({@link #strength(double)}), the number a
 * reviewer sees and the integrity score uses for an identity incident: piecewise linear in the score, 0 at the end of
 * the review band (and beyond), 0.5 at the match threshold, 1 at the calibration's typical same-person score (and
 * closer).
 *
 * @param metric  how descriptors are compared
 * @param match   the score at which faces match (a distance at most this, or a similarity at least this)
 * @param review  the end of the review band (a distance at most this, or a similarity at least this)
 * @param typical the calibration's typical same-person score (its median), where the strength reaches 1; the perfect
 *                score (distance 0, similarity 1) for a model not calibrated here
 */
public record IdentityThresholds(SimilarityMetric metric, double match, double review, double typical) {

    /**
     * dlib's ResNet descriptor, Euclidean distance: match at 0.50 or less, review up to 0.65 (dlib's own single
     * threshold is 0.6). Measured on dlib's bald_guys collage (4 people x 6 photos, 60 same-person and 216
     * different-person pairs): same-person 0.29-0.58 (median 0.414), different-person 0.61-1.00.
     */
    public static final IdentityThresholds DLIB_RESNET =
            new IdentityThresholds(SimilarityMetric.EUCLIDEAN_DISTANCE, 0.50, 0.65, 0.414);

    /**
     * SFace, cosine similarity: OpenCV's published threshold 0.363, review down to 0.30 (not measured here, so the
     * strength reaches 1 only at similarity 1).
     */
    public static final IdentityThresholds SFACE =
            new IdentityThresholds(SimilarityMetric.COSINE_SIMILARITY, 0.363, 0.30);

    /** Thresholds without a measured same-person score: the strength reaches 1 at the perfect score. */
    public IdentityThresholds(SimilarityMetric metric, double match, double review) {
        this(metric, match, review, metric == SimilarityMetric.EUCLIDEAN_DISTANCE ? 0 : 1);
    }

    public IdentityThresholds {
        if (metric == null) {
            throw new IllegalArgumentException("A metric is needed");
        }
        boolean ordered = metric == SimilarityMetric.EUCLIDEAN_DISTANCE ? match <= review : match >= review;
        if (!ordered) {
            throw new IllegalArgumentException("The review band must lie beyond the match threshold: " + this);
        }
    }

    /**
     * The score at which a capture is a copy of the reference photo rather than a new picture of its person (the
     * reference re-uploaded, or photographed from a screen or print): a distance at most this, or a similarity at
     * least this. dlib's ResNet: 0.22, measured in {@code NearDuplicateTest} on the 24 faces of dlib's bald_guys
     * collage: 168 re-encoded, rescaled and re-photographed copies (five seeded draws of sensor noise) measured at most
     * 0.218 (median 0.114), while the 60 pairs of two different photos of one person measured at least 0.289. 0.22
     * lies between them, with a thin margin above the copies. SFace (not measured here): a cosine similarity of 0.90.
     */
    public double nearDuplicate() {
        return metric == SimilarityMetric.EUCLIDEAN_DISTANCE ? 0.22 : 0.90;
    }

    /** Whether the score says the two pictures are copies of one photo (see {@link #nearDuplicate()}). */
    public boolean nearDuplicate(double score) {
        return metric == SimilarityMetric.EUCLIDEAN_DISTANCE ? score <= nearDuplicate() : score >= nearDuplicate();
    }

    public IdentityVerdict verdict(double score) {
        boolean distance = metric == SimilarityMetric.EUCLIDEAN_DISTANCE;
        if (distance ? score <= match : score >= match) {
            return IdentityVerdict.MATCH;
        }
        return (distance ? score <= review : score >= review) ? IdentityVerdict.NEEDS_REVIEW
                : IdentityVerdict.NO_MATCH;
    }

    public IdentityComparison compare(FaceDescriptor a, FaceDescriptor b) {
        double score = a.score(b, metric);
        return new IdentityComparison(score, metric, verdict(score), a.model(), strength(score));
    }

    /**
     * The match strength of a score, 0–1: 0 at the end of the review band and beyond, 0.5 at the match threshold,
     * 1 at the typical same-person score and closer, linear in between. Where the match threshold is set at or
     * closer than the typical score, the strength runs to 1 at the perfect score instead.
     */
    public double strength(double score) {
        boolean distance = metric == SimilarityMetric.EUCLIDEAN_DISTANCE;
        double sign = distance ? -1 : 1; // in "closeness" terms, larger is more alike
        double s = sign * score;
        double m = sign * match;
        double r = sign * review;
        double t = sign * typical;
        if (t <= m) {
            t = distance ? 0 : 1;
        }
        if (s >= t) {
            return 1;
        }
        if (s >= m) {
            return 0.5 + 0.5 * (s - m) / (t - m);
        }
        if (s > r) {
            return 0.5 * (s - r) / (m - r);
        }
        return 0;
    }
}
