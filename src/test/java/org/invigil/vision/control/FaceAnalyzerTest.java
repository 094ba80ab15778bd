package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.invigil.vision.DebianPhotos;
import org.invigil.vision.TestEngine;
import org.invigil.vision.entity.Face;
import org.invigil.vision.entity.FrameAnalysis;
import org.invigil.vision.entity.HeadPose;
import org.invigil.vision.entity.ImagePoint;
import org.invigil.vision.entity.ModelVersion;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;

class FaceAnalyzerTest {

    private static FrameAnalysis analyse(Path photo) {
        Mat image = TestEngine.read(photo);
        byte[] jpeg = TestEngine.jpeg(image, 92);
        image.release();
        return TestEngine.analyzer().analyse(jpeg);
    }

    @Test
    void findsNoFaceInPhotosWithoutPeople() {
        List<Path> photos = List.of(DebianPhotos.dlibFaces().resolve("dogs.jpg"), DebianPhotos.skimageData("coffee.png"),
                DebianPhotos.skimageData("chelsea.png"));
        for (Path photo : photos) {
            FrameAnalysis analysis = analyse(photo);
            System.out.printf("vision: no-face photo %s: %d faces%n", photo.getFileName(), analysis.faceCount());
            assertEquals(0, analysis.faceCount(), photo.getFileName() + " " + analysis.faces());
        }
    }

    @Test
    void findsExactlyOneFaceInPortraits() {
        List<Path> photos = List.of(DebianPhotos.graceHopper(), DebianPhotos.skimageData("astronaut.png"),
                DebianPhotos.dlibFaces().resolve("Tom_Cruise_avp_2014_4.jpg"));
        for (Path photo : photos) {
            FrameAnalysis analysis = analyse(photo);
            Face face = analysis.faces().get(0);
            System.out.printf("vision: portrait %s: %d faces, confidence %.2f, pose %s, eye aspect ratio %.2f/%.2f%n",
                    photo.getFileName(), analysis.faceCount(), face.confidence(), face.pose().orElse(null),
                    face.eyes().orElseThrow().left(), face.eyes().orElseThrow().right());
            assertEquals(1, analysis.faceCount(), photo.getFileName().toString());
            assertEquals(468, face.mesh().orElseThrow().landmarks().size());
            // open eyes in all three portraits
            assertTrue(face.eyes().orElseThrow().mean() > 0.18, "eyes " + face.eyes());
            assertTrue(Math.abs(face.pose().orElseThrow().yaw()) < 20, "a portrait faces the camera: " + face.pose());
        }
    }

    @Test
    void namesTheModelsBehindTheResult() {
        FrameAnalysis analysis = analyse(DebianPhotos.graceHopper());
        List<String> names = analysis.models().stream().map(ModelVersion::name).toList();
        assertEquals(List.of("face_detection_full_range", "face_landmark"), names);
        assertTrue(analysis.models().stream().allMatch(m -> m.version().startsWith("0.4.")), analysis.models()
                .toString());
    }

    /** Mirroring a photo mirrors each head: yaw changes sign (faces turned at least 15 degrees, all meshed). */
    @Test
    void yawChangesSignUnderMirroring() throws Exception {
        List<String> checked = new ArrayList<>();
        int turned = 0;
        try (FaceAnalyzer everyFace = new FaceAnalyzer(TestEngine.models(),
                VisionSettings.defaults().withMesh(50, 0.5))) {
            for (GroupPhotoTruth photo : GroupPhotoTruth.load()) {
                Mat image = TestEngine.read(photo.photo());
                Mat mirrored = new Mat();
                Core.flip(image, mirrored, 1);
                FrameAnalysis a = everyFace.analyse(image);
                FrameAnalysis b = everyFace.analyse(mirrored);
                for (Face face : a.faces()) {
                    if (face.pose().isEmpty() || Math.abs(face.pose().get().yaw()) < 15) {
                        continue;
                    }
                    ImagePoint c = face.box().centre().mirrored(image.cols());
                    Face twin = b.faces().stream().filter(f -> f.pose().isPresent()).min((x, y) -> Double
                            .compare(x.box().centre().distanceTo(c), y.box().centre().distanceTo(c))).orElseThrow();
                    HeadPose p = face.pose().get();
                    HeadPose q = twin.pose().orElseThrow();
                    checked.add(String.format("%s yaw %+.1f/%+.1f", photo.photo().getFileName(), p.yaw(), q.yaw()));
                    assertTrue(twin.box().centre().distanceTo(c) < face.box().width() / 2, "mirrored face not found");
                    assertTrue(Math.signum(p.yaw()) == -Math.signum(q.yaw()), "yaw " + p + " mirrored " + q);
                    turned++;
                }
                image.release();
                mirrored.release();
            }
        }
        System.out.println("vision: yaw under mirroring (original/mirrored): " + checked);
        assertTrue(turned >= 3, "too few turned faces to check: " + turned);
    }
}
