package org.invigil.vision;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.ExamSettings;
import org.invigil.monitoring.control.Finding;
import org.invigil.monitoring.control.FrameRules;
import org.invigil.monitoring.control.Observations;
import org.invigil.monitoring.entity.Observation;
import org.invigil.monitoring.entity.Rule;
import org.invigil.vision.ItaSkinTone.Group;
import org.invigil.vision.control.FaceAnalyzer;
import org.invigil.vision.control.GroupPhotoTruth;
import org.invigil.vision.control.IdentityThresholds;
import org.invigil.vision.control.OpenCvNatives;
import org.invigil.vision.control.VisionModels;
import org.invigil.vision.control.VisionSettings;
import org.invigil.vision.entity.Box;
import org.invigil.vision.entity.Face;
import org.invigil.vision.entity.FaceDescriptor;
import org.invigil.vision.entity.FrameAnalysis;
import org.invigil.vision.entity.IdentityVerdict;
import org.invigil.vision.entity.ImagePoint;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The fairness benchmark ({@code mvn -q -Pbench test}, after the vision benchmark): face detection, identity
 * distances and what Invigil's frame rules make of a frame, as capture worsens (darker, noisier, amplified,
 * compressed, backlit, blurred), on the Debian photo sets the tests use, overall and grouped by each face's skin tone
 * measured as ITA° on its own pixels. Prints {@code fairness ...} lines, then Markdown tables. No demographic labels
 * are involved; what the figures can and cannot carry is in {@code src/site/fairness.md}.
 */
public final class FairnessBenchmark {

    /** A detection is a ground-truth face at this intersection over union, as in the detector's accuracy test. */
    private static final double MATCH_IOU = 0.3;
    /** JPEG quality of every frame outside the JPEG sweep (a webcam-like encoding). */
    private static final int FRAME_QUALITY = 90;
    private static final IdentityThresholds THRESHOLDS = IdentityThresholds.DLIB_RESNET;
    private static final ExamSettings EXAM = ExamSettings.defaults();
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final String NEUTRAL = "none";

    /** A face whose place is known: ground truth, the collage's annotation, or a portrait's only face. */
    record Subject(String id, String set, String person, Box truth, boolean byCentre) {

        /** The photo the face is in: a group photo holds several faces, each of the collage's cells is a photo. */
        String photo() {
            return set.equals("dlib-voc") ? id.substring(0, id.indexOf('#')) : id;
        }
    }

    /**
     * One picture given to the engine: the faces measured in it, and every face known to be in it (a collage crop
     * also shows parts of its neighbours), which the backlight darkens.
     */
    record Frame(String id, String set, Mat image, List<Subject> subjects, List<Box> known) {
    }

    /** One step of a sweep: how a frame's pixels change, and the JPEG quality the frame is then encoded at. */
    record Step(String sweep, String value, BiFunction<Frame, Integer, Mat> change, int jpegQuality) {

        boolean neutral() {
            return value.equals(NEUTRAL);
        }

        String key() {
            return sweep + "=" + value;
        }

        String label() {
            return neutral() ? "none" : sweep + " " + value;
        }
    }

    /**
     * How the frame rules read a run of pictures like this frame; insufficient evidence is split by its rule
     * (camera-dark, camera-blurred: never both).
     */
    enum Verdict { FOUND, DARK, BLURRED, NO_FACE, COVERED, OTHER }

    /** What the clean photo gave for one subject: the reference descriptor, the cheek landmarks, the ITA°. */
    record Reference(Optional<FaceDescriptor> descriptor, Optional<List<ImagePoint>> landmarks,
                     Optional<ItaSkinTone.Measurement> ita) {
        String group() {
            return ita.map(m -> m.group().name()).orElse(UNMEASURED);
        }
    }

    private static final String UNMEASURED = "UNMEASURED";

    /** A step as run; a sweep's neutral step shares the one baseline result. */
    record Ran(Step step, Result result) {
        String label() {
            return step.sweep() + " " + (step.neutral() ? "(none)" : step.value());
        }
    }

    /** Everything one step measured. */
    static final class Result {
        final Step step;
        final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        int frames;
        /** The faces not found, by what the rules made of their frame. */
        final Map<Verdict, Integer> missed = new EnumMap<>(Verdict.class);
        final List<Double> brightness = new ArrayList<>();
        final Map<Subject, Boolean> found = new LinkedHashMap<>();
        /** What the rules made of each subject's frame. */
        final Map<Subject, Verdict> frameOf = new LinkedHashMap<>();
        final Map<Subject, Double> self = new LinkedHashMap<>();
        final Map<Subject, List<Double>> same = new LinkedHashMap<>();
        final Map<IdentityVerdict, Integer> sameVerdicts = new EnumMap<>(IdentityVerdict.class);
        int samePairs;
        int differentPairs;
        int differentMatch;
        int differentReview;
        final List<Double> itaShift = new ArrayList<>();

