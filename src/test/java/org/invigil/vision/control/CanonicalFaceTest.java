package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.invigil.vision.TestEngine;
import org.junit.jupiter.api.Test;

class CanonicalFaceTest {

    @Test
    void readsTheCanonicalFaceOfFaceMesh() {
        CanonicalFace face = TestEngine.models().canonicalFace();
        double[] v = face.vertices();
        assertEquals(468, face.size());
        // outer eye corners 33 and 263 mirror each other; the vertex nearest the camera is on the midline (nose)
        assertEquals(-v[3 * 33], v[3 * 263], 1e-4);
        assertEquals(v[3 * 33 + 1], v[3 * 263 + 1], 1e-4);
        assertTrue(v[3 * 33] < 0, "the person's right eye is on the image's left");
        int nearest = 0;
        for (int i = 0; i < 468; i++) {
            nearest = v[3 * i + 2] > v[3 * nearest + 2] ? i : nearest;
        }
        assertEquals(0, v[3 * nearest], 1e-4, "vertex " + nearest);
        assertTrue(v[3 * nearest + 2] > v[3 * 33 + 2] + 3, "the nose stands out in front of the eyes");
    }
}
