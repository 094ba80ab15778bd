package org.invigil.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LivenessChallengeTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Duration WINDOW = Duration.ofSeconds(12);

    @Test
    void onlyTheStepLastGivenTakesFramesAndOnlyWithinItsWindow() {
        LivenessChallenge challenge = new LivenessChallenge("s", List.of("blink", "turn-left", "turn-right"), T0,
                T0.plusSeconds(300));
        assertEquals(0, challenge.currentStep());
        assertEquals(Optional.empty(), challenge.refusal(0, T0.plusSeconds(1), WINDOW));
        assertEquals(Optional.of("not-issued"), challenge.refusal(1, T0.plusSeconds(1), WINDOW));
        assertEquals(Optional.of("not-issued"), challenge.refusal(2, T0.plusSeconds(1), WINDOW));
        assertEquals(Optional.of("closed"), challenge.refusal(0, T0.plusSeconds(13), WINDOW));
        assertTrue(challenge.issueNext(T0.plusSeconds(20)));
        assertEquals("turn-left", challenge.currentAction());
        assertEquals(Optional.of("closed"), challenge.refusal(0, T0.plusSeconds(21), WINDOW));
        assertEquals(Optional.empty(), challenge.refusal(1, T0.plusSeconds(31), WINDOW), "timed from its own issue");
        assertEquals(Optional.of("closed"), challenge.refusal(1, T0.plusSeconds(33), WINDOW));
        assertTrue(challenge.issueNext(T0.plusSeconds(40)));
        assertTrue(challenge.lastStepIssued());
        assertFalse(challenge.issueNext(T0.plusSeconds(41)), "no fourth step");
    }
}