        Result(Step step) {
            this.step = step;
            for (Verdict v : Verdict.values()) {
                verdicts.put(v, 0);
                missed.put(v, 0);
            }
            for (IdentityVerdict v : IdentityVerdict.values()) {
                sameVerdicts.put(v, 0);
            }
        }

        double share(Verdict verdict) {
            return frames == 0 ? 0 : (double) verdicts.get(verdict) / frames;
        }

        double insufficient() {
            return share(Verdict.DARK) + share(Verdict.BLURRED);
        }

        int missedInInsufficient() {
            return missed.get(Verdict.DARK) + missed.get(Verdict.BLURRED);
        }

        long found(Predicate<Subject> which) {
            return found.entrySet().stream().filter(e -> which.test(e.getKey()) && e.getValue()).count();
        }

        /** Faces not found in frames that the rules read as this verdict. */
        long missedIn(Verdict verdict, Predicate<Subject> which) {
            return found.entrySet().stream().filter(e -> which.test(e.getKey()) && !e.getValue()
                    && frameOf.get(e.getKey()) == verdict).count();
        }

        long faces(Predicate<Subject> which) {
            return found.keySet().stream().filter(which).count();
        }

        double recall(Predicate<Subject> which) {
            long faces = faces(which);
            return faces == 0 ? Double.NaN : (double) found(which) / faces;
        }

        List<Double> sameDistances(Predicate<Subject> which) {
            return same.entrySet().stream().filter(e -> which.test(e.getKey())).flatMap(e -> e.getValue().stream())
                    .toList();
        }

        long sameProbes(Predicate<Subject> which) {
            return same.entrySet().stream().filter(e -> which.test(e.getKey()) && !e.getValue().isEmpty()).count();
        }

        List<Double> selfDistances(Predicate<Subject> which) {
            return self.entrySet().stream().filter(e -> which.test(e.getKey())).map(Map.Entry::getValue).toList();
        }
    }

    private FairnessBenchmark() {
    }

    /**
     * Runs every sweep. Optional arguments: keep every n-th frame of each photo set (default 1: all; a quick look
     * while developing), then a comma-separated list of sweeps to run (default all).
     */
    public static void main(String[] args) throws Exception {
        int every = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 1;
        Set<String> only = args.length > 1 && !args[1].isBlank() ? Set.of(args[1].split(",")) : Set.of();
        OpenCvNatives.load();
        VisionModels models = VisionModels.bundled();
        // every face gets landmarks (the default meshes the 4 largest): detection, face count, capture quality and
        // the largest face's pose, all that the frame rules read, are the same as with the default
        VisionSettings settings = VisionSettings.defaults().withMesh(50, VisionSettings.defaults().minMeshPresence());
        try (FaceAnalyzer analyzer = new FaceAnalyzer(models, settings)) {
            List<Frame> frames = frames(analyzer, every);
            Map<Subject, Reference> references = references(analyzer, frames);
            List<Subject> subjects = frames.stream().flatMap(f -> f.subjects().stream()).toList();
            System.out.printf(Locale.ROOT, "fairness info cores=%d java=%s opencv=%s load_average=%.2f every=%d "
                            + "frames=%d faces=%d%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), Core.VERSION,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), every, frames.size(),
                    subjects.size());
            for (String set : sets(frames)) {
                List<Frame> of = frames.stream().filter(f -> f.set().equals(set)).toList();
                System.out.printf(Locale.ROOT, "fairness set name=%s frames=%d faces=%d%n", set, of.size(),
                        of.stream().mapToInt(f -> f.subjects().size()).sum());
            }
            for (Subject s : subjects) {
                Reference r = references.get(s);
                System.out.printf(Locale.ROOT, "fairness ita face=%s set=%s%s %s%n", s.id(), s.set(),
                        s.set().equals("bald_guys") ? " person=" + s.person() : "", r.ita()
                        .map(m -> String.format(Locale.ROOT, "ita=%.1f group=%s lightness=%.1f yellowness=%.1f "
                                + "pixels=%d", m.angle(), m.group().name().toLowerCase(Locale.ROOT), m.lightness(),
                                m.yellowness(), m.pixels()))
                        .orElse("ita=none group=unmeasured reason=" + (r.landmarks().isEmpty()
                                ? "no_landmarks_on_the_clean_photo" : "cheeks_unmeasurable")));
            }
            for (Map.Entry<String, List<ItaSkinTone.Measurement>> person : people(subjects, references).entrySet()) {
                System.out.printf(Locale.ROOT, "fairness ita person=%s photos=%d ita_min=%.1f ita_max=%.1f groups=%s%n",
                        person.getKey(), person.getValue().size(), person.getValue().stream()
                                .mapToDouble(ItaSkinTone.Measurement::angle).min().orElse(Double.NaN),
                        person.getValue().stream().mapToDouble(ItaSkinTone.Measurement::angle).max()
                                .orElse(Double.NaN), person.getValue().stream()
                                .map(m -> m.group().name().toLowerCase(Locale.ROOT)).distinct()
                                .collect(Collectors.joining(",")));
            }
            List<Ran> results = new ArrayList<>();
            Result baseline = null;
            for (Step step : steps()) {
                if (!only.isEmpty() && !only.contains(step.sweep())) {
                    continue;
                }
                Result result;
                if (step.neutral() && baseline != null) {
                    result = baseline;
                } else {
                    result = run(analyzer, frames, references, step);
                    if (step.neutral()) {
                        baseline = result;
                    }
                }
                print(step, result);
                results.add(new Ran(step, result));
            }
            printGroups(results, references, subjects);
            printTables(every, frames, subjects, references, results);
        }
    }

