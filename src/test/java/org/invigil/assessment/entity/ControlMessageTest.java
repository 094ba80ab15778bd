package org.invigil.assessment.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.invigil.assessment.entity.ControlMessage.Action;
import org.junit.jupiter.api.Test;

class ControlMessageTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aRefusedMessageIsNeverClaimedAgainAFailedOneAfterItsBackOff() {
        ControlMessage refused = new ControlMessage("s", Action.PAUSE, T0, Optional.empty(), Optional.empty(),
                Optional.of("fire alarm"), T0);
        assertTrue(refused.claim(T0, Duration.ofSeconds(15)));
        refused.refused("400 unknown attempt");
        assertFalse(refused.claim(T0.plus(Duration.ofDays(1)), Duration.ofSeconds(15)));
        assertFalse(refused.pending());

        ControlMessage failed = new ControlMessage("s", Action.TERMINATE, T0, Optional.of(0.1), Optional.of("1"),
                Optional.empty(), T0);
        assertTrue(failed.claim(T0, Duration.ofSeconds(15)));
        failed.failed(T0, "503");
        assertFalse(failed.claim(T0.plusSeconds(4), Duration.ofSeconds(15)), "5 s back-off");
        assertTrue(failed.claim(T0.plusSeconds(5), Duration.ofSeconds(15)));
        failed.delivered(T0.plusSeconds(6), "terminated");
        assertEquals(Optional.of("terminated"), failed.answeredStatus());
        assertFalse(failed.pending());
    }

    @Test
    void severityIsBetweenZeroAndOne() {
        assertThrows(IllegalArgumentException.class, () -> new ControlMessage("s", Action.FLAG, T0,
                Optional.of(1.5), Optional.empty(), Optional.empty(), T0));
        assertThrows(IllegalArgumentException.class, () -> new ControlMessage("s", Action.FLAG, T0,
                Optional.of(Double.NaN), Optional.empty(), Optional.empty(), T0));
    }

    @Test
    void theSameOutcomeAgainIsARepeatAChangedOneIsNot() {
        ControlMessage outcome = new ControlMessage("s", Action.TERMINATE, T0, Optional.of(0.1), Optional.of("1"),
                Optional.of("Integrity 90/100"), T0);
        assertTrue(outcome.repeats(Action.TERMINATE, Optional.of(0.1), Optional.of("Integrity 90/100")));
        assertFalse(outcome.repeats(Action.TERMINATE, Optional.of(0.6), Optional.of("Integrity 60/100")));
        assertFalse(outcome.repeats(Action.PAUSE, Optional.of(0.1), Optional.of("Integrity 90/100")));
        assertEquals("terminate", Action.TERMINATE.word());
    }
}
