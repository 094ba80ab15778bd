package org.invigil.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;
import org.invigil.ids.entity.SessionId;
import org.invigil.vision.control.MonitoredFrame;
import org.invigil.vision.control.RejectedImageException;
import org.invigil.vision.control.VisionEngine;
import org.invigil.vision.control.VisionOverloadedException;
import org.invigil.vision.entity.DescribedFace;
import org.invigil.vision.entity.FaceDescriptor;
import org.invigil.vision.entity.FrameAnalysis;
import org.invigil.vision.entity.IdentityComparison;

/** The face analysis engine, with its failures told as problems a person can act on. */
@ApplicationScoped
public class Pictures {

    @Inject
    VisionEngine vision;

    public FrameAnalysis analyse(byte[] jpeg) {
        return guarded(() -> vision.analyse(jpeg));
    }

    /** A monitoring frame of the attempt, following its faces; with the one face's descriptor where asked for. */
    public MonitoredFrame monitor(SessionId attempt, byte[] jpeg, boolean describe) {
        return guarded(() -> vision.monitor(attempt.value(), jpeg, describe));
    }

    public List<DescribedFace> describe(byte[] jpeg) {
        return guarded(() -> vision.describe(jpeg));
    }

    public IdentityComparison compare(FaceDescriptor a, FaceDescriptor b) {
        return vision.compare(a, b);
    }

    /** Whether the two descriptors are of copies of one photo rather than of two pictures of a person. */
    public boolean nearDuplicate(IdentityComparison comparison) {
        return vision.settings().identityThresholds().nearDuplicate(comparison.score());
    }

    /** "detector model@version, landmark model@version": what produced an analysis. */
    public static String models(FrameAnalysis analysis) {
        return String.join(", ", analysis.models().stream().map(m -> m.name() + "@" + m.version()).toList());
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (RejectedImageException e) {
            throw PictureRefused.of(e);
        } catch (VisionOverloadedException e) {
            throw PictureRefused.busy(e);
        }
    }
}
