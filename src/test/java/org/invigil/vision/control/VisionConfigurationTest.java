package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.invigil.vision.entity.SimilarityMetric;
import org.junit.jupiter.api.Test;

class VisionConfigurationTest {

    private static VisionSettings settings(Map<String, String> values) {
        return VisionConfiguration.settings(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void noConfigurationGivesTheDefaults() {
        assertEquals(VisionSettings.defaults(), settings(Map.of()));
    }

    @Test
    void readsEveryKey() {
        VisionSettings s = settings(Map.ofEntries(Map.entry("invigil.vision.detector", "blazeface-short-range"),
                Map.entry("invigil.vision.descriptor", "sface"),
                Map.entry("invigil.vision.descriptor.model", "/models/sface.onnx"),
                Map.entry("invigil.vision.identity.match", "0.4"), Map.entry("invigil.vision.workers", "3"),
                Map.entry("invigil.vision.queue", "5"), Map.entry("invigil.vision.max-wait-ms", "1500"),
                Map.entry("invigil.vision.max-bytes", "1000000"), Map.entry("invigil.vision.max-pixels", "307200"),
                Map.entry("invigil.vision.max-side", "1024"), Map.entry("invigil.vision.mesh-faces", "1")));
        assertEquals(VisionSettings.Detector.BLAZEFACE_SHORT_RANGE, s.detector());
        assertEquals(0.5, s.minDetectionScore());
        assertEquals(VisionSettings.Descriptor.SFACE, s.descriptor());
        assertEquals(Path.of("/models/sface.onnx"), s.sFaceModel());
        assertEquals(SimilarityMetric.COSINE_SIMILARITY, s.identityThresholds().metric());
        assertEquals(0.4, s.identityThresholds().match());
        assertEquals(0.30, s.identityThresholds().review());
        assertEquals(3, s.workers());
        assertEquals(5, s.queueCapacity());
        assertEquals(Duration.ofMillis(1500), s.maxWait());
        assertEquals(1_000_000, s.maxBytes());
        assertEquals(307_200, s.maxPixels());
        assertEquals(1024, s.maxSide());
        assertEquals(1, s.meshFaces());
    }

    @Test
    void namesTheKeyOfABadValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("invigil.vision.workers", "many")));
        assertTrue(e.getMessage().contains("invigil.vision.workers"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> settings(Map.of("invigil.vision.detector", "haar")));
        assertTrue(e.getMessage().contains("invigil.vision.detector"), e.getMessage());
    }

    @Test
    void yuNetNeedsItsModelFile() {
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("invigil.vision.detector", "yunet")));
    }
}
