package org.invigil.vision.control;

import java.util.Optional;
import org.invigil.vision.entity.DescribedFace;
import org.invigil.vision.entity.FrameAnalysis;

/**
 * One monitoring frame of an attempt as the tracking pipeline analysed it.
 *
 * @param analysis  faces, head pose, eyes and capture quality, in the frame's pixels
 * @param described the one face with its identity descriptor, where a descriptor was asked for and the frame shows
 *                  exactly one face with landmarks
 * @param stage     how the faces were found
 * @param track     what the next frame of the attempt starts from
 */
public record MonitoredFrame(FrameAnalysis analysis, Optional<DescribedFace> described, Stage stage,
                             FaceTrack track) {

    /** How the pipeline found the frame's faces, from the most to the least work. */
    public enum Stage {
        /** The full-range detector ran over the whole frame, then Face Mesh on each face it found. */
        DETECTED,
        /** Face Mesh ran on the regions the previous frame's landmarks gave, and found each face again. */
        FOLLOWED,
        /** The frame looked the same as the previous one (perceptual fingerprint): its faces were taken over. */
        REUSED
    }
}
