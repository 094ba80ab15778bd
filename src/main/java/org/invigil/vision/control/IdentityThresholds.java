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
 * @param metric how descriptors are compared
 * @param match  the score at which faces match (a distance at most this, or a similarity at least this)
 * @param review the end of the review band (a distance at most this, or a similarity at least this)
 */
public record IdentityThresholds(SimilarityMetric metric, double match, double review) {

    /**
     * dlib's ResNet descriptor, Euclidean distance: match at 0.50 or less, review up to 0.65 (dlib's own single
     * threshold is 0.6). Measured on dlib's bald_guys collage (4 people x 6 photos, 60 same-person and 216
     * different-person pairs): same-person 0.29-0.58, different-person 0.61-1.00.
     */
    public static final IdentityThresholds DLIB_RESNET =
            new IdentityThresholds(SimilarityMetric.EUCLIDEAN_DISTANCE, 0.50, 0.65);

    /** SFace, cosine similarity: OpenCV's published threshold 0.363, review down to 0.30 (not measured here). */
    public static final IdentityThresholds SFACE =
            new IdentityThresholds(SimilarityMetric.COSINE_SIMILARITY, 0.363, 0.30);

    public IdentityThresholds {
        if (metric == null) {
            throw new IllegalArgumentException("A metric is needed");
        }
        boolean ordered = metric == SimilarityMetric.EUCLIDEAN_DISTANCE ? match <= review : match >= review;
        if (!ordered) {
            throw new IllegalArgumentException("The review band must lie beyond the match threshold: " + this);
        }
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
        return new IdentityComparison(score, metric, verdict(score), a.model());
    }
}
