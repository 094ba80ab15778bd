package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.invigil.vision.BaldGuysCollage;
import org.invigil.vision.TestEngine;
import org.invigil.vision.entity.FaceDescriptor;
import org.invigil.vision.entity.IdentityVerdict;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/** Identity on dlib's bald_guys collage: 4 people x 6 photos, 60 same-person and 216 different-person pairs. */
class IdentityAccuracyTest {

    @Test
    void separatesTheFourPeopleOfTheCollage() {
        Mat collage = TestEngine.read(BaldGuysCollage.photo());
        List<FaceDescriptor> descriptors = new ArrayList<>();
        List<String> people = new ArrayList<>();
        for (BaldGuysCollage.Face face : BaldGuysCollage.FACES) {
            BaldGuysCollage.Located located = BaldGuysCollage.describe(TestEngine.analyzer(), collage, face)
                    .orElseThrow(() -> new AssertionError("no face found at " + face));
            descriptors.add(located.described().descriptor());
            people.add(face.person());
        }
        collage.release();
        IdentityThresholds thresholds = IdentityThresholds.DLIB_RESNET;
        List<Double> same = new ArrayList<>();
        List<Double> different = new ArrayList<>();
        int[][] verdicts = new int[2][IdentityVerdict.values().length];
        for (int i = 0; i < descriptors.size(); i++) {
            for (int j = i + 1; j < descriptors.size(); j++) {
                double score = thresholds.compare(descriptors.get(i), descriptors.get(j)).score();
                boolean samePerson = people.get(i).equals(people.get(j));
                (samePerson ? same : different).add(score);
                verdicts[samePerson ? 0 : 1][thresholds.verdict(score).ordinal()]++;
            }
        }
        int rankOne = 0;
        for (int i = 0; i < descriptors.size(); i++) {
            int nearest = -1;
            double best = Double.MAX_VALUE;
            for (int j = 0; j < descriptors.size(); j++) {
                double d = descriptors.get(i).distanceTo(descriptors.get(j));
                if (j != i && d < best) {
                    best = d;
                    nearest = j;
                }
            }
            rankOne += people.get(nearest).equals(people.get(i)) ? 1 : 0;
        }
        Collections.sort(same);
        Collections.sort(different);
        System.out.printf("vision: identity on bald_guys (dlib ResNet, Euclidean distance): same-person n=%d min %.3f "
                + "median %.3f p90 %.3f max %.3f; different-person n=%d min %.3f p10 %.3f median %.3f max %.3f; "
                + "rank-1 %d/%d%n", same.size(), same.get(0), same.get(same.size() / 2), same.get(same.size() * 9 / 10),
                same.get(same.size() - 1), different.size(), different.get(0), different.get(different.size() / 10),
                different.get(different.size() / 2), different.get(different.size() - 1), rankOne, descriptors.size());
        System.out.printf("vision: verdicts at match <= %.2f, review <= %.2f: same-person %d match / %d review / %d "
                + "no match; different-person %d match / %d review / %d no match%n", thresholds.match(),
                thresholds.review(), verdicts[0][0], verdicts[0][1], verdicts[0][2], verdicts[1][0], verdicts[1][1],
                verdicts[1][2]);
        assertEquals(60, same.size());
        assertEquals(216, different.size());
        assertEquals(0, verdicts[1][IdentityVerdict.MATCH.ordinal()], "different people must never match");
        assertEquals(0, verdicts[0][IdentityVerdict.NO_MATCH.ordinal()], "the same person must never be rejected");
        assertTrue(verdicts[0][IdentityVerdict.MATCH.ordinal()] >= 45, "most same-person pairs match");
        assertEquals(descriptors.size(), rankOne, "each face's nearest neighbour is the same person");
    }
}
