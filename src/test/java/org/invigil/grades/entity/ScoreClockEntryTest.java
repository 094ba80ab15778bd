package org.invigil.grades.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScoreClockEntryTest {

    @Test
    void timestampsIncreaseByWholeSecondsEvenWhenTheClockDoesNot() {
        ScoreClockEntry entry = new ScoreClockEntry("https://lms/li/1", "user");
        Instant now = Instant.parse("2026-11-21T12:00:00.400Z");
        Instant first = entry.next(now);
        Instant second = entry.next(now.plusMillis(300));
        Instant third = entry.next(now.minusSeconds(10));
        assertEquals(Instant.parse("2026-11-21T12:00:00Z"), first);
        assertEquals(first.plusSeconds(1), second);
        assertEquals(second.plusSeconds(1), third);
        assertTrue(entry.next(now.plusSeconds(60)).isAfter(third));
    }
}
