package org.invigil.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.invigil.ids.entity.PlatformId;
import org.invigil.ids.entity.UserId;
import org.invigil.vision.entity.DescribedFace;
import org.invigil.vision.entity.FaceDescriptor;
import org.invigil.vision.entity.IdentityComparison;
import org.invigil.vision.entity.IdentityVerdict;

/**
 * Compares a capture with the student's reference photo, and with the course's other students' references. Without
 * any reference the capture becomes an enrolment photo waiting for a person. A capture far closer to the reference
 * than two photos of one person ever are (the reference re-uploaded, or photographed) is a near-duplicate: a person
 * reviews it rather than it matching. Of several faces the largest (nearest) is the student's.
 */
@ApplicationScoped
public class IdentityCheck {

    @Inject
    Pictures pictures;

    @Inject
    References references;

    /** What the capture showed. */
    public enum Kind { NO_FACE, SEVERAL_FACES, MATCH, NEEDS_REVIEW, NO_MATCH, ENROLLED, NEAR_DUPLICATE }

    public record Outcome(Kind kind, Optional<IdentityComparison> comparison, Optional<FaceDescriptor> captured,
                          List<References.Reference> lookAlikes, String reference) {

        public String describe() {
            String score = comparison.map(c -> String.format(Locale.ROOT, " (%s %.2f)",
                    c.metric().name().toLowerCase(Locale.ROOT).replace('_', ' '), c.score())).orElse("");
            return switch (kind) {
                case NO_FACE -> "We could not see a face. Face the camera in good light and try again.";
                case SEVERAL_FACES -> "We saw more than one face. Make sure you are alone in the picture and try again.";
                case MATCH -> "Your identity is confirmed" + score + ".";
                case NEEDS_REVIEW -> "The comparison was not conclusive" + score
                        + ". A person will check your photo; you can continue.";
                case NO_MATCH -> "The picture did not match your reference photo" + score + ".";
                case NEAR_DUPLICATE -> "The picture looks like a copy of your reference photo rather than a new "
                        + "picture of you" + score + ". A person will check it; you can continue.";
                case ENROLLED -> "There is no reference photo for you yet: this picture will be checked by a person. "
                        + "You can continue.";
            };
        }
    }

    public Outcome check(PlatformId platformId, String contextId, UserId userId, Optional<String> lmsPicture,
                         byte[] jpeg) {
        String userIdValue = userId.value();
        String platformIdValue = platformId.value();
        List<DescribedFace> faces = pictures.describe(jpeg);
        if (faces.isEmpty()) {
            return new Outcome(Kind.NO_FACE, Optional.empty(), Optional.empty(), List.of(), "none");
        }
        if (faces.size() > 1 && secondFaceIsReal(faces)) {
            return new Outcome(Kind.SEVERAL_FACES, Optional.empty(), Optional.empty(), List.of(), "none");
        }
        FaceDescriptor captured = largest(faces).orElseThrow().descriptor();
        List<References.Reference> lookAlikes = references.othersInCourse(platformIdValue, contextId, userIdValue)
                .stream()
                .filter(other -> pictures.compare(captured, other.descriptor()).verdict() == IdentityVerdict.MATCH)
                .toList();
        Optional<References.Reference> reference = references.best(platformId, contextId, userId, lmsPicture);
        if (reference.isEmpty()) {
            references.enrol(platformIdValue, contextId, userIdValue, jpeg, captured);
            return new Outcome(Kind.ENROLLED, Optional.empty(), Optional.of(captured), lookAlikes, "enrolment");
        }
        IdentityComparison comparison = pictures.compare(captured, reference.get().descriptor());
        Kind kind = pictures.nearDuplicate(comparison) ? Kind.NEAR_DUPLICATE : switch (comparison.verdict()) {
            case MATCH -> Kind.MATCH;
            case NEEDS_REVIEW -> Kind.NEEDS_REVIEW;
            case NO_MATCH -> Kind.NO_MATCH;
        };
        return new Outcome(kind, Optional.of(comparison), Optional.of(captured), lookAlikes,
                reference.get().photo().source().name().toLowerCase(Locale.ROOT));
    }

    /** The largest (nearest) face of a capture, whatever order the detector listed them in. */
    public static Optional<DescribedFace> largest(List<DescribedFace> faces) {
        return faces.stream().max(Comparator.comparingDouble((DescribedFace f) -> f.face().box().area()));
    }

    /** A second detection much smaller than the first (a face on a poster, a reflection) does not count. */
    private static boolean secondFaceIsReal(List<DescribedFace> faces) {
        List<DescribedFace> bySize = faces.stream()
                .sorted(Comparator.comparingDouble((DescribedFace f) -> f.face().box().area()).reversed()).toList();
        return bySize.get(1).face().box().area() >= 0.25 * bySize.get(0).face().box().area();
    }
}
