package org.invigil.integrity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboxEntryTest {

    static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
    static final Duration HOLD = Duration.ofSeconds(30);

    static OutboxEntry entry(String comment) {
        return new OutboxEntry("exam-1", "session-1", "user-1", "integrity", 87.0, 100.0, comment, "Completed",
                "PendingManual", T0);
    }

    static OutboxEntry entry() {
        return entry("Integrity score 87");
    }

    @Test
    void aNewEntryIsDueAtOnce() {
        OutboxEntry entry = entry();
        assertEquals(T0, entry.dueAt());
        assertEquals(0, entry.attempts());
        assertTrue(entry.claim(T0, HOLD));
    }

    @Test
    void aClaimHeldByAnotherNodeIsRefusedUntilItsHoldRunsOut() {
        OutboxEntry entry = entry();
        assertTrue(entry.claim(T0, HOLD));
        assertFalse(entry.claim(T0.plusSeconds(1), HOLD), "another node, while held");
        assertFalse(entry.claim(T0.plus(HOLD).minusMillis(1), HOLD), "another node, just before the hold ends");
        assertTrue(entry.claim(T0.plus(HOLD), HOLD), "the holder died: the entry is free again");
    }

    @Test
    void aDeliveredEntryIsNeverClaimedAgain() {
        OutboxEntry entry = entry();
        entry.claim(T0, HOLD);
        entry.delivered(T0.plusSeconds(2));
        assertEquals(Optional.of(T0.plusSeconds(2)), entry.deliveredAt());
        assertFalse(entry.claim(T0.plusSeconds(3), HOLD));
        assertFalse(entry.claim(T0.plus(Duration.ofDays(30)), HOLD));
    }

    @Test
    void aSupersededEntryIsNeverClaimed() {
        OutboxEntry entry = entry();
        entry.supersede();
        assertFalse(entry.claim(T0, HOLD));
        assertFalse(entry.claim(T0.plus(Duration.ofDays(30)), HOLD));
    }

    @Test
    void aSupersededEntryIsNotClaimedEvenAfterAFailure() {
        OutboxEntry entry = entry();
        entry.claim(T0, HOLD);
        entry.supersede();
        entry.failed(T0.plusSeconds(1), "HTTP 503", true);
        assertFalse(entry.claim(T0.plus(Duration.ofHours(2)), HOLD));
    }

    @Test
    void supersedingADeliveredEntryChangesNothing() {
        OutboxEntry entry = entry();
        entry.claim(T0, HOLD);
        entry.delivered(T0.plusSeconds(1));
        entry.supersede();
        assertEquals(Optional.of(T0.plusSeconds(1)), entry.deliveredAt());
    }

    @Test
    void failuresBackOffFromFiveSecondsDoublingUpToAnHour() {
        OutboxEntry entry = entry();
        Instant now = T0;
        Duration expected = Duration.ofSeconds(5);
        boolean capped = false;
        for (int attempt = 1; attempt <= 40; attempt++) {
            assertTrue(entry.claim(now, HOLD), "attempt " + attempt);
            Instant failedAt = now.plusSeconds(1);
            entry.failed(failedAt, "HTTP 503", true);
            assertEquals(attempt, entry.attempts());
            assertEquals(expected, Duration.between(failedAt, entry.dueAt()), "wait after attempt " + attempt);
            assertFalse(entry.claim(entry.dueAt().minusMillis(1), HOLD), "not before it is due");
            now = entry.dueAt();
            capped |= expected.equals(Duration.ofHours(1));
            expected = expected.multipliedBy(2);
            if (expected.compareTo(Duration.ofHours(1)) > 0) {
                expected = Duration.ofHours(1);
            }
        }
        assertTrue(capped, "the wait reached the one-hour cap");
    }

    @Test
    void aFailureReleasesTheClaimAtOnce() {
        OutboxEntry entry = entry();
        assertTrue(entry.claim(T0, Duration.ofMinutes(10)));
        entry.failed(T0.plusSeconds(1), "timeout", false);
        assertTrue(entry.claim(entry.dueAt(), HOLD), "due again after the back-off, not after the ten-minute hold");
    }

    @Test
    void theLastErrorIsKeptShortAndClearedOnDelivery() {
        OutboxEntry entry = entry();
        entry.claim(T0, HOLD);
        entry.failed(T0, "x".repeat(5000), false);
        String error = entry.lastError().orElseThrow();
        assertTrue(error.length() <= 1000, String.valueOf(error.length()));
        assertTrue(error.startsWith("xxx"));
        entry.claim(entry.dueAt(), HOLD);
        entry.delivered(entry.dueAt());
        assertEquals(Optional.empty(), entry.lastError());
    }

    @Test
    void aShortErrorIsKeptAsItIs() {
        OutboxEntry entry = entry();
        entry.failed(T0, "HTTP 401 invalid_token", true);
        assertEquals(Optional.of("HTTP 401 invalid_token"), entry.lastError());
    }

    @Test
    void longCommentsAreShortenedToFitTheGradebook() {
        assertTrue(entry("c".repeat(10_000)).comment().orElseThrow().length() <= 4000);
        String exact = "c".repeat(4000);
        assertEquals(Optional.of(exact), entry(exact).comment());
        assertEquals(Optional.empty(), entry(null).comment());
    }

    @Test
    void theScoreTimestampIsFixedOnceAndRepostsCarryIt() {
        OutboxEntry entry = entry();
        assertEquals(Optional.empty(), entry.scoreTimestamp());
        Instant first = T0.plusSeconds(3);
        assertEquals(first, entry.stamp(first));
        assertEquals(first, entry.stamp(T0.plusSeconds(60)), "a second stamp does not move it");
        entry.failed(T0.plusSeconds(4), "the LMS did not answer within 10 s", false);
        assertEquals(Optional.of(first), entry.scoreTimestamp(), "no answer: the post may have arrived, same timestamp");
    }

    @Test
    void aRefusalReleasesTheTimestampForANewerOne() {
        OutboxEntry entry = entry();
        entry.stamp(T0.plusSeconds(3));
        entry.failed(T0.plusSeconds(4), "HTTP 503", true);
        assertEquals(Optional.empty(), entry.scoreTimestamp(), "the LMS did not take it: the next post may be newer");
        assertEquals(T0.plusSeconds(20), entry.stamp(T0.plusSeconds(20)));
    }
}
