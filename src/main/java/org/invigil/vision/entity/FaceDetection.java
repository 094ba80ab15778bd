package org.invigil.vision.entity;

import java.util.List;

/**
 * A face found by a detector: its box, the detector's confidence (0-1) and the detector's keypoints. For MediaPipe
 * BlazeFace the keypoints are, in order: right eye, left eye, nose tip, mouth centre, right ear tragion, left ear
 * tragion ("right" and "left" are the person's own); other detectors give other keypoints. A face that monitoring
 * follows between detections has a detection made from its Face Mesh landmarks: their bounding box, the same six
 * places, and the mesh's face presence as confidence.
 */
public record FaceDetection(Box box, double confidence, List<ImagePoint> keypoints) {

    public FaceDetection {
        keypoints = List.copyOf(keypoints);
    }

    /** The same detection in an image {@code factor} times as large. */
    public FaceDetection scaled(double factor) {
        return new FaceDetection(box.scaled(factor), confidence, keypoints.stream().map(p -> p.scaled(factor)).toList());
    }
}
