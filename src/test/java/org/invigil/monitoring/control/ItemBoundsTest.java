package org.invigil.monitoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.invigil.web.boundary.RefusalMapper;
import org.junit.jupiter.api.Test;

class ItemBoundsTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void sequencesAreJavaScriptSafeIntegersFromOne() {
        assertTrue(ItemBounds.isSequence(1));
        assertTrue(ItemBounds.isSequence(9_007_199_254_740_991L));
        assertFalse(ItemBounds.isSequence(9_007_199_254_740_992L));
        assertFalse(ItemBounds.isSequence(0));
        assertFalse(ItemBounds.isSequence(-1));
        assertFalse(ItemBounds.isSequence(5_076_944_270_305_263_616L), "10^30 truncated to a long is still refused");
        MonitoringRefused refused = assertThrows(MonitoringRefused.class, () -> ItemBounds.requireSequence(0));
        assertEquals(400, RefusalMapper.problem(refused).status());
        assertEquals("sequence_invalid", RefusalMapper.problem(refused).code());
    }

    @Test
    void aClaimedTimeIsKeptInTheAttemptsWindowAndOtherwiseIsNow() {
        assertEquals(NOW.minusSeconds(600), ItemBounds.capturedAt(NOW.minusSeconds(600), NOW));
        assertEquals(NOW.minus(Duration.ofHours(24)), ItemBounds.capturedAt(NOW.minus(Duration.ofHours(24)), NOW));
        assertEquals(NOW, ItemBounds.capturedAt(NOW.minus(Duration.ofHours(24)).minusMillis(1), NOW));
        assertEquals(NOW, ItemBounds.capturedAt(NOW.minus(Duration.ofDays(30)), NOW));
        assertEquals(NOW.plusSeconds(60), ItemBounds.capturedAt(NOW.plusSeconds(60), NOW));
        assertEquals(NOW, ItemBounds.capturedAt(NOW.plusSeconds(61), NOW));
        assertEquals(NOW, ItemBounds.capturedAt(Instant.MIN, NOW));
        assertEquals(NOW, ItemBounds.capturedAt(Instant.MAX, NOW));
    }

    @Test
    void onlyYearsOneTo9999CanBeNamed() {
        assertTrue(ItemBounds.isNameable(Instant.parse("0001-01-01T00:00:00Z")));
        assertTrue(ItemBounds.isNameable(Instant.parse("9999-12-31T23:59:59.999Z")));
        assertFalse(ItemBounds.isNameable(Instant.parse("0000-12-31T23:59:59Z")));
        assertFalse(ItemBounds.isNameable(Instant.parse("-999999999-01-01T00:00:00Z")));
        assertFalse(ItemBounds.isNameable(Instant.parse("+10000-01-01T00:00:00Z")));
        assertFalse(ItemBounds.isNameable(Instant.MIN));
        assertFalse(ItemBounds.isNameable(Instant.MAX));
    }
}
