package org.invigil.vision.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void intersectionOverUnion() {
        Box a = new Box(0, 0, 10, 10);
        assertEquals(1, a.intersectionOverUnion(new Box(0, 0, 10, 10)), 1e-12);
        assertEquals(0, a.intersectionOverUnion(new Box(20, 20, 5, 5)), 1e-12);
        assertEquals(25.0 / 175, a.intersectionOverUnion(new Box(5, 5, 10, 10)), 1e-12);
    }

    @Test
    void rejectsNegativeSizes() {
        assertThrows(IllegalArgumentException.class, () -> new Box(0, 0, -1, 5));
        assertThrows(IllegalArgumentException.class, () -> new Box(0, 0, Double.NaN, 5));
    }

    @Test
    void mirrorsPoints() {
        assertEquals(new ImagePoint(90, 7), new ImagePoint(10, 7).mirrored(100));
    }
}
