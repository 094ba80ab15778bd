package org.invigil.vision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test photos from Debian packages, fetched on first use with {@code apt-get download} and unpacked with
 * {@code dpkg-deb -x} under {@code target/debian-photos/} (never committed). A package that cannot be fetched fails
 * the test with the reason; {@code apt-get download} needs package lists, so CI runs {@code apt-get update} first.
 */
public final class DebianPhotos {

    public static final String DLIB = "libdlib19.1";
    public static final String MATPLOTLIB = "python-matplotlib-data";
    public static final String SKIMAGE = "python3-skimage";
    public static final String OPENCV_DATA = "opencv-data";

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("target/debian-photos");

    private DebianPhotos() {
    }

    /** dlib's example faces: group photos with ground truth, the bald_guys collage, dogs. */
    public static Path dlibFaces() {
        return file(DLIB, "usr/share/doc/libdlib19.1/examples/faces");
    }

    public static Path graceHopper() {
        return file(MATPLOTLIB, "usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg");
    }

    /** scikit-image's sample images (PNG): astronaut (one face), chelsea (a cat), coffee (no face). */
    public static Path skimageData(String name) {
        return file(SKIMAGE, "usr/lib/python3/dist-packages/skimage/data/" + name);
    }

    public static Path haarFrontalFace() {
        return file(OPENCV_DATA, "usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml");
    }

    public static Path file(String debianPackage, String path) {
        Path file = unpacked(debianPackage).resolve(path);
        if (!Files.exists(file)) {
            throw new IllegalStateException("The Debian package " + debianPackage + " has no " + path);
        }
        return file;
    }

    /** The root of the unpacked package, fetching it on first use. */
    public static synchronized Path unpacked(String debianPackage) {
        Path dir = ROOT.resolve(debianPackage);
        Path root = dir.resolve("root");
        Path done = dir.resolve(".unpacked");
        if (Files.exists(done)) {
            return root;
        }
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".deb")).toList()) {
                    Files.delete(p);
                }
            }
            run(dir, "apt-get", "download", debianPackage);
            Path deb;
            try (Stream<Path> debs = Files.list(dir)) {
                deb = debs.filter(p -> p.toString().endsWith(".deb")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("apt-get download left no .deb in " + dir));
            }
            run(dir, "dpkg-deb", "-x", deb.getFileName().toString(), "root");
            Files.writeString(done, deb.getFileName().toString());
            return root;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot fetch the Debian package " + debianPackage + " for test photos", e);
        }
    }

    private static void run(Path dir, String... command) throws IOException {
        Path log = dir.resolve("command.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 5 minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + process.exitValue()
                    + " (the test photos come from Debian packages; run 'apt-get update' first when the package lists"
                    + " are missing):\n" + String.join("\n", output));
        }
    }
}
