package org.invigil.vision.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.invigil.vision.BaldGuysCollage;
import org.invigil.vision.DebianPhotos;
import org.invigil.vision.entity.DescribedFace;
import org.invigil.vision.entity.FaceMesh;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Step 1 of regenerating the descriptor fixture (run by {@code src/test/node/regenerate-dlib-reference.sh}): finds
 * the faces of the Debian test photos with the engine, and writes each aligned chip as raw RGB plus
 * {@code chips.json} (photo, transform, sha256) into the given directory for the JavaScript reference to read.
 */
public final class DescriptorReferenceChips {

    private DescriptorReferenceChips() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        List<Object[]> chips = new ArrayList<>();
        try (FaceAnalyzer analyzer = new FaceAnalyzer(VisionModels.bundled(), VisionSettings.defaults())) {
            Mat collage = Imgcodecs.imread(BaldGuysCollage.photo().toString());
            for (BaldGuysCollage.Face face : BaldGuysCollage.FACES) {
                Optional<BaldGuysCollage.Located> located = BaldGuysCollage.describe(analyzer, collage, face);
                if (located.isEmpty()) {
                    throw new IllegalStateException("No face found at " + face);
                }
                double[] t = FaceChip.fromMesh(located.get().described().face().mesh().orElseThrow().landmarks());
                // chip transform of the crop -> of the whole collage
                t[2] -= t[0] * located.get().offsetX() + t[1] * located.get().offsetY();
                t[5] -= t[3] * located.get().offsetX() + t[4] * located.get().offsetY();
                chips.add(new Object[] {DebianPhotos.DLIB, "usr/share/doc/libdlib19.1/examples/faces/bald_guys.jpg", t});
            }
            wholePhoto(analyzer, chips, DebianPhotos.MATPLOTLIB,
                    "usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg");
            wholePhoto(analyzer, chips, DebianPhotos.DLIB, "usr/share/doc/libdlib19.1/examples/faces/2008_002506.jpg");
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (int i = 0; i < chips.size(); i++) {
            String debianPackage = (String) chips.get(i)[0];
            String path = (String) chips.get(i)[1];
            double[] transform = (double[]) chips.get(i)[2];
            DescriptorReference.Chip chip = new DescriptorReference.Chip(debianPackage, path, transform, "", null);
            Mat bgr = chip.cut();
            byte[] rgb = DescriptorReference.rgb(bgr);
            bgr.release();
            String file = String.format("chip-%02d.rgb", i);
            Files.write(out.resolve(file), rgb);
            JsonArrayBuilder t = Json.createArrayBuilder();
            for (double v : transform) {
                t.add(v);
            }
            JsonObjectBuilder entry = Json.createObjectBuilder().add("package", debianPackage).add("path", path)
                    .add("transform", t).add("sha256", DescriptorReference.sha256(rgb)).add("rgb", file);
            list.add(entry);
        }
        Files.writeString(out.resolve("chips.json"), Json.createObjectBuilder().add("chips", list).build().toString());
    }

    private static void wholePhoto(FaceAnalyzer analyzer, List<Object[]> chips, String debianPackage, String path) {
        Mat photo = Imgcodecs.imread(DebianPhotos.file(debianPackage, path).toString());
        for (DescribedFace d : analyzer.describe(photo)) {
            FaceMesh mesh = d.face().mesh().orElseThrow();
            chips.add(new Object[] {debianPackage, path, FaceChip.fromMesh(mesh.landmarks())});
        }
        photo.release();
    }
}
