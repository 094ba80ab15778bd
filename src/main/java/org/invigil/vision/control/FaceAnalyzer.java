package org.invigil.vision.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.invigil.vision.entity.CaptureQuality;
import org.invigil.vision.entity.DescribedFace;
import org.invigil.vision.entity.Face;
import org.invigil.vision.entity.FaceDetection;
import org.invigil.vision.entity.FaceMesh;
import org.invigil.vision.entity.FrameAnalysis;
import org.invigil.vision.entity.ModelVersion;
import org.opencv.core.Mat;

/**
 * One worker's analysis pipeline, owning its own networks: decode, quality, detection, then landmarks, head pose and
 * eye openness for the largest faces, and identity descriptors on request. Not thread-safe; {@link VisionEngine} gives
 * each worker thread its own.
 */
public final class FaceAnalyzer implements AutoCloseable {

    private final VisionSettings settings;
    private final VisionModels models;
    private final FrameDecoder decoder;
    private final FaceDetector detector;
    private final FaceMeshLandmarker landmarker;
    private final HeadPoseEstimator poses;
    private final CaptureQualityMeter quality = new CaptureQualityMeter();
    private FaceDescriptorExtractor descriptors;

    public FaceAnalyzer(VisionModels models, VisionSettings settings) {
        OpenCvNatives.load();
        this.settings = settings;
        this.models = models;
        this.decoder = new FrameDecoder(settings.maxBytes(), settings.maxPixels(), settings.maxSide());
        this.detector = switch (settings.detector()) {
            case BLAZEFACE_FULL_RANGE -> blazeFace(BlazeFaceDetector.Variant.FULL_RANGE);
            case BLAZEFACE_SHORT_RANGE -> blazeFace(BlazeFaceDetector.Variant.SHORT_RANGE);
            case YUNET -> new YuNetFaceDetector(settings.yuNetModel(), settings.minDetectionScore());
        };
        this.landmarker = new FaceMeshLandmarker(models.faceLandmark(), models.faceLandmarkVersion());
        this.poses = new HeadPoseEstimator(models.canonicalFace());
    }

    private FaceDetector blazeFace(BlazeFaceDetector.Variant variant) {
        return new BlazeFaceDetector(variant, models.faceDetection(variant), models.faceDetectionVersion(variant),
                settings.minDetectionScore());
    }

    /**
     * The monitoring analysis of one JPEG frame.
     *
     * @throws RejectedImageException when the bytes are no acceptable JPEG
     */
    public FrameAnalysis analyse(byte[] jpeg) {
        Mat bgr = decoder.decode(jpeg);
        try {
            return analyse(bgr);
        } finally {
            bgr.release();
        }
    }

    /** The monitoring analysis of a decoded BGR frame. */
    public FrameAnalysis analyse(Mat bgr) {
        CaptureQuality captureQuality = quality.measure(bgr);
        List<FaceDetection> detections = new ArrayList<>(detector.detect(bgr));
        detections.sort(Comparator.comparingDouble((FaceDetection d) -> d.box().area()).reversed());
        List<Face> faces = new ArrayList<>(detections.size());
        boolean meshed = false;
        for (int i = 0; i < detections.size(); i++) {
            FaceDetection detection = detections.get(i);
            Optional<FaceMesh> mesh = Optional.empty();
            if (i < settings.meshFaces()) {
                mesh = mesh(bgr, detection);
                meshed = true;
            }
            faces.add(new Face(detection, mesh));
        }
        List<ModelVersion> used = meshed ? List.of(detector.model(), landmarker.model()) : List.of(detector.model());
        return new FrameAnalysis(bgr.cols(), bgr.rows(), faces, captureQuality, used);
    }

    private Optional<FaceMesh> mesh(Mat bgr, FaceDetection detection) {
        FaceMeshLandmarker.Landmarks landmarks = landmarker.landmarks(bgr, detection);
        if (landmarks.presence() < settings.minMeshPresence()) {
            return Optional.empty();
        }
        return Optional.of(new FaceMesh(landmarks.points(), landmarks.presence(),
                poses.estimate(landmarks.points(), bgr.cols(), bgr.rows()), EyeAspectRatio.of(landmarks.points())));
    }

    /**
     * The analysis of a JPEG frame with an identity descriptor for each face that got landmarks (largest first).
     *
     * @throws RejectedImageException when the bytes are no acceptable JPEG
     */
    public List<DescribedFace> describe(byte[] jpeg) {
        Mat bgr = decoder.decode(jpeg);
        try {
            return describe(bgr);
        } finally {
            bgr.release();
        }
    }

    public List<DescribedFace> describe(Mat bgr) {
        FrameAnalysis analysis = analyse(bgr);
        List<DescribedFace> described = new ArrayList<>();
        for (Face face : analysis.faces()) {
            if (face.mesh().isPresent()) {
                described.add(new DescribedFace(face, descriptors().describe(bgr, face)));
            }
        }
        return described;
    }

    /** The descriptor extractor, created on first use so that monitoring-only workers never load it. */
    public FaceDescriptorExtractor descriptors() {
        if (descriptors == null) {
            descriptors = switch (settings.descriptor()) {
                case DLIB_RESNET -> new DlibResNetDescriptor(models.dlibResNetOnnx(), models.dlibResNetVersion());
                case SFACE -> new SFaceDescriptor(settings.sFaceModel());
            };
        }
        return descriptors;
    }

    @Override
    public void close() {
        detector.close();
        landmarker.close();
        poses.close();
        quality.close();
        if (descriptors != null) {
            descriptors.close();
        }
    }
}
