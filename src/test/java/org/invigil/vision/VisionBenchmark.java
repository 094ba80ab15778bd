package org.invigil.vision;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.invigil.journey.boundary.TestPictures;
import org.invigil.vision.control.BlazeFaceDetector;
import org.invigil.vision.control.CaptureQualityMeter;
import org.invigil.vision.control.DlibResNetDescriptor;
import org.invigil.vision.control.EyeAspectRatio;
import org.invigil.vision.control.FaceMeshLandmarker;
import org.invigil.vision.control.HeadPoseEstimator;
import org.invigil.vision.control.FaceAnalyzer;
import org.invigil.vision.control.FaceTrack;
import org.invigil.vision.control.FrameDecoder;
import org.invigil.vision.control.JpegHeader;
import org.invigil.vision.control.MonitoredFrame;
import org.invigil.vision.control.OpenCvNatives;
import org.invigil.vision.control.VisionModels;
import org.invigil.vision.control.VisionSettings;
import org.invigil.vision.entity.Face;
import org.invigil.vision.entity.FaceDetection;
import org.invigil.vision.entity.ImagePoint;
import org.invigil.vision.entity.FrameAnalysis;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * The vision benchmark ({@code mvn -q -Pbench test}): single-threaded latency of the monitoring analysis (decode,
 * detect, landmarks, pose, quality) on webcam-sized JPEG frames, of descriptor extraction, and of a Haar-cascade face
 * count measured in the same run. Prints {@code bench <name> median_ms=<x> p99_ms=<y> per_core_fps=<z>} lines. Timing
 * lives here, never in unit tests.
 */
public final class VisionBenchmark {

    private static final int WARM_UP = 40;
    private static final int RUNS = 300;
    /** What the run measured, in order, for the table printed at the end. */
    private static final List<Row> ROWS = new ArrayList<>();

    private record Row(String name, double meanMs, double medianMs, double p99Ms) {
    }

    private VisionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : RUNS;
        OpenCvNatives.load();
        VisionModels models = VisionModels.bundled();
        Mat frame640 = webcamFrame(640, 480);
        Mat frame320 = webcamFrame(320, 240);
        byte[] jpeg640 = TestEngine.jpeg(frame640, 85);
        byte[] jpeg320 = TestEngine.jpeg(frame320, 85);
        System.out.printf(Locale.ROOT, "bench info cores=%d java=%s opencv=%s load_average=%.2f runs=%d "
                + "frame=grace_hopper_webcam_crop jpeg_bytes_640=%d jpeg_bytes_320=%d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Core.VERSION,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), runs,
                jpeg640.length, jpeg320.length);

        double monitoring640;
        try (FaceAnalyzer analyzer = new FaceAnalyzer(models, VisionSettings.defaults())) {
            FrameAnalysis check = analyzer.analyse(jpeg640);
            if (check.faceCount() != 1 || check.faces().get(0).mesh().isEmpty()) {
                throw new IllegalStateException("The benchmark frame should show one meshed face: " + check);
            }
            monitoring640 = report("monitoring_640x480", runs, () -> analyzer.analyse(jpeg640));
            report("monitoring_320x240", runs, () -> analyzer.analyse(jpeg320));
            report("decode_640x480", runs, () -> Imgcodecs.imdecode(new MatOfByte(jpeg640), Imgcodecs.IMREAD_COLOR)
                    .release());

            Face face = check.faces().get(0);
            Mat decoded = Imgcodecs.imdecode(new MatOfByte(jpeg640), Imgcodecs.IMREAD_COLOR);
            report("descriptor", runs, () -> analyzer.descriptors().describe(decoded, face));
            DlibResNetDescriptor dlib = (DlibResNetDescriptor) analyzer.descriptors();
            Mat chip = new Mat(150, 150, decoded.type());
            Imgproc.resize(decoded.submat(new Rect(200, 80, 260, 260)), chip, new Size(150, 150));
            report("descriptor_network_only", runs, () -> dlib.describeChip(chip));
        }
        tracking(models, frame640, jpeg640, runs);
        breakdown(models, frame640);
        try (FaceAnalyzer fast = new FaceAnalyzer(models, VisionSettings.defaults().withDetector(
                VisionSettings.Detector.BLAZEFACE_SHORT_RANGE, null, 0.5))) {
            report("monitoring_640x480_short_range", runs, () -> fast.analyse(jpeg640));
        }

