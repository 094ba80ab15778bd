package org.invigil.vision.entity;

import java.util.Objects;

/**
 * The model that produced a result: its file name, the version of the package it came from, where that package is
 * published and its licence.
 *
 * @param name    the model, e.g. {@code face_detection_short_range}
 * @param version the version of the package that ships it, e.g. {@code 0.4.1657300184}
 * @param source  where the package comes from, e.g. {@code npm @mediapipe/face_detection}
 * @param licence the SPDX licence identifier of the model
 */
public record ModelVersion(String name, String version, String source, String licence) {

    public ModelVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(licence, "licence");
    }

    @Override
    public String toString() {
        return name + "@" + version + " (" + source + ", " + licence + ")";
    }
}
