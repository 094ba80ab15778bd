package org.invigil.vision.entity;

/**
 * A face together with its identity descriptor.
 */
public record DescribedFace(Face face, FaceDescriptor descriptor) {
}
