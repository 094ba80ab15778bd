package org.invigil.vision.control;

import java.util.List;
import org.invigil.vision.entity.FaceDetection;
import org.invigil.vision.entity.FrameAnalysis;

/**
 * What the tracking pipeline keeps of an attempt's latest frame, in the frame's own pixels: the regions of the faces
 * it follows (each made from that face's landmarks, as MediaPipe's face pipeline derives the next region of interest
 * from the last landmarks), how many frames ago the full-range detector last ran, how many frames in a row reused an
 * analysis, and the analysis itself. Immutable; the engine keeps one per attempt and node.
 *
 * @param width          the frame's width in pixels
 * @param height         the frame's height in pixels
 * @param regions        where each followed face was, largest first; empty when the latest frame showed no face
 *                       that could be followed
 * @param sinceDetection frames since the detector last ran (0: on the latest frame)
 * @param reused         frames in a row that reused {@code analysis} as near-identical
 * @param analysis       the latest frame's analysis
 * @param scene          the latest analysed frame in 32x24 blocks of mean colour, to tell a near-identical next one
 */
public record FaceTrack(int width, int height, List<FaceDetection> regions, int sinceDetection, int reused,
                        FrameAnalysis analysis, byte[] scene) {

    public FaceTrack {
        regions = List.copyOf(regions);
        scene = scene.clone();
    }

    @Override
    public byte[] scene() {
        return scene.clone();
    }

    /** Whether a frame of this size continues the track (a camera switched to another resolution starts anew). */
    boolean continues(int frameWidth, int frameHeight) {
        return width == frameWidth && height == frameHeight;
    }
}
