package org.invigil.readiness.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.invigil.web.boundary.RefusalMapper;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void isReadyOnlyOnceTheDatabaseAndTheFaceModelsAreDone() {
        Readiness readiness = new Readiness();
        assertFalse(readiness.ready());
        assertEquals(EnumSet.allOf(Readiness.Part.class), readiness.pending());

        readiness.done(Readiness.Part.VISION);
        assertFalse(readiness.ready(), "the database is not migrated yet");
        assertEquals(EnumSet.of(Readiness.Part.DATABASE), readiness.pending());

        readiness.done(Readiness.Part.DATABASE);
        assertTrue(readiness.ready());
        assertTrue(readiness.pending().isEmpty());
    }

    @Test
    void untilReadyTheAnswerIs503StartingNamingWhatIsAwaited() {
        Readiness readiness = new Readiness();
        readiness.done(Readiness.Part.DATABASE);
        var problem = RefusalMapper.problem(readiness.notYet().orElseThrow());
        assertEquals(503, problem.status());
        assertEquals("starting", problem.code());
        assertTrue(problem.detail().contains("waiting for: vision"), problem.detail());
        assertTrue(problem.detail().contains("try again in 5 seconds"), problem.detail());
        readiness.done(Readiness.Part.VISION);
        assertTrue(readiness.notYet().isEmpty());
    }

    @Test
    void aPartReportedTwiceCountsOnce() {
        Readiness readiness = new Readiness();
        readiness.done(Readiness.Part.DATABASE);
        readiness.done(Readiness.Part.DATABASE);
        assertFalse(readiness.ready());
    }
}