    // ---------------------------------------------------------------- photo sets

    private static List<Frame> frames(FaceAnalyzer analyzer, int every) throws Exception {
        List<Frame> frames = new ArrayList<>();
        List<GroupPhotoTruth> group = GroupPhotoTruth.load();
        for (int p = 0; p < group.size(); p += every) {
            GroupPhotoTruth photo = group.get(p);
            String name = photo.photo().getFileName().toString();
            List<Subject> subjects = new ArrayList<>();
            for (int i = 0; i < photo.faces().size(); i++) {
                subjects.add(new Subject(name + "#" + i, "dlib-voc", null, photo.faces().get(i), false));
            }
            frames.add(new Frame(name, "dlib-voc", TestEngine.read(photo.photo()), subjects, photo.faces()));
        }
        Mat collage = TestEngine.read(BaldGuysCollage.photo());
        for (int i = 0; i < BaldGuysCollage.FACES.size(); i += every) {
            BaldGuysCollage.Face face = BaldGuysCollage.FACES.get(i);
            Rect area = BaldGuysCollage.crop(collage, face);
            Box truth = new Box(face.centreX() - area.x - face.width() / 2, face.centreY() - area.y - face.width() / 2,
                    face.width(), face.width());
            String id = "bald_guys#" + i;
            List<Box> known = new ArrayList<>();
            for (BaldGuysCollage.Face other : BaldGuysCollage.FACES) {
                Box box = new Box(other.centreX() - area.x - other.width() / 2,
                        other.centreY() - area.y - other.width() / 2, other.width(), other.width());
                if (box.intersectionOverUnion(new Box(0, 0, area.width, area.height)) > 0) {
                    known.add(box);
                }
            }
            frames.add(new Frame(id, "bald_guys", collage.submat(area).clone(),
                    List.of(new Subject(id, "bald_guys", face.person(), truth, true)), known));
        }
        collage.release();
        List<Path> portraits = List.of(DebianPhotos.graceHopper(), DebianPhotos.skimageData("astronaut.png"),
                DebianPhotos.dlibFaces().resolve("Tom_Cruise_avp_2014_4.jpg"));
        for (Path portrait : portraits) {
            Mat image = TestEngine.read(portrait);
            FrameAnalysis clean = analyzer.analyse(image);
            if (clean.faceCount() != 1) {
                throw new IllegalStateException(portrait + " should show one face: " + clean.faces());
            }
            String name = portrait.getFileName().toString();
            Box face = clean.faces().get(0).box();
            frames.add(new Frame(name, "portrait", image, List.of(new Subject(name, "portrait", name, face, false)),
                    List.of(face)));
        }
        return frames;
    }

    private static List<String> sets(List<Frame> frames) {
        return frames.stream().map(Frame::set).distinct().toList();
    }

    /** The clean photos as shipped (not re-encoded): each subject's reference descriptor, landmarks and ITA°. */
    private static Map<Subject, Reference> references(FaceAnalyzer analyzer, List<Frame> frames) {
        Map<Subject, Reference> references = new LinkedHashMap<>();
        for (Frame frame : frames) {
            FrameAnalysis analysis = analyzer.analyse(frame.image());
            Map<Subject, Face> matched = match(frame.subjects(), analysis.faces());
            for (Subject s : frame.subjects()) {
                Optional<Face> face = Optional.ofNullable(matched.get(s)).filter(f -> f.mesh().isPresent());
                Optional<List<ImagePoint>> landmarks = face.map(f -> f.mesh().orElseThrow().landmarks());
                references.put(s, new Reference(face.map(f -> analyzer.descriptors().describe(frame.image(), f)),
                        landmarks, landmarks.flatMap(points -> ItaSkinTone.ofCheeks(frame.image(), points))));
            }
        }
        return references;
    }

