package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.invigil.vision.TestEngine;
import org.invigil.vision.entity.FaceDescriptor;
import org.invigil.vision.entity.ModelVersion;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/**
 * The rebuilt ONNX graph against the JavaScript reference: face-api's FaceRecognitionNet run under Node on the same
 * chips (fixture generated once by {@code src/test/node/regenerate-dlib-reference.sh}).
 */
class DlibResNetDescriptorTest {

    @Test
    void matchesTheJavaScriptReferenceOnEveryChip() throws IOException {
        VisionModels models = TestEngine.models();
        DlibResNetDescriptor descriptor = new DlibResNetDescriptor(models.dlibResNetOnnx(), models.dlibResNetVersion());
        ModelVersion reference = new ModelVersion("reference", "js", "fixture", "MIT");
        List<DescriptorReference.Chip> chips = DescriptorReference.load();
        assertTrue(chips.size() >= 20, "the fixture has " + chips.size() + " chips");
        List<String> mismatched = new ArrayList<>();
        double min = 1;
        double sum = 0;
        double maxDifference = 0;
        for (DescriptorReference.Chip chip : chips) {
            Mat bgr = chip.cut();
            String sha = DescriptorReference.sha256(DescriptorReference.rgb(bgr));
            assertEquals(chip.sha256(), sha, "chip of " + chip.path() + " has other pixels than the reference saw; "
                    + "regenerate the fixture if the photo or OpenCV changed");
            float[] ours = descriptor.describeChip(bgr).values();
            bgr.release();
            double cosine = new FaceDescriptor(ours, reference)
                    .similarityTo(new FaceDescriptor(chip.descriptor(), reference));
            for (int i = 0; i < ours.length; i++) {
                maxDifference = Math.max(maxDifference, Math.abs(ours[i] - chip.descriptor()[i]));
            }
            min = Math.min(min, cosine);
            sum += cosine;
            if (cosine < 0.999) {
                mismatched.add(chip.path() + " cosine " + cosine);
            }
        }
        System.out.printf("vision: dlib descriptor vs face-api (JavaScript) on %d chips: cosine min %.7f mean %.7f, "
                + "largest component difference %.2e%n", chips.size(), min, sum / chips.size(), maxDifference);
        assertTrue(mismatched.isEmpty(), "chips below cosine 0.999: " + mismatched);
    }

    @Test
    void describesWith128Dimensions() {
        VisionModels models = TestEngine.models();
        DlibResNetDescriptor descriptor = new DlibResNetDescriptor(models.dlibResNetOnnx(), models.dlibResNetVersion());
        Mat grey = new Mat(150, 150, org.opencv.core.CvType.CV_8UC3, new org.opencv.core.Scalar(128, 128, 128));
        FaceDescriptor d = descriptor.describeChip(grey);
        assertEquals(128, d.dimensions());
        assertEquals("dlib_face_recognition_resnet_model_v1", d.model().name());
    }
}
