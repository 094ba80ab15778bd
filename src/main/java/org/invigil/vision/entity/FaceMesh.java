package org.invigil.vision.entity;

import java.util.List;

/**
 * The 468 MediaPipe Face Mesh landmarks of one face in frame pixels, the model's face presence score (0-1), and what
 * is derived from them: head pose and eye openness.
 */
public record FaceMesh(List<ImagePoint> landmarks, double presence, HeadPose pose, EyeOpenness eyes) {

    public FaceMesh {
        landmarks = List.copyOf(landmarks);
    }

    /** The same mesh in an image {@code factor} times as large: angles and eye openness do not change with size. */
    public FaceMesh scaled(double factor) {
        return new FaceMesh(landmarks.stream().map(p -> p.scaled(factor)).toList(), presence, pose, eyes);
    }
}
