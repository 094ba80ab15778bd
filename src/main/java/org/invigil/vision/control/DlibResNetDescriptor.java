package org.invigil.vision.control;

import org.invigil.vision.entity.Face;
import org.invigil.vision.entity.FaceDescriptor;
import org.invigil.vision.entity.FaceMesh;
import org.invigil.vision.entity.ModelVersion;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * dlib's 128-d ResNet face descriptor, run by OpenCV's dnn module from the ONNX graph that {@link DlibResNetGraph}
 * rebuilds out of face-api's weights, on dlib's aligned 150x150 chip ({@link FaceChip}).
 */
public final class DlibResNetDescriptor implements FaceDescriptorExtractor {

    private final Net net;
    private final ModelVersion model;

    public DlibResNetDescriptor(byte[] onnx, ModelVersion model) {
        OpenCvNatives.load();
        MatOfByte bytes = new MatOfByte(onnx);
        try {
            this.net = Dnn.readNetFromONNX(bytes);
        } finally {
            bytes.release();
        }
        this.model = model;
    }

    @Override
    public ModelVersion model() {
        return model;
    }

    @Override
    public FaceDescriptor describe(Mat bgr, Face face) {
        double[] transform = face.mesh().map(FaceMesh::landmarks).map(FaceChip::fromMesh)
                .orElseGet(() -> FaceChip.fromKeypoints(face.detection().keypoints()));
        Mat chip = FaceChip.extract(bgr, transform);
        try {
            return describeChip(chip);
        } finally {
            chip.release();
        }
    }

    /** The descriptor of a 150x150 BGR chip, exactly as face-api computes it for the same RGB pixels. */
    public FaceDescriptor describeChip(Mat chip) {
        double[] mean = DlibResNetGraph.MEAN_RGB;
        Mat blob = Dnn.blobFromImage(chip, 1 / 255.0, new Size(DlibResNetGraph.INPUT_SIZE, DlibResNetGraph.INPUT_SIZE),
                new Scalar(mean[0], mean[1], mean[2]), true, false);
        try {
            net.setInput(blob);
            Mat out = net.forward();
            float[] values = new float[DlibResNetGraph.DIMENSIONS];
            out.reshape(1, 1).get(0, 0, values);
            out.release();
            return new FaceDescriptor(values, model);
        } finally {
            blob.release();
        }
    }

    @Override
    public void close() {
        // the Net is freed with its Java object
    }
}
