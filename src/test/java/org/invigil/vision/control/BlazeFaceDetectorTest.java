package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.invigil.vision.TestEngine;
import org.invigil.vision.entity.Box;
import org.invigil.vision.entity.FaceDetection;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class BlazeFaceDetectorTest {

    /** Detections count as finding a ground-truth face when they overlap it with IoU of at least this. */
    private static final double MATCH_IOU = 0.3;

    @Test
    void generatesMediaPipesAnchorLayouts() {
        assertEquals(896, BlazeFaceDetector.anchors(BlazeFaceDetector.Variant.SHORT_RANGE).length);
        assertEquals(2304, BlazeFaceDetector.anchors(BlazeFaceDetector.Variant.FULL_RANGE).length);
        float[] first = BlazeFaceDetector.anchors(BlazeFaceDetector.Variant.SHORT_RANGE)[0];
        assertEquals(0.5f / 16, first[0], 1e-6);
        assertEquals(0.5f / 16, first[1], 1e-6);
    }

    /** Recall and precision on dlib's 9 annotated group photos (43 faces, 37-109 pixels wide). */
    @Test
    void findsTheFacesOfTheGroupPhotos() throws Exception {
        Score full = score(BlazeFaceDetector.Variant.FULL_RANGE);
        Score shortRange = score(BlazeFaceDetector.Variant.SHORT_RANGE);
        full.print("full range (default)");
        shortRange.print("short range");
        assertTrue(full.recall(40) >= 0.9, "recall for faces >= 40 px: " + full.recall(40));
        assertTrue(full.recall(0) >= 0.9, "recall for all faces: " + full.recall(0));
        assertTrue(full.precision() >= 0.9, "precision: " + full.precision());
        assertTrue(shortRange.recall(60) >= 0.9, "short range recall for faces >= 60 px: " + shortRange.recall(60));
    }

    private static Score score(BlazeFaceDetector.Variant variant) throws Exception {
        VisionModels models = TestEngine.models();
        Score score = new Score();
        try (BlazeFaceDetector detector = new BlazeFaceDetector(variant, models.faceDetection(variant),
                models.faceDetectionVersion(variant), variant.defaultMinScore())) {
            for (GroupPhotoTruth photo : GroupPhotoTruth.load()) {
                Mat image = TestEngine.read(photo.photo());
                List<FaceDetection> found = detector.detect(image);
                image.release();
                boolean[] used = new boolean[found.size()];
                for (Box truth : photo.faces()) {
                    int best = -1;
                    double bestIou = MATCH_IOU;
                    for (int i = 0; i < found.size(); i++) {
                        double iou = truth.intersectionOverUnion(found.get(i).box());
                        if (!used[i] && iou >= bestIou) {
                            bestIou = iou;
                            best = i;
                        }
                    }
                    score.truth(truth.width(), best >= 0);
                    if (best >= 0) {
                        used[best] = true;
                    }
                }
                for (boolean u : used) {
                    score.detection(u);
                }
            }
        }
        return score;
    }

    private static final class Score {
        private final java.util.List<double[]> truths = new java.util.ArrayList<>();
        private int truePositives;
        private int falsePositives;

        void truth(double width, boolean found) {
            truths.add(new double[] {width, found ? 1 : 0});
        }

        void detection(boolean matched) {
            if (matched) {
                truePositives++;
            } else {
                falsePositives++;
            }
        }

        double recall(double minWidth) {
            long total = truths.stream().filter(t -> t[0] >= minWidth).count();
            long found = truths.stream().filter(t -> t[0] >= minWidth && t[1] == 1).count();
            return total == 0 ? 0 : (double) found / total;
        }

        long count(double minWidth) {
            return truths.stream().filter(t -> t[0] >= minWidth).count();
        }

        double precision() {
            return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        void print(String name) {
            System.out.printf("vision: BlazeFace %s on dlib group photos: recall %.3f (%d faces), recall >= 40 px %.3f "
                    + "(%d faces), precision %.3f (%d false detections)%n", name, recall(0), count(0), recall(40),
                    count(40), precision(), falsePositives);
        }
    }
}
