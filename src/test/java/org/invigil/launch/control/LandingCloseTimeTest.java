package org.invigil.launch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a launch's close-time custom parameter may hold, and what Invigil takes from it. */
class LandingCloseTimeTest {

    static final Instant NOW = Instant.parse("2026-12-07T14:00:00Z");

    @Test
    void aSubstitutedDateAheadIsTheStudentsCloseTime() {
        assertEquals(Optional.of(Instant.parse("2026-12-07T15:30:00Z")),
                Landing.closeTime("2026-12-07T15:30:00.000Z", NOW));
        assertEquals(Optional.of(Instant.parse("2026-12-07T15:30:00Z")),
                Landing.closeTime("2026-12-07T16:30:00+01:00", NOW));
    }

    @Test
    void theVariableItselfAnEmptyValueOrNonsenseIsNoCloseTime() {
        assertEquals(Optional.empty(), Landing.closeTime("$ResourceLink.available.endDateTime", NOW));
        assertEquals(Optional.empty(), Landing.closeTime("", NOW));
        assertEquals(Optional.empty(), Landing.closeTime(null, NOW));
        assertEquals(Optional.empty(), Landing.closeTime("tomorrow", NOW));
    }

    @Test
    void aDateAlreadyPastIsIgnoredRatherThanEndingTheAttemptJustLetIn() {
        assertEquals(Optional.empty(), Landing.closeTime("2026-12-07T13:59:59Z", NOW));
    }
}
