package org.invigil.vision.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.invigil.vision.entity.Box;
import org.invigil.vision.entity.FaceDetection;
import org.invigil.vision.entity.ImagePoint;
import org.invigil.vision.entity.ModelVersion;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.objdetect.FaceDetectorYN;

/**
 * OpenCV's YuNet detector ({@code FaceDetectorYN}) from a model file the deployer provides; it is not bundled because
 * no registry reachable by the build ships it. Keypoints, in order: right eye, left eye, nose tip, mouth centre,
 * right and left mouth corners ("right" and "left" are the person's own, as for BlazeFace).
 */
public final class YuNetFaceDetector implements FaceDetector {

    private final FaceDetectorYN detector;
    private final ModelVersion model;

    public YuNetFaceDetector(Path onnx, double minScore) {
        OpenCvNatives.load();
        if (!Files.isReadable(onnx)) {
            throw new IllegalArgumentException("The YuNet model " + onnx + " is not a readable file");
        }
        this.detector = FaceDetectorYN.create(onnx.toString(), "", new Size(320, 320), (float) minScore, 0.3f, 100);
        this.model = new ModelVersion(onnx.getFileName().toString(), "configured", onnx.toAbsolutePath().toString(),
                "see the model's source");
    }

    @Override
    public List<FaceDetection> detect(Mat bgr) {
        detector.setInputSize(new Size(bgr.cols(), bgr.rows()));
        Mat faces = new Mat();
        try {
            detector.detect(bgr, faces);
            List<FaceDetection> result = new ArrayList<>();
            float[] row = new float[15];
            for (int i = 0; i < faces.rows(); i++) {
                faces.get(i, 0, row);
                ImagePoint mouthRight = new ImagePoint(row[10], row[11]);
                ImagePoint mouthLeft = new ImagePoint(row[12], row[13]);
                result.add(new FaceDetection(new Box(row[0], row[1], row[2], row[3]), row[14], List.of(
                        new ImagePoint(row[4], row[5]), new ImagePoint(row[6], row[7]), new ImagePoint(row[8], row[9]),
                        new ImagePoint((mouthRight.x() + mouthLeft.x()) / 2, (mouthRight.y() + mouthLeft.y()) / 2),
                        mouthRight, mouthLeft)));
            }
            return result;
        } finally {
            faces.release();
        }
    }

    @Override
    public ModelVersion model() {
        return model;
    }

    @Override
    public void close() {
        // the detector is freed with its Java object
    }
}