        CascadeClassifier haar = new CascadeClassifier(DebianPhotos.haarFrontalFace().toString());
        if (haar.empty()) {
            throw new IllegalStateException("Cannot load the Haar cascade");
        }
        MatOfRect faces = new MatOfRect();
        Mat grey = new Mat();
        Runnable haarCount = () -> {
            Mat bgr = Imgcodecs.imdecode(new MatOfByte(jpeg640), Imgcodecs.IMREAD_COLOR);
            Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
            Imgproc.equalizeHist(grey, grey);
            haar.detectMultiScale(grey, faces, 1.1, 3, 0, new Size(30, 30), new Size());
            bgr.release();
        };
        haarCount.run();
        System.out.printf(Locale.ROOT, "bench info haar_faces_640x480=%d%n", faces.toArray().length);
        double haar640 = report("haar_face_count_640x480", Math.max(50, runs / 3), haarCount);
        System.out.printf(Locale.ROOT, "bench haar_over_monitoring_640x480 ratio=%.2f%n", haar640 / monitoring640);
        printTable(runs, haar640 / monitoring640);
    }

    /**
     * The run's figures as the Markdown table the README holds, headed by the day and the machine: a developer
     * updates the README by pasting this, never by typing numbers.
     */
    private static void printTable(int runs, double haarRatio) {
        System.out.println();
        System.out.println("<!-- pasted from `mvn -q -Pbench test` -->");
        System.out.printf(Locale.ROOT, "Measured on %s, %d cores (%s), Java %s, OpenCV %s, load average %.2f, %d runs "
                        + "each, one thread:%n%n", LocalDate.now(ZoneOffset.UTC), Runtime.getRuntime()
                        .availableProcessors(), cpuModel(), System.getProperty("java.version"), Core.VERSION,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), runs);
        System.out.println("| Stage | Mean ms | Median ms | p99 ms |");
        System.out.println("|---|---:|---:|---:|");
        for (Row row : ROWS) {
            System.out.printf(Locale.ROOT, "| `%s` | %.2f | %.2f | %.2f |%n", row.name(), row.meanMs(), row.medianMs(),
                    row.p99Ms());
        }
        System.out.printf(Locale.ROOT, "| Haar face count ÷ monitoring analysis, 640×480 (medians) | | %.2f× | |%n",
                haarRatio);
    }

    /** The first {@code model name} of {@code /proc/cpuinfo}, for the tables' headings. */
    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("CPU unknown");
        } catch (IOException | RuntimeException unreadable) {
            return "CPU unknown";
        }
    }

    /**
     * The tracking pipeline ({@link FaceAnalyzer#monitor}) on an attempt's frames in order: a cold first frame, and
     * the steady state of a student sitting still (live sensor noise only) and of one moving a little (the picture
     * shifting by up to 6 pixels and its brightness drifting), the latter also with an identity descriptor on every
     * third frame as monitoring asks for. Prints how often each stage ran.
     */
    private static void tracking(VisionModels models, Mat frame, byte[] jpeg, int runs) {
        try (FaceAnalyzer analyzer = new FaceAnalyzer(models, VisionSettings.defaults())) {
            report("tracking_cold_frame_640x480", runs, () -> analyzer.monitor(jpeg, null, false));
            FrameDecoder decoder = new FrameDecoder(8L << 20, 3840L * 2160, 8192);
            JpegHeader header = decoder.header(jpeg);
            report("decode_half_size_640x480", runs, () -> decoder.decode(jpeg, header, 2).release());
            List<byte[]> still = new ArrayList<>();
            List<byte[]> moving = new ArrayList<>();
            Random random = new Random(7);
            int dx = 0;
            int dy = 0;
            for (int i = 0; i < 60; i++) {
                still.add(TestPictures.noisy(frame));
                dx = Math.max(-6, Math.min(6, dx + random.nextInt(5) - 2));
                dy = Math.max(-6, Math.min(6, dy + random.nextInt(5) - 2));
                Mat shifted = new Mat();
                Mat shift = new Mat(2, 3, CvType.CV_64F);
                shift.put(0, 0, 1, 0, dx, 0, 1, dy);
                Imgproc.warpAffine(frame, shifted, shift, frame.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
                shifted.convertTo(shifted, -1, 1, random.nextInt(9) - 4);
                moving.add(TestPictures.noisy(shifted));
            }
            sequence("tracking_steady_still_640x480", analyzer, still, runs, 0);
            sequence("tracking_steady_moving_640x480", analyzer, moving, runs, 0);
            sequence("tracking_steady_moving_identity_every_3rd_640x480", analyzer, moving, runs, 3);
        }
    }

    /** One attempt's frames, in order and over again, each analysed with the track the previous one left. */
    private static void sequence(String name, FaceAnalyzer analyzer, List<byte[]> frames, int runs, int describeEvery) {
        FaceTrack track = null;
        for (int i = 0; i < WARM_UP; i++) {
            track = analyzer.monitor(frames.get(i % frames.size()), track, false).track();
        }
        long[] nanos = new long[runs];
        Map<MonitoredFrame.Stage, Integer> stages = new EnumMap<>(MonitoredFrame.Stage.class);
        int faces = 0;
        for (int i = 0; i < runs; i++) {
            boolean describe = describeEvery > 0 && i % describeEvery == 0;
            long start = System.nanoTime();
            MonitoredFrame monitored = analyzer.monitor(frames.get(i % frames.size()), track, describe);
            nanos[i] = System.nanoTime() - start;
            track = monitored.track();
            stages.merge(monitored.stage(), 1, Integer::sum);
            faces += monitored.analysis().faceCount();
        }
        System.out.printf(Locale.ROOT, "bench info %s detected=%d followed=%d reused=%d faces_per_frame=%.2f%n", name,
                stages.getOrDefault(MonitoredFrame.Stage.DETECTED, 0), stages.getOrDefault(MonitoredFrame.Stage.FOLLOWED,
                        0), stages.getOrDefault(MonitoredFrame.Stage.REUSED, 0), (double) faces / runs);
        record(name, nanos);
    }

    /** Where the monitoring time goes at 640x480: each stage alone on the decoded frame. */
    private static void breakdown(VisionModels models, Mat frame) {
        BlazeFaceDetector.Variant full = BlazeFaceDetector.Variant.FULL_RANGE;
        BlazeFaceDetector.Variant shortRange = BlazeFaceDetector.Variant.SHORT_RANGE;
        try (BlazeFaceDetector fullRange = new BlazeFaceDetector(full, models.faceDetection(full),
                models.faceDetectionVersion(full), full.defaultMinScore());
                BlazeFaceDetector fast = new BlazeFaceDetector(shortRange, models.faceDetection(shortRange),
                        models.faceDetectionVersion(shortRange), shortRange.defaultMinScore());
                FaceMeshLandmarker landmarker = new FaceMeshLandmarker(models.faceLandmark(),
                        models.faceLandmarkVersion());
                HeadPoseEstimator poses = new HeadPoseEstimator(models.canonicalFace());
                CaptureQualityMeter quality = new CaptureQualityMeter()) {
            FaceDetection face = fullRange.detect(frame).get(0);
            List<ImagePoint> mesh = landmarker.landmarks(frame, face).points();
            report("stage_detect_full_range_640x480", RUNS, () -> fullRange.detect(frame));
            report("stage_detect_short_range_640x480", RUNS, () -> fast.detect(frame));
            report("stage_face_mesh", RUNS, () -> landmarker.landmarks(frame, face));
            report("stage_head_pose_and_eyes", RUNS, () -> {
                poses.estimate(mesh, frame.cols(), frame.rows());
                EyeAspectRatio.of(mesh);
            });
            report("stage_capture_quality_640x480", RUNS, () -> quality.measure(frame));
        }
    }

    /** A 4:3 webcam-like frame: the head and shoulders of Grace Hopper, scaled to the given size. */
    private static Mat webcamFrame(int width, int height) throws Exception {
        Mat photo = Imgcodecs.imdecode(new MatOfByte(Files.readAllBytes(DebianPhotos.graceHopper())),
                Imgcodecs.IMREAD_COLOR);
        Mat crop = photo.submat(new Rect(0, 20, 512, 384));
        Mat frame = new Mat();
        Imgproc.resize(crop, frame, new Size(width, height), 0, 0, Imgproc.INTER_AREA);
        return frame;
    }

    private static double report(String name, int runs, Runnable work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.run();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            nanos[i] = System.nanoTime() - start;
        }
        return record(name, nanos);
    }

    /** Prints and keeps the figures of one measured series. */
    private static double record(String name, long[] nanos) {
        int runs = nanos.length;
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        Arrays.sort(nanos);
        double median = nanos[runs / 2] / 1e6;
        double p99 = nanos[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)] / 1e6;
        System.out.printf(Locale.ROOT, "bench %s mean_ms=%.2f median_ms=%.2f p99_ms=%.2f per_core_fps=%.1f%n", name,
                mean, median, p99, 1000 / mean);
        ROWS.add(new Row(name, mean, median, p99));
        return median;
    }
}
