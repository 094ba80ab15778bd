package org.invigil.vision.control;

import java.util.List;
import org.invigil.vision.entity.FaceDetection;
import org.invigil.vision.entity.ModelVersion;
import org.opencv.core.Mat;

/**
 * Finds faces in a BGR image. Not thread-safe: each worker owns its detector.
 */
public interface FaceDetector extends AutoCloseable {

    /** The faces in the image, most confident first, in the image's pixel coordinates. */
    List<FaceDetection> detect(Mat bgr);

    ModelVersion model();

    @Override
    void close();
}
