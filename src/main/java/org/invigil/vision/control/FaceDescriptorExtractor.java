package org.invigil.vision.control;

import org.invigil.vision.entity.Face;
import org.invigil.vision.entity.FaceDescriptor;
import org.invigil.vision.entity.ModelVersion;
import org.opencv.core.Mat;

/**
 * Computes an identity descriptor for a face found in a BGR frame. Not thread-safe: each worker owns its extractor.
 */
public interface FaceDescriptorExtractor extends AutoCloseable {

    FaceDescriptor describe(Mat bgr, Face face);

    ModelVersion model();

    @Override
    void close();
}
