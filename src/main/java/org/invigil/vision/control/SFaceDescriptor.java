package org.invigil.vision.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.invigil.vision.entity.Face;
import org.invigil.vision.entity.FaceDescriptor;
import org.invigil.vision.entity.FaceMesh;
import org.invigil.vision.entity.ImagePoint;
import org.invigil.vision.entity.ModelVersion;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.objdetect.FaceRecognizerSF;

/**
 * OpenCV's SFace descriptor ({@code FaceRecognizerSF}) from a model file the deployer provides. SFace aligns on five
 * points (eye centres, nose tip, mouth corners), taken from the Face Mesh when there is one.
 */
public final class SFaceDescriptor implements FaceDescriptorExtractor {

    private final FaceRecognizerSF recognizer;
    private final ModelVersion model;

    public SFaceDescriptor(Path onnx) {
        OpenCvNatives.load();
        if (!Files.isReadable(onnx)) {
            throw new IllegalArgumentException("The SFace model " + onnx + " is not a readable file");
        }
        this.recognizer = FaceRecognizerSF.create(onnx.toString(), "");
        this.model = new ModelVersion(onnx.getFileName().toString(), "configured", onnx.toAbsolutePath().toString(),
                "see the model's source");
    }

    @Override
    public FaceDescriptor describe(Mat bgr, Face face) {
        ImagePoint[] five = face.mesh().map(FaceMesh::landmarks).map(SFaceDescriptor::fromMesh)
                .orElseGet(() -> fromKeypoints(face.detection().keypoints()));
        Mat row = new Mat(1, 15, CvType.CV_32F);
        Mat aligned = new Mat();
        Mat feature = new Mat();
        try {
            float[] values = new float[15];
            values[0] = (float) face.box().x();
            values[1] = (float) face.box().y();
            values[2] = (float) face.box().width();
            values[3] = (float) face.box().height();
            for (int i = 0; i < 5; i++) {
                values[4 + 2 * i] = (float) five[i].x();
                values[5 + 2 * i] = (float) five[i].y();
            }
            values[14] = (float) face.confidence();
            row.put(0, 0, values);
            recognizer.alignCrop(bgr, row, aligned);
            recognizer.feature(aligned, feature);
            float[] descriptor = new float[(int) feature.total()];
            feature.reshape(1, 1).get(0, 0, descriptor);
            return new FaceDescriptor(descriptor, model);
        } finally {
            row.release();
            aligned.release();
            feature.release();
        }
    }

    private static ImagePoint[] fromMesh(List<ImagePoint> mesh) {
        return new ImagePoint[] {mid(mesh.get(33), mesh.get(133)), mid(mesh.get(362), mesh.get(263)), mesh.get(1),
            mesh.get(61), mesh.get(291)};
    }

    /** Without a mesh: eyes and nose from the detector, both mouth corners at its mouth centre (coarser). */
    private static ImagePoint[] fromKeypoints(List<ImagePoint> k) {
        return new ImagePoint[] {k.get(0), k.get(1), k.get(2), k.get(3), k.get(3)};
    }

    private static ImagePoint mid(ImagePoint a, ImagePoint b) {
        return new ImagePoint((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    }

    @Override
    public ModelVersion model() {
        return model;
    }

    @Override
    public void close() {
        // the recognizer is freed with its Java object
    }
}
