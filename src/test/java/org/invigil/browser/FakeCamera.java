package org.invigil.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.invigil.vision.DebianPhotos;
import org.invigil.vision.control.OpenCvNatives;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Videos for Chromium's fake webcam, built in test setup from real photos ({@link DebianPhotos}) and written as Y4M
 * under {@code target/fake-camera/} (never committed). A video is a list of {@link Segment}s, each a picture shown for
 * some seconds, at 640x480 and {@value #FPS} fps; Chromium loops the file.
 * <p>
 * Every frame gets its own random sensor noise (uniform, &plusmn;{@value #NOISE} grey levels), so consecutive frames are
 * never pixel-identical: the server treats pixel-identical repeated frames as a frozen or replayed feed. Frame counts
 * of the ready-made videos are primes, so a client capturing every 1, 2, 3 or 5 s never lands on the same looped frame
 * twice in a row.
 * <p>
 * Photos are framed like a webcam: with a known face box the picture is scaled so the face is about 40% of the frame
 * height and centred; without one the whole photo is letterboxed over a heavily blurred copy of itself. Videos are
 * generated once per content (the file name carries a hash of the segments), so later runs and other test classes
 * reuse them.
 */
public final class FakeCamera {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    public static final int FPS = 10;
    public static final int NOISE = 3;

    /** Bump when the way frames are drawn changes, so cached videos are rebuilt. */
    private static final int FORMAT_VERSION = 1;
    private static final double FACE_FRACTION = 0.40;
    private static final double FACE_FRACTION_SIDE_BY_SIDE = 0.32;
    private static final double MAX_FACE_FRACTION = 0.60;
    private static final double FACE_CENTRE_Y = 0.45;

    private static final Map<String, Path> MADE = new ConcurrentHashMap<>();

    static {
        OpenCvNatives.load();
    }

    private FakeCamera() {
    }

    /** Where the videos go: {@code target/fake-camera/} of the module. */
    public static Path directory() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target/fake-camera");
    }

    // ---------------------------------------------------------------- photos

    /**
     * A photo file, with the face to frame on when it is known ({@code x, y, width, height} in the photo's pixels).
     */
    public record Photo(Path file, Optional<Rect> face) {

        public Photo {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(face, "face");
        }

        /** The photo, with the face box filled in for the known test photos (Grace Hopper, the astronaut). */
        public static Photo of(Path file) {
            String name = file.getFileName().toString();
            return switch (name) {
                case "grace_hopper.jpg" -> new Photo(file, Optional.of(new Rect(158, 118, 210, 210)));
                case "astronaut.png" -> new Photo(file, Optional.of(new Rect(173, 68, 107, 107)));
                default -> new Photo(file, Optional.empty());
            };
        }

        /** This photo framed on the given face box. */
        public Photo face(int x, int y, int width, int height) {
            return new Photo(file, Optional.of(new Rect(x, y, width, height)));
        }

        String key() {
            return file.toAbsolutePath() + face.map(r -> "@" + r.x + "," + r.y + "," + r.width + "," + r.height)
                    .orElse("");
        }
    }

    /** Grace Hopper (matplotlib's sample photo): the reference person. */
    public static Photo graceHopper() {
        return Photo.of(DebianPhotos.graceHopper());
    }

    /** Eileen Collins in a space suit (scikit-image's astronaut): another person. */
    public static Photo astronaut() {
        return Photo.of(DebianPhotos.skimageData("astronaut.png"));
    }

    /** A cup of coffee on a table (scikit-image): a scene without a face. */
    public static Photo coffee() {
        return Photo.of(DebianPhotos.skimageData("coffee.png"));
    }

    /** A photo from dlib's examples ({@code dlibFaces()}), e.g. a group photo such as {@code 2008_002506.jpg}. */
    public static Photo dlib(String fileName) {
        return Photo.of(DebianPhotos.dlibFaces().resolve(fileName));
    }

    // ---------------------------------------------------------------- segments

    /** A picture held for some seconds. */
    public interface Segment {

        double seconds();

        /** Describes the picture for the cache key: same key, same pixels. */
        String key();

        /** A new 640x480 8-bit BGR picture, released by the caller. */
        Mat draw(int width, int height);

        default int frames() {
            return Math.max(1, (int) Math.round(seconds() * FPS));
        }
    }

    /** One photo, framed like a webcam. */
    public static Segment photo(Photo photo, double seconds) {
        return segment("photo " + photo.key(), seconds, (w, h) -> compose(photo, w, h));
    }

    /** Several photos side by side in one frame (several people in front of one camera). */
    public static Segment sideBySide(double seconds, Photo... photos) {
        StringBuilder key = new StringBuilder("side-by-side");
        for (Photo p : photos) {
            key.append(' ').append(p.key());
        }
        return segment(key.toString(), seconds, (w, h) -> composeSideBySide(w, h, photos));
    }

    /** A lens covered by a finger or tape: a near-black frame (grey level {@code level}, noise on top). */
    public static Segment covered(double seconds, int level) {
        return segment("covered " + level, seconds, (w, h) -> new Mat(h, w, CvType.CV_8UC3, Scalar.all(level)));
    }

    /**
     * A generated picture, e.g. a darkened or blurred photo; {@code key} must change whenever the picture does.
     * The picture is resized to the frame when its size differs.
     */
    public static Segment frame(String key, Mat bgr, double seconds) {
        Mat copy = bgr.clone();
        return segment("frame " + key, seconds, (w, h) -> {
            Mat out = new Mat();
            if (copy.cols() == w && copy.rows() == h) {
                copy.copyTo(out);
            } else {
                Imgproc.resize(copy, out, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
            }
            return out;
        });
    }

    private interface Drawer {
        Mat draw(int width, int height);
    }

    private static Segment segment(String key, double seconds, Drawer drawer) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("A segment lasts a positive number of seconds: " + seconds);
        }
        return new Segment() {
            @Override
            public double seconds() {
                return seconds;
            }

            @Override
            public String key() {
                return key;
            }

            @Override
            public Mat draw(int width, int height) {
                return drawer.draw(width, height);
            }

            @Override
            public String toString() {
                return key + " for " + seconds + " s";
            }
        };
    }

    // ---------------------------------------------------------------- ready-made videos

    /** Grace Hopper alone, facing the camera (47 frames, 4.7 s, 22 MB). */
    public static Path referencePerson() {
        return video("reference-person", photo(graceHopper(), 4.7));
    }

    /** The astronaut alone: a person who is not the reference (47 frames). */
    public static Path anotherPerson() {
        return video("another-person", photo(astronaut(), 4.7));
    }

    /** Grace Hopper for {@code secondsEach}, then the astronaut for as long; then it loops. */
    public static Path referenceThenAnother(double secondsEach) {
        return video("reference-then-another", photo(graceHopper(), secondsEach), photo(astronaut(), secondsEach));
    }

    /** Grace Hopper and the astronaut side by side in one frame (43 frames). */
    public static Path twoPeople() {
        return video("two-people", sideBySide(4.3, graceHopper(), astronaut()));
    }

    /** A cup of coffee on a table: nobody in front of the camera (37 frames). */
    public static Path noFace() {
        return video("no-face", photo(coffee(), 3.7));
    }

    /** A covered lens: near black (grey 10) with sensor noise (31 frames). */
    public static Path coveredCamera() {
        return video("covered-camera", covered(3.1, 10));
    }

    // ---------------------------------------------------------------- building

    /**
     * The video of these segments, written once under {@link #directory()} and reused while its content is unchanged.
     *
     * @return the absolute path of the {@code .y4m} file, for {@code --use-file-for-fake-video-capture}
     */
    public static Path video(String name, Segment... segments) {
        if (segments.length == 0) {
            throw new IllegalArgumentException("A video needs at least one segment");
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("A video name is a plain file name: " + name);
        }
        StringBuilder spec = new StringBuilder("v" + FORMAT_VERSION + " " + WIDTH + "x" + HEIGHT + "@" + FPS
                + " noise " + NOISE);
        for (Segment s : segments) {
            spec.append('\n').append(s.key()).append(" frames ").append(s.frames());
        }
        String hash = sha256(spec.toString()).substring(0, 12);
        Path file = directory().resolve(name + "-" + hash + ".y4m");
        return MADE.computeIfAbsent(file.toString(), f -> {
            if (Files.isRegularFile(file)) {
                return file;
            }
            write(file, spec.toString(), hash, segments);
            return file;
        });
    }

    private static synchronized void write(Path file, String spec, String hash, Segment... segments) {
        long started = System.nanoTime();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Core.setRNGSeed(Long.valueOf(hash.substring(0, 8), 16).intValue());
        Mat base16 = new Mat();
        Mat noise = new Mat(HEIGHT, WIDTH, CvType.CV_16SC3);
        Mat frame16 = new Mat();
        Mat frame = new Mat();
        int frames = 0;
        try (Y4mWriter y4m = new Y4mWriter(partial, WIDTH, HEIGHT, FPS)) {
            for (Segment segment : segments) {
                Mat picture = segment.draw(WIDTH, HEIGHT);
                picture.convertTo(base16, CvType.CV_16SC3);
                picture.release();
                for (int i = 0; i < segment.frames(); i++) {
                    Core.randu(noise, -NOISE, NOISE + 1);
                    Core.add(base16, noise, frame16);
                    frame16.convertTo(frame, CvType.CV_8UC3);
                    y4m.write(frame);
                }
            }
            frames = y4m.frames();
        } finally {
            base16.release();
            noise.release();
            frame16.release();
            frame.release();
        }
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(file.resolveSibling(file.getFileName() + ".txt"), spec + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("FakeCamera: wrote %s (%d frames, %d MB) in %d ms%n", file.getFileName(), frames,
                frames * (WIDTH * HEIGHT * 3 / 2 + 6) >> 20, (System.nanoTime() - started) / 1_000_000);
    }

    // ---------------------------------------------------------------- pictures

    /** The photo framed like a webcam in a {@code width x height} picture (8-bit BGR, no noise). */
    public static Mat compose(Photo photo, int width, int height) {
        return compose(photo, width, height, FACE_FRACTION);
    }

    /** The same picture as the photo's video frames, without the noise, as a JPEG (quality 90). */
    public static byte[] jpegOf(Photo photo, int width, int height) {
        Mat picture = compose(photo, width, height);
        try {
            return jpeg(picture, 90);
        } finally {
            picture.release();
        }
    }

    /** {@link #jpegOf(Photo, int, int)} for a photo file; the known test photos are framed on their face. */
    public static byte[] jpegOf(Path photo, int width, int height) {
        return jpegOf(Photo.of(photo), width, height);
    }

    /** Photos side by side, each framed in its own column. */
    public static Mat composeSideBySide(int width, int height, Photo... photos) {
        if (photos.length == 0) {
            throw new IllegalArgumentException("No photos");
        }
        List<Mat> tiles = new ArrayList<>();
        int x = 0;
        for (int i = 0; i < photos.length; i++) {
            int tileWidth = (width * (i + 1)) / photos.length - x;
            tiles.add(compose(photos[i], tileWidth, height, FACE_FRACTION_SIDE_BY_SIDE));
            x += tileWidth;
        }
        Mat out = new Mat();
        Core.hconcat(tiles, out);
        tiles.forEach(Mat::release);
        return out;
    }

    static Mat compose(Photo photo, int width, int height, double faceFraction) {
        Mat image = Imgcodecs.imread(photo.file().toString(), Imgcodecs.IMREAD_COLOR);
        if (image.empty()) {
            throw new IllegalStateException("Cannot read the photo " + photo.file());
        }
        try {
            double cover = Math.max((double) width / image.cols(), (double) height / image.rows());
            double scale;
            double centreX;
            double centreY;
            if (photo.face().isPresent()) {
                Rect face = photo.face().get();
                scale = faceFraction * height / face.height;
                if (cover > scale && cover * face.height <= MAX_FACE_FRACTION * height) {
                    scale = cover;
                }
                centreX = face.x + face.width / 2.0;
                centreY = face.y + face.height / 2.0;
            } else {
                scale = Math.min((double) width / image.cols(), (double) height / image.rows());
                centreX = image.cols() / 2.0;
                centreY = image.rows() / 2.0;
            }
            Mat scaled = new Mat();
            Imgproc.resize(image, scaled, new Size(Math.max(1, Math.round(image.cols() * scale)),
                    Math.max(1, Math.round(image.rows() * scale))), 0, 0,
                    scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_CUBIC);
            int offsetX = place(width, scaled.cols(), width / 2.0 - centreX * scale);
            int offsetY = place(height, scaled.rows(), (photo.face().isPresent() ? FACE_CENTRE_Y * height
                    : height / 2.0) - centreY * scale);

            Mat out = blurredBackground(image, width, height, cover);
            Rect target = new Rect(0, 0, width, height);
            int left = Math.max(0, offsetX);
            int top = Math.max(0, offsetY);
            int right = Math.min(target.width, offsetX + scaled.cols());
            int bottom = Math.min(target.height, offsetY + scaled.rows());
            if (right > left && bottom > top) {
                Mat from = scaled.submat(new Rect(left - offsetX, top - offsetY, right - left, bottom - top));
                Mat to = out.submat(new Rect(left, top, right - left, bottom - top));
                from.copyTo(to);
                from.release();
                to.release();
            }
            scaled.release();
            return out;
        } finally {
            image.release();
        }
    }

    /** Where a scaled picture goes along one axis: as wished, but never leaving a gap when it can cover the frame. */
    private static int place(int frame, int picture, double wished) {
        int offset = (int) Math.round(wished);
        if (picture >= frame) {
            return Math.max(frame - picture, Math.min(0, offset));
        }
        return Math.max(0, Math.min(frame - picture, offset));
    }

    /** The photo covering the frame, blurred beyond recognition and darkened: the letterbox bands. */
    private static Mat blurredBackground(Mat image, int width, int height, double cover) {
        Mat small = new Mat();
        int cropW = (int) Math.min(image.cols(), Math.round(width / cover));
        int cropH = (int) Math.min(image.rows(), Math.round(height / cover));
        Mat crop = image.submat(new Rect((image.cols() - cropW) / 2, (image.rows() - cropH) / 2, cropW, cropH));
        Imgproc.resize(crop, small, new Size(Math.max(1, width / 16), Math.max(1, height / 16)), 0, 0,
                Imgproc.INTER_AREA);
        crop.release();
        Imgproc.GaussianBlur(small, small, new Size(0, 0), 3);
        Mat out = new Mat();
        Imgproc.resize(small, out, new Size(width, height), 0, 0, Imgproc.INTER_LINEAR);
        small.release();
        out.convertTo(out, -1, 0.7, 0);
        return out;
    }

    static byte[] jpeg(Mat bgr, int quality) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".jpg", bgr, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
        byte[] bytes = out.toArray();
        out.release();
        return bytes;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