    /**
     * Which detected face is which subject: by intersection over union for ground-truth boxes (each detection used
     * once, best first), by the nearest centre within the annotated width for the collage.
     */
    static Map<Subject, Face> match(List<Subject> subjects, List<Face> faces) {
        Map<Subject, Face> matched = new LinkedHashMap<>();
        boolean[] used = new boolean[faces.size()];
        for (Subject s : subjects) {
            int best = -1;
            double bestScore = s.byCentre() ? s.truth().width() : MATCH_IOU;
            for (int i = 0; i < faces.size(); i++) {
                if (used[i]) {
                    continue;
                }
                Box box = faces.get(i).box();
                if (s.byCentre()) {
                    double distance = box.centre().distanceTo(s.truth().centre());
                    if (distance < bestScore) {
                        bestScore = distance;
                        best = i;
                    }
                } else {
                    double iou = s.truth().intersectionOverUnion(box);
                    if (iou >= bestScore) {
                        bestScore = iou;
                        best = i;
                    }
                }
            }
            if (best >= 0) {
                used[best] = true;
                matched.put(s, faces.get(best));
            }
        }
        return matched;
    }

    // ---------------------------------------------------------------- degradations

    static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (double g : new double[] {1.0, 0.7, 0.5, 0.4, 0.3, 0.2}) {
            steps.add(step("gamma", g, (frame, seed) -> gamma(frame.image(), g)));
        }
        for (double k : new double[] {1.0, 0.6, 0.4, 0.25, 0.15, 0.08}) {
            steps.add(step("exposure", k, (frame, seed) -> scaled(frame.image(), k)));
        }
        for (double sigma : new double[] {0, 5, 10, 20, 35}) {
            steps.add(step("noise", sigma, (frame, seed) -> noisy(frame.image(), sigma, seed)));
        }
        for (double k : new double[] {1.0, 0.5, 0.25, 0.125, 0.0625}) {
            steps.add(step("low_light_gain", k, (frame, seed) -> amplified(frame.image(), k, seed)));
        }
        for (int q : new int[] {FRAME_QUALITY, 50, 30, 20, 10, 5}) {
            String value = q == FRAME_QUALITY ? NEUTRAL : Integer.toString(q);
            steps.add(new Step("jpeg", value, (frame, seed) -> frame.image().clone(), q));
        }
        for (double b : new double[] {0, 0.25, 0.5, 0.75, 0.9}) {
            steps.add(step("backlight", b, (frame, seed) -> backlit(frame, b)));
        }
        for (double sigma : new double[] {0, 1, 2, 4, 8}) {
            steps.add(step("blur", sigma, (frame, seed) -> blurred(frame.image(), sigma)));
        }
        return steps;
    }

    private static Step step(String sweep, double value, BiFunction<Frame, Integer, Mat> change) {
        boolean neutral = sweep.equals("gamma") || sweep.equals("exposure") || sweep.equals("low_light_gain")
                ? value == 1.0 : value == 0;
        if (neutral) {
            // the unchanged frame, whatever the sweep (low-light gain at k = 1 would still add read noise)
            return new Step(sweep, NEUTRAL, (frame, seed) -> frame.image().clone(), FRAME_QUALITY);
        }
        return new Step(sweep, trim(value), change, FRAME_QUALITY);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** Display gamma below 1 darkens the mid-tones: v' = 255 (v / 255)^(1 / gamma). */
    static Mat gamma(Mat bgr, double gamma) {
        Mat table = new Mat(1, 256, CvType.CV_8UC1);
        byte[] values = new byte[256];
        for (int v = 0; v < 256; v++) {
            values[v] = (byte) Math.round(255 * Math.pow(v / 255.0, 1 / gamma));
        }
        table.put(0, 0, values);
        Mat out = new Mat();
        Core.LUT(bgr, table, out);
        table.release();
        return out;
    }

    /** Less light and no gain: v' = k v. */
    static Mat scaled(Mat bgr, double k) {
        Mat out = new Mat();
        bgr.convertTo(out, -1, k);
        return out;
    }

    /** Sensor noise: independent Gaussian noise of this standard deviation (grey levels) on every channel. */
    static Mat noisy(Mat bgr, double sigma, int seed) {
        Mat f = new Mat();
        bgr.convertTo(f, CvType.CV_32FC3);
        addNoise(f, sigma, seed);
        Mat out = new Mat();
        f.convertTo(out, CvType.CV_8UC3);
        f.release();
        return out;
    }

    private static void addNoise(Mat image, double sigma, int seed) {
        if (sigma <= 0) {
            return;
        }
        Mat noise = new Mat(image.size(), image.type());
        Core.setRNGSeed(seed);
        Core.randn(noise, 0, sigma);
        Core.add(image, noise, image);
        noise.release();
    }

    /**
     * A dim room and a webcam's automatic gain: the light is scaled by k, read noise of 2 grey levels is added, the
     * signal is quantised to 8 bits, then amplified by 1 / k. The picture keeps its brightness; the noise and the
     * banding grow by 1 / k.
     */
    static Mat amplified(Mat bgr, double k, int seed) {
        Mat f = new Mat();
        bgr.convertTo(f, CvType.CV_32FC3, k);
        addNoise(f, 2, seed);
        Mat dim = new Mat();
        f.convertTo(dim, CvType.CV_8UC3);
        Mat out = new Mat();
        dim.convertTo(out, -1, 1 / k);
        f.release();
        dim.release();
        return out;
    }

    /**
     * Backlight: a camera exposing for a bright window behind the person. Every known face (an ellipse around its
     * box, softened) is darkened to (1 − b) of its light, everything else brightened towards white by b:
     * v' = (1 − b) v + 255 b (1 − mask).
     */
    static Mat backlit(Frame frame, double b) {
        Mat image = frame.image();
        Mat mask = Mat.zeros(image.size(), CvType.CV_32FC1);
        double widest = 1;
        for (Box box : frame.known()) {
            ImagePoint c = box.centre();
            Imgproc.ellipse(mask, new Point(c.x(), c.y()), new Size(0.65 * box.width(), 0.8 * box.height()), 0, 0, 360,
                    new Scalar(1), -1);
            widest = Math.max(widest, box.width());
        }
        Imgproc.GaussianBlur(mask, mask, new Size(0, 0), 0.1 * widest);
        Mat background = new Mat();
        Core.subtract(Mat.ones(mask.size(), CvType.CV_32FC1), mask, background);
        Core.multiply(background, new Scalar(255 * b), background);
        Mat lift = new Mat();
        Core.merge(List.of(background, background, background), lift);
        Mat f = new Mat();
        image.convertTo(f, CvType.CV_32FC3, 1 - b);
        Core.add(f, lift, f);
        Mat out = new Mat();
        f.convertTo(out, CvType.CV_8UC3);
        mask.release();
        background.release();
        lift.release();
        f.release();
        return out;
    }

    /** Defocus: a Gaussian blur of this standard deviation in pixels. */
    static Mat blurred(Mat bgr, double sigma) {
        if (sigma <= 0) {
            return bgr.clone();
        }
        Mat out = new Mat();
        Imgproc.GaussianBlur(bgr, out, new Size(0, 0), sigma);
        return out;
    }

    // ---------------------------------------------------------------- one step

    private static Result run(FaceAnalyzer analyzer, List<Frame> frames, Map<Subject, Reference> references,
                              Step step) {
        Result result = new Result(step);
        Map<Subject, FaceDescriptor> probes = new LinkedHashMap<>();
        for (Frame frame : frames) {
            int seed = (frame.id() + "/" + step.key()).hashCode();
            Mat changed = step.change().apply(frame, seed);
            byte[] jpeg = TestEngine.jpeg(changed, step.jpegQuality());
            changed.release();
            FrameAnalysis analysis = analyzer.analyse(jpeg);
            Verdict verdict = verdict(analysis);
            result.frames++;
            result.verdicts.merge(verdict, 1, Integer::sum);
            result.brightness.add(analysis.quality().brightness());
            Map<Subject, Face> matched = match(frame.subjects(), analysis.faces());
            result.missed.merge(verdict, frame.subjects().size() - matched.size(), Integer::sum);
            Mat decoded = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR);
            for (Subject s : frame.subjects()) {
                Face face = matched.get(s);
                result.found.put(s, face != null);
                result.frameOf.put(s, verdict);
                Reference reference = references.get(s);
                if (face != null && face.mesh().isPresent()) {
                    FaceDescriptor probe = analyzer.descriptors().describe(decoded, face);
                    probes.put(s, probe);
                    reference.descriptor().ifPresent(d -> result.self.put(s, probe.distanceTo(d)));
                }
                // the clean photo's cheeks on the changed pixels: how far the measure itself moves
                if (reference.ita().isPresent()) {
                    ItaSkinTone.ofCheeks(decoded, reference.landmarks().orElseThrow()).ifPresent(m -> result.itaShift
                            .add(m.angle() - reference.ita().get().angle()));
                }
            }
            decoded.release();
        }
        // identity on the collage: each changed face against the clean photos of the others
        for (Map.Entry<Subject, FaceDescriptor> probe : probes.entrySet()) {
            Subject s = probe.getKey();
            if (!s.set().equals("bald_guys")) {
                continue;
            }
            List<Double> same = new ArrayList<>();
            for (Map.Entry<Subject, Reference> other : references.entrySet()) {
                Subject o = other.getKey();
                if (o.equals(s) || !o.set().equals("bald_guys") || other.getValue().descriptor().isEmpty()) {
                    continue;
                }
                double distance = probe.getValue().distanceTo(other.getValue().descriptor().get());
                IdentityVerdict v = THRESHOLDS.verdict(distance);
                if (o.person().equals(s.person())) {
                    same.add(distance);
                    result.samePairs++;
                    result.sameVerdicts.merge(v, 1, Integer::sum);
                } else {
                    result.differentPairs++;
                    if (v == IdentityVerdict.MATCH) {
                        result.differentMatch++;
                    } else if (v == IdentityVerdict.NEEDS_REVIEW) {
                        result.differentReview++;
                    }
                }
            }
            result.same.put(s, same);
        }
        for (Subject s : result.found.keySet()) {
            if (s.set().equals("bald_guys")) {
                result.same.putIfAbsent(s, List.of());
            }
        }
        return result;
    }

    /**
     * What Invigil's frame rules make of a run of pictures like this one: the analysis becomes the observation
     * monitoring stores ({@link Observations#observation}), repeated at the exam's default frame interval long enough
     * for the no-face rule's time, and {@link FrameRules#evaluate} runs over it with every check on. The frozen-camera
     * rule is left out: it fires only because the harness repeats one picture.
     */
    static Verdict verdict(FrameAnalysis analysis) {
        int interval = EXAM.frameIntervalSeconds();
        int count = EXAM.noFaceSeconds() / interval + 2;
        List<Observation> run = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            run.add(Observations.observation("fairness", i, START.plusSeconds((long) i * interval), analysis,
                    Optional.empty()));
        }
        Set<Rule> rules = FrameRules.evaluate(new FrameRules.Timeline(run, EXAM, EnumSet.allOf(Check.class),
                        Optional.empty(), Optional.empty(), "fairness benchmark", "fairness benchmark")).stream()
                .map(Finding::rule).filter(rule -> rule != Rule.CAMERA_FROZEN)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));
        if (rules.contains(Rule.CAMERA_COVERED)) {
            return Verdict.COVERED;
        }
        if (rules.contains(Rule.CAMERA_DARK)) {
            return Verdict.DARK;
        }
        if (rules.contains(Rule.CAMERA_BLURRED)) {
            return Verdict.BLURRED;
        }
        if (rules.contains(Rule.NO_FACE)) {
            return Verdict.NO_FACE;
        }
        return analysis.faceCount() > 0 ? Verdict.FOUND : Verdict.OTHER;
    }

    // ---------------------------------------------------------------- output

    private static void print(Step step, Result r) {
        Predicate<Subject> all = s -> true;
        System.out.printf(Locale.ROOT, "fairness light %s faces=%d found=%d recall=%.3f frames=%d found_frames=%.3f "
                        + "insufficient=%.3f insufficient_dark=%.3f insufficient_blurred=%.3f no_face=%.3f "
                        + "covered=%.3f other=%.3f missed_faces=%d "
                        + "missed_in_insufficient=%d missed_in_no_face=%d missed_in_covered=%d "
                        + "missed_beside_a_found_face=%d "
                        + "brightness_median=%.1f described=%d self_distance_mean=%s same_distance_mean=%s "
                        + "same_pairs=%d same_match=%d same_review=%d same_no_match=%d different_pairs=%d "
                        + "different_match=%d different_review=%d ita_shift_median=%s%n",
                step.key(), r.faces(all), r.found(all), r.recall(all), r.frames, r.share(Verdict.FOUND),
                r.insufficient(), r.share(Verdict.DARK), r.share(Verdict.BLURRED), r.share(Verdict.NO_FACE),
                r.share(Verdict.COVERED), r.share(Verdict.OTHER), r.faces(all) - r.found(all), r.missedInInsufficient(),
                r.missed.get(Verdict.NO_FACE), r.missed.get(Verdict.COVERED), r.missed.get(Verdict.FOUND),
                median(r.brightness), r.self.size(),
                value(mean(r.selfDistances(all)), 3), value(mean(r.sameDistances(all)), 3), r.samePairs,
                r.sameVerdicts.get(IdentityVerdict.MATCH), r.sameVerdicts.get(IdentityVerdict.NEEDS_REVIEW),
                r.sameVerdicts.get(IdentityVerdict.NO_MATCH), r.differentPairs, r.differentMatch, r.differentReview,
                value(median(r.itaShift), 1));
    }

    private static List<String> groups() {
        List<String> groups = new ArrayList<>(Arrays.stream(Group.values()).map(Group::name).toList());
        groups.add(UNMEASURED);
        return groups;
    }

    private static String groupLabel(String group) {
        return group.equals(UNMEASURED) ? "unmeasured" : Group.valueOf(group).label();
    }

    private static String groupRange(String group) {
        return group.equals(UNMEASURED) ? "no ITA" : Group.valueOf(group).range();
    }

    private static void printGroups(List<Ran> results, Map<Subject, Reference> references,
                                    List<Subject> subjects) {
        for (String group : groups()) {
            Predicate<Subject> in = s -> references.get(s).group().equals(group);
            long faces = subjects.stream().filter(in).count();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "fairness ita group=%s faces=%d",
                    groupLabel(group).replace(' ', '_'), faces));
            for (String set : subjects.stream().map(Subject::set).distinct().toList()) {
                line.append(String.format(Locale.ROOT, " faces_%s=%d", set.replace('-', '_'),
                        subjects.stream().filter(in.and(s -> s.set().equals(set))).count()));
            }
            for (Result r : distinct(results)) {
                String key = r.step.neutral() ? NEUTRAL : r.step.sweep() + "_" + r.step.value();
                line.append(String.format(Locale.ROOT, " recall_at_%s=%s missed_in_no_face_at_%s=%d "
                                + "mean_self_distance_at_%s=%s mean_same_distance_at_%s=%s", key,
                        value(r.recall(in), 3), key, r.missedIn(Verdict.NO_FACE, in), key,
                        value(mean(r.selfDistances(in)), 3), key, value(mean(r.sameDistances(in)), 3)));
            }
            System.out.println(line);
        }
    }

    /** The collage's people and the ITA° of each of their measured photos. */
    private static Map<String, List<ItaSkinTone.Measurement>> people(List<Subject> subjects,
                                                                     Map<Subject, Reference> references) {
        Map<String, List<ItaSkinTone.Measurement>> people = new LinkedHashMap<>();
        for (Subject s : subjects) {
            if (s.set().equals("bald_guys")) {
                references.get(s).ita().ifPresent(m -> people.computeIfAbsent(s.person(), p -> new ArrayList<>())
                        .add(m));
            }
        }
        return people;
    }

    /** The results with the shared baseline once, first. */
    private static List<Result> distinct(List<Ran> results) {
        List<Result> distinct = new ArrayList<>();
        for (Ran ran : results) {
            if (distinct.stream().noneMatch(d -> d == ran.result())) {
                distinct.add(ran.result());
            }
        }
        distinct.sort((a, b) -> Boolean.compare(b.step.neutral(), a.step.neutral()));
        return distinct;
    }

    /**
     * The run's figures as the Markdown tables {@code src/site/fairness.md} holds, headed by the day and the machine:
     * the page is updated by pasting this, never by typing numbers.
     */
    private static void printTables(int every, List<Frame> frames, List<Subject> subjects,
                                    Map<Subject, Reference> references, List<Ran> results) {
        System.out.println();
        System.out.println("<!-- pasted from `mvn -q -Pbench test` (fairness benchmark) -->");
        System.out.printf(Locale.ROOT, "Measured on %s, %d cores (%s), Java %s, OpenCV %s, load average %.2f; %d "
                        + "frames with %d known faces (%s)%s:%n%n", LocalDate.now(ZoneOffset.UTC),
                Runtime.getRuntime().availableProcessors(), VisionBenchmark.cpuModel(),
                System.getProperty("java.version"), Core.VERSION,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), frames.size(), subjects.size(),
                sets(frames).stream().map(set -> set + " " + frames.stream().filter(f -> f.set().equals(set)).count()
                        + " frames / " + subjects.stream().filter(s -> s.set().equals(set)).count() + " faces")
                        .collect(Collectors.joining(", ")), every == 1 ? "" : ", one frame in " + every + " only");

        Predicate<Subject> all = s -> true;
        System.out.println("**Detection, and what the frame rules make of the frame**: share of frames by what the "
                + "rules find in a run of such frames: *covered* = camera-covered (a suspicion); *insufficient* = "
                + "camera-dark or camera-blurred (insufficient evidence: no points, and no-face is not judged); "
                + "*no face* = no-face (a suspicion); *usable, face found* = none of these, and a face in view:");
        System.out.println();
        System.out.println("| Degradation | Faces found | Recall | Frames: usable, face found | insufficient: dark "
                + "| insufficient: blurred | no face | covered | Missed faces: in insufficient · no-face · covered "
                + "frames · beside a found face | Median brightness |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Ran ran : results) {
            Result r = ran.result();
            System.out.printf(Locale.ROOT, "| %s | %d/%d | %.3f | %s | %s | %s | %s | %s | %d · %d · %d · %d "
                    + "| %.0f |%n", ran.label(), r.found(all), r.faces(all), r.recall(all),
                    percent(r.share(Verdict.FOUND)), percent(r.share(Verdict.DARK)), percent(r.share(Verdict.BLURRED)),
                    percent(r.share(Verdict.NO_FACE)), percent(r.share(Verdict.COVERED)), r.missedInInsufficient(),
                    r.missed.get(Verdict.NO_FACE), r.missed.get(Verdict.COVERED), r.missed.get(Verdict.FOUND),
                    median(r.brightness));
        }
        System.out.println();
        System.out.println("**Identity** (dlib distance of the changed face to clean photos; match ≤ "
                + THRESHOLDS.match() + ", review ≤ " + THRESHOLDS.review() + "; same person = the collage's other "
                + "photos of that person):");
        System.out.println();
        System.out.println("| Degradation | Faces described | Same photo, mean | Same person, mean | Same person: "
                + "match / review / no match | Different person: match / review | ITA° shift, median |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Ran ran : results) {
            Result r = ran.result();
            System.out.printf(Locale.ROOT, "| %s | %d/%d | %s | %s | %d / %d / %d of %d | %d / %d of %d | %s |%n",
                    ran.label(), r.self.size(),
                    r.faces(all), number(mean(r.selfDistances(all)), 3), number(mean(r.sameDistances(all)), 3),
                    r.sameVerdicts.get(IdentityVerdict.MATCH), r.sameVerdicts.get(IdentityVerdict.NEEDS_REVIEW),
                    r.sameVerdicts.get(IdentityVerdict.NO_MATCH), r.samePairs, r.differentMatch, r.differentReview,
                    r.differentPairs, number(median(r.itaShift), 1));
        }

        List<String> groups = groups();
        List<String> sets = subjects.stream().map(Subject::set).distinct().toList();
        System.out.println();
        System.out.println("**Faces by ITA° group** (cheeks of the clean photo; *unmeasured*: no landmarks, or cheeks "
                + "with b* ≤ 0):");
        System.out.println();
        System.out.println("| Group | ITA° | Faces | Photos | Median face width px | " + String.join(" | ", sets)
                + " |");
        System.out.println("|---|---|---:|---:|---:|" + "---:|".repeat(sets.size()));
        for (String group : groups) {
            Predicate<Subject> in = s -> references.get(s).group().equals(group);
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %s | %s |%n", groupLabel(group), groupRange(group),
                    subjects.stream().filter(in).count(), subjects.stream().filter(in).map(Subject::photo).distinct()
                            .count(), number(median(subjects.stream().filter(in).map(s -> s.truth().width())
                            .toList()), 0), sets.stream().map(set -> Long.toString(subjects.stream()
                            .filter(in.and(s -> s.set().equals(set))).count())).collect(Collectors.joining(" | ")));
        }
        System.out.println();
        System.out.println("**ITA° of one person across photos** (the collage: six photos of each of four people):");
        System.out.println();
        System.out.println("| Person | Photos measured | ITA° lowest | ITA° highest | Groups |");
        System.out.println("|---|---:|---:|---:|---|");
        for (Map.Entry<String, List<ItaSkinTone.Measurement>> person : people(subjects, references).entrySet()) {
            List<ItaSkinTone.Measurement> m = person.getValue();
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %s |%n", person.getKey(), m.size(),
                    m.stream().mapToDouble(ItaSkinTone.Measurement::angle).min().orElse(Double.NaN),
                    m.stream().mapToDouble(ItaSkinTone.Measurement::angle).max().orElse(Double.NaN),
                    m.stream().map(x -> x.group().label()).distinct().collect(Collectors.joining(", ")));
        }
        List<String> present = groups.stream().filter(g -> subjects.stream()
                .anyMatch(s -> references.get(s).group().equals(g))).toList();
        String header = present.stream().map(g -> groupLabel(g) + " (" + subjects.stream()
                .filter(s -> references.get(s).group().equals(g)).count() + ")").collect(Collectors.joining(" | "));
        System.out.println();
        System.out.println("**Faces found by ITA° group** (found / faces; groups with no face left out):");
        System.out.println();
        System.out.println("| Degradation | " + header + " |");
        System.out.println("|---|" + "---:|".repeat(present.size()));
        for (Result r : distinct(results)) {
            System.out.printf(Locale.ROOT, "| %s | %s |%n", r.step.label(), present.stream().map(g -> {
                Predicate<Subject> in = s -> references.get(s).group().equals(g);
                return r.found(in) + "/" + r.faces(in);
            }).collect(Collectors.joining(" | ")));
        }
        System.out.println();
        System.out.println("**Missed faces in frames the rules read as no face, by ITA° group** (steps where there "
                + "were none are left out):");
        System.out.println();
        System.out.println("| Degradation | " + header + " |");
        System.out.println("|---|" + "---:|".repeat(present.size()));
        boolean any = false;
        for (Result r : distinct(results)) {
            if (r.missedIn(Verdict.NO_FACE, s -> true) == 0) {
                continue;
            }
            any = true;
            System.out.printf(Locale.ROOT, "| %s | %s |%n", r.step.label(), present.stream().map(g -> Long.toString(
                    r.missedIn(Verdict.NO_FACE, s -> references.get(s).group().equals(g))))
                    .collect(Collectors.joining(" | ")));
        }
        if (!any) {
            System.out.println("| (none at any step) |" + " |".repeat(present.size()));
        }
        System.out.println();
        System.out.println("**Mean distance by ITA° group**: same photo (all sets) · same person (collage; probes "
                + "described), – where no face was described:");
        System.out.println();
        System.out.println("| Degradation | " + header + " |");
        System.out.println("|---|" + "---:|".repeat(present.size()));
        for (Result r : distinct(results)) {
            System.out.printf(Locale.ROOT, "| %s | %s |%n", r.step.label(), present.stream().map(g -> {
                Predicate<Subject> in = s -> references.get(s).group().equals(g);
                String self = number(mean(r.selfDistances(in)), 3);
                long probes = r.sameProbes(in);
                String same = probes == 0 ? "–" : number(mean(r.sameDistances(in)), 3) + " (" + probes + ")";
                return self + " · " + same;
            }).collect(Collectors.joining(" | ")));
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A number for the machine-readable lines: {@code na} where there was nothing to measure. */
    private static String value(double value, int decimals) {
        return Double.isNaN(value) ? "na" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double median(List<Double> values) {
        return values.isEmpty() ? Double.NaN : ItaSkinTone.median(values.stream().mapToDouble(Double::doubleValue)
                .toArray());
    }
}
