package org.invigil.assessment.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandoffTest {

    static Handoff.Launch launch(int attempt, String sessionData, Optional<String> acs, Set<String> actions) {
        return new Handoff.Launch("dep-1", "link-7", Optional.of("Final"), Optional.empty(), attempt,
                Optional.ofNullable(sessionData), "https://lms.example/start", acs, actions);
    }

    @Test
    void controlsOnlyTheActionsThePlatformOffered() {
        Handoff edx = new Handoff("s-1", "p-1", launch(1, "sd", Optional.of("https://lms.example/acs"),
                Set.of("terminate")), Instant.EPOCH);
        assertTrue(edx.controls("terminate"));
        assertFalse(edx.controls("pause"), "Open edX takes terminate only");
        Handoff none = new Handoff("s-2", "p-1", launch(1, "sd", Optional.empty(), Set.of()), Instant.EPOCH);
        assertFalse(none.controls("terminate"), "no control service offered");
    }

    @Test
    void aRelaunchOfTheAttemptReplacesWhatThePlatformSentButKeepsTheFirstHandBack() {
        Handoff handoff = new Handoff("s-1", "p-1", launch(1, "first", Optional.empty(), Set.of()), Instant.EPOCH);
        handoff.handedBack(Instant.ofEpochSecond(10));
        handoff.relaunched(launch(1, "second", Optional.of("https://lms.example/acs"), Set.of("pause", "resume")),
                Instant.ofEpochSecond(20));
        handoff.handedBack(Instant.ofEpochSecond(30));
        assertEquals(Optional.of("second"), handoff.sessionData());
        assertEquals(Set.of("pause", "resume"), handoff.controlActions());
        assertEquals(Optional.of(Instant.ofEpochSecond(10)), handoff.handedBackAt());
    }

    @Test
    void refusesAddressesThatAreNotHttpAndOversizedSessionData() {
        assertThrows(IllegalArgumentException.class, () -> new Handoff.Launch("d", "l", Optional.empty(),
                Optional.empty(), 1, Optional.of("sd"), "javascript:alert(1)", Optional.empty(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> launch(1, "sd", Optional.of("file:///etc/passwd"),
                Set.of("terminate")));
        assertThrows(IllegalArgumentException.class, () -> launch(1, "x".repeat(Handoff.MAX_SESSION_DATA + 1),
                Optional.empty(), Set.of()));
    }
}
