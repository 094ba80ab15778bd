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
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * One worker's analysis pipeline, owning its own networks: decode, quality, detection, then landmarks, head pose and
 * eye openness for the largest faces, and identity descriptors on request. Not thread-safe; {@link VisionEngine} gives
 * each worker thread its own.
 */
public final class FaceAnalyzer implements AutoCloseable {

    /** Monitoring frames are decoded down to no less than this width (libjpeg scales by 1/2, 1/4, 1/8). */
    public static final int TRACKING_WIDTH = 320;
    /** The picture two frames are compared by: 32x24 colour blocks (10x10 pixels of a 320x240 frame). */
    static final Size SCENE = new Size(32, 24);
    /**
     * The most any block's colour may differ by (0..255) for two frames to show the same scene. Sensor noise and
     * re-compression move a block's mean by about 1; a turned head, a hand or a phone moves some by tens.
     */
    static final int SAME_SCENE_LEVELS = 6;
    /** Frames in a row that may take over an analysis before Face Mesh looks again. */
    static final int MAX_REUSED = 2;
    /** Followed faces whose boxes overlap more than this have merged into one: the detector must look. */
    static final double MERGED_IOU = 0.5;

    private final VisionSettings settings;
    private final VisionModels models;
    private final FrameDecoder decoder;
    private final FaceDetector detector;
    private final FaceMeshLandmarker landmarker;
    private final HeadPoseEstimator poses;
    private final CaptureQualityMeter quality = new CaptureQualityMeter();
    private final Mat sceneBlocks = new Mat();
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
        return detect(bgr, quality.measure(bgr));
    }

    /**
     * One monitoring frame of an attempt, analysed with what its previous frame left (MediaPipe's own face pipeline:
     * detect once, then follow). The frame is decoded at the smallest libjpeg scale that leaves
     * {@value #TRACKING_WIDTH} pixels across (the detector looks at 192 and Face Mesh at 192 pixels anyway), or whole
     * when a descriptor is asked for. Then, from the least work to the most:
     * <ol>
     * <li>a frame that looks the same as the previous one (no 32x24 colour block differs by more than
     * {@value #SAME_SCENE_LEVELS} levels) takes over its faces, at most {@value #MAX_REUSED} frames in a row; its own
     * capture quality and exact fingerprint are always measured, so a frozen camera is still seen;</li>
     * <li>otherwise Face Mesh runs on the regions the previous landmarks gave; where its face presence score says a
     * face is no longer there, or two followed faces merge, the frame goes on to the detector;</li>
     * <li>the full-range detector runs on the first frame, when a face was lost, while a face is seen that could not
     * be meshed, and at least every {@link VisionSettings#detectEvery()} frames to catch a second person
     * entering.</li>
     * </ol>
     * A descriptor is computed for the one face of a frame that shows exactly one, with landmarks found on the
     * whole-resolution frame.
     *
     * @param previous the attempt's track after its previous frame; null for the first
     * @throws RejectedImageException when the bytes are no acceptable JPEG
     */
    public MonitoredFrame monitor(byte[] jpeg, FaceTrack previous, boolean describe) {
        JpegHeader header = decoder.header(jpeg);
        int reduction = describe ? 1 : FrameDecoder.reduction(header, TRACKING_WIDTH);
        Mat image = decoder.decode(jpeg, header, reduction);
        try {
            int width = header.width();
            int height = header.height();
            CaptureQuality captureQuality = quality.measure(image);
            byte[] scene = scene(image);
            FaceTrack track = previous != null && previous.continues(width, height) ? previous : null;
            boolean detectionDue = track == null || track.sinceDetection() + 1 >= settings.detectEvery();
            if (!detectionDue && !describe && track.reused() < MAX_REUSED && sameScene(track.scene(), scene)) {
                FrameAnalysis analysis = new FrameAnalysis(width, height, track.analysis().faces(), captureQuality,
                        track.analysis().models());
                return new MonitoredFrame(analysis, Optional.empty(), MonitoredFrame.Stage.REUSED, new FaceTrack(
                        width, height, track.regions(), track.sinceDetection() + 1, track.reused() + 1, analysis,
                        track.scene()));
            }
            if (!detectionDue && !track.regions().isEmpty()) {
                Optional<List<Face>> followed = follow(image, reduction, track.regions());
                if (followed.isPresent()) {
                    FrameAnalysis analysis = new FrameAnalysis(width, height, scaled(followed.get(), reduction),
                            captureQuality, List.of(landmarker.model()));
                    return monitored(image, reduction, analysis, describe, MonitoredFrame.Stage.FOLLOWED,
                            track.sinceDetection() + 1, scene);
                }
            }
            FrameAnalysis found = detect(image, captureQuality);
            FrameAnalysis analysis = new FrameAnalysis(width, height, scaled(found.faces(), reduction),
                    captureQuality, found.models());
            return monitored(image, reduction, analysis, describe, MonitoredFrame.Stage.DETECTED, 0, scene);
        } finally {
            image.release();
        }
    }

    private MonitoredFrame monitored(Mat image, int reduction, FrameAnalysis analysis, boolean describe,
                                     MonitoredFrame.Stage stage, int sinceDetection, byte[] scene) {
        List<Face> faces = analysis.faces();
        // a face without landmarks (too many faces, or a low presence score) could not be followed: detect again
        boolean followable = faces.stream().allMatch(face -> face.mesh().isPresent());
        List<FaceDetection> regions = followable ? faces.stream()
                .map(face -> FaceMeshLandmarker.region(face.mesh().orElseThrow().landmarks(), face.confidence()))
                .toList() : List.of();
        Optional<DescribedFace> described = Optional.empty();
        if (describe && faces.size() == 1 && faces.get(0).mesh().isPresent() && reduction == 1) {
            described = Optional.of(new DescribedFace(faces.get(0), descriptors().describe(image, faces.get(0))));
        }
        return new MonitoredFrame(analysis, described, stage,
                new FaceTrack(analysis.width(), analysis.height(), regions, sinceDetection, 0, analysis, scene));
    }

    /** Face Mesh on each region (frame pixels), in the decoded image; empty when a face was lost or two merged. */
    private Optional<List<Face>> follow(Mat image, int reduction, List<FaceDetection> regions) {
        List<Face> faces = new ArrayList<>(regions.size());
        for (FaceDetection region : regions) {
            Optional<FaceMesh> mesh = mesh(image, region.scaled(1.0 / reduction));
            if (mesh.isEmpty()) {
                return Optional.empty();
            }
            FaceDetection detection = FaceMeshLandmarker.region(mesh.get().landmarks(), mesh.get().presence());
            for (Face other : faces) {
                if (other.box().intersectionOverUnion(detection.box()) > MERGED_IOU) {
                    return Optional.empty();
                }
            }
            faces.add(new Face(detection, mesh));
        }
        return Optional.of(faces);
    }

    /** The frame as 32x24 blocks of mean colour (BGR, row by row). */
    private byte[] scene(Mat image) {
        Imgproc.resize(image, sceneBlocks, SCENE, 0, 0, Imgproc.INTER_AREA);
        byte[] blocks = new byte[(int) (sceneBlocks.total() * sceneBlocks.channels())];
        sceneBlocks.get(0, 0, blocks);
        return blocks;
    }

    static boolean sameScene(byte[] before, byte[] now) {
        if (before.length != now.length) {
            return false;
        }
        for (int i = 0; i < now.length; i++) {
            if (Math.abs((before[i] & 0xFF) - (now[i] & 0xFF)) > SAME_SCENE_LEVELS) {
                return false;
            }
        }
        return true;
    }

    private static List<Face> scaled(List<Face> faces, int reduction) {
        return faces.stream().map(face -> face.scaled(reduction)).toList();
    }

    private FrameAnalysis detect(Mat bgr, CaptureQuality captureQuality) {
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
        sceneBlocks.release();
        if (descriptors != null) {
            descriptors.close();
        }
    }
}
