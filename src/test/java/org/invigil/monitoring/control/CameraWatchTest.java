package org.invigil.monitoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CameraWatchTest {

    static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
    static final Duration QUIET = CameraWatch.quietLimit(5);

    @Test
    void theQuietLimitIsThreeFrameIntervalsAndAHeartbeatWindow() {
        assertEquals(Duration.ofSeconds(30), QUIET);
    }

    @Test
    void noPictureWhileTheMonitorStillBeatsIsACameraOff() {
        assertTrue(CameraWatch.isCameraOff(NOW.minusSeconds(31), Optional.of(NOW.minusSeconds(10)), NOW, QUIET));
    }

    @Test
    void aPictureWithinTheLimitIsNoCameraOff() {
        assertFalse(CameraWatch.isCameraOff(NOW.minusSeconds(30), Optional.of(NOW.minusSeconds(1)), NOW, QUIET));
    }

    @Test
    void aMonitorSilentAltogetherIsAGapInMonitoringNotACameraOff() {
        assertFalse(CameraWatch.isCameraOff(NOW.minusSeconds(120), Optional.of(NOW.minusSeconds(31)), NOW, QUIET));
        assertFalse(CameraWatch.isCameraOff(NOW.minusSeconds(120), Optional.empty(), NOW, QUIET));
    }
}
