package org.invigil.vision.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FaceDescriptorTest {

    private static final ModelVersion MODEL = new ModelVersion("m", "1", "test", "MIT");

    @Test
    void measuresDistanceAndCosine() {
        FaceDescriptor a = new FaceDescriptor(new float[] {3, 0}, MODEL);
        FaceDescriptor b = new FaceDescriptor(new float[] {0, 4}, MODEL);
        assertEquals(5, a.distanceTo(b), 1e-9);
        assertEquals(0, a.similarityTo(b), 1e-9);
        assertEquals(1, a.similarityTo(new FaceDescriptor(new float[] {6, 0}, MODEL)), 1e-9);
        assertEquals(5, a.score(b, SimilarityMetric.EUCLIDEAN_DISTANCE), 1e-9);
    }

    @Test
    void refusesToCompareDescriptorsOfDifferentModels() {
        FaceDescriptor a = new FaceDescriptor(new float[] {1, 0}, MODEL);
        FaceDescriptor b = new FaceDescriptor(new float[] {1, 0}, new ModelVersion("other", "1", "test", "MIT"));
        assertThrows(IllegalArgumentException.class, () -> a.distanceTo(b));
        assertThrows(IllegalArgumentException.class, () -> a.similarityTo(b));
    }

    @Test
    void keepsItsValuesToItself() {
        float[] values = {1, 2};
        FaceDescriptor d = new FaceDescriptor(values, MODEL);
        values[0] = 9;
        d.values()[1] = 9;
        assertEquals(new FaceDescriptor(new float[] {1, 2}, MODEL), d);
    }
}
