package org.invigil.monitoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.invigil.monitoring.entity.Observation;
import org.invigil.vision.entity.Box;
import org.invigil.vision.entity.CaptureQuality;
import org.invigil.vision.entity.Face;
import org.invigil.vision.entity.FaceDetection;
import org.invigil.vision.entity.FrameAnalysis;
import org.invigil.vision.entity.FrameFingerprint;
import org.junit.jupiter.api.Test;

class ObservationsTest {

    static final Instant AT = Instant.parse("2025-03-03T09:00:00Z");

    static FrameAnalysis frame(CaptureQuality quality, Face... faces) {
        return new FrameAnalysis(640, 480, List.of(faces), quality, List.of());
    }

    static Face face(double confidence) {
        return new Face(new FaceDetection(new Box(100, 100, 80, 80), confidence, List.of()), Optional.empty());
    }

    @Test
    void keepsWhatTheFrameRulesReadOfAnAnalysis() {
        CaptureQuality quality = new CaptureQuality(120, 45, 80, new FrameFingerprint(11, 22));
        Observation o = Observations.observation("session-1", 7, AT, frame(quality, face(0.9), face(0.7)),
                Optional.empty());
        assertEquals(2, o.faceCount());
        assertEquals(Optional.of(0.7), o.minFaceConfidence());
        assertEquals(120, o.brightness());
        assertEquals(45, o.contrast());
        assertEquals(80, o.sharpness());
        assertEquals(11, o.fingerprintExact());
        assertEquals(22, o.fingerprintPerceptual());
        assertEquals(Optional.empty(), o.identityVerdict());
        assertTrue(FrameRules.usable(o));
    }

    @Test
    void aDarkFrameWithoutFaceIsDarkNotUsable() {
        CaptureQuality quality = new CaptureQuality(30, 30, 40, new FrameFingerprint(1, 2));
        Observation o = Observations.observation("session-1", 1, AT, frame(quality), Optional.empty());
        assertEquals(0, o.faceCount());
        assertEquals(Optional.empty(), o.minFaceConfidence());
        assertTrue(FrameRules.dark(o));
        assertFalse(FrameRules.usable(o));
    }
}
