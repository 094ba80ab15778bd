package org.invigil.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.invigil.exam.entity.Check;
import org.junit.jupiter.api.Test;

class AccommodationsTest {

    @Test
    void aFirstAccommodationNamesTheChecksOffAndTheNote() {
        assertEquals("student 63: identity, liveness off; note: Identity checked in person.",
                Accommodations.describe("63", null, EnumSet.of(Check.LIVENESS, Check.IDENTITY), 0,
                        " Identity checked in person. "));
    }

    @Test
    void aChangeSaysWhatItWasBefore() {
        assertEquals("student 63: every check on (was: head-pose off)",
                Accommodations.describe("63", "head-pose off", Set.of(), 0, null));
    }

    @Test
    void extraTimeIsNamedWithItsMinutes() {
        assertEquals("student 64: audio off, 30 min extra time (was: every check on)",
                Accommodations.describe("64", "every check on", EnumSet.of(Check.AUDIO), 30, null));
    }
}
