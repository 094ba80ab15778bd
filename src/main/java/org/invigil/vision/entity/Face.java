package org.invigil.vision.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * One face in a frame: the detection, and the mesh with head pose and eye openness when the frame's landmark budget
 * reached this face and the landmark model confirmed it.
 */
public record Face(FaceDetection detection, Optional<FaceMesh> mesh) {

    public Face {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(mesh, "mesh");
    }

    public Box box() {
        return detection.box();
    }

    public double confidence() {
        return detection.confidence();
    }

    public Optional<HeadPose> pose() {
        return mesh.map(FaceMesh::pose);
    }

    public Optional<EyeOpenness> eyes() {
        return mesh.map(FaceMesh::eyes);
    }

    /** The same face in an image {@code factor} times as large. */
    public Face scaled(double factor) {
        return factor == 1 ? this : new Face(detection.scaled(factor), mesh.map(m -> m.scaled(factor)));
    }
}
