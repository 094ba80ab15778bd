package org.invigil.report.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionNoticeTest {

    @Test
    void evidenceGoesAtTheNightlyRunAfterTheRetentionPeriod() {
        assertEquals(LocalDate.of(2025, 4, 3), RetentionNotice.deletionDay(Instant.parse("2025-03-03T15:00:00Z"), 30));
        assertEquals(LocalDate.of(2025, 4, 2), RetentionNotice.deletionDay(Instant.parse("2025-03-03T01:00:00Z"), 30));
        assertEquals(LocalDate.of(2025, 3, 5), RetentionNotice.deletionDay(Instant.parse("2025-03-03T02:41:00Z"), 2));
    }

    @Test
    void saysTheDayTheEvidenceIsDeleted() {
        String notice = RetentionNotice.of(Optional.of(Instant.parse("2025-03-03T15:00:00Z")), Optional.empty(), 30);
        assertTrue(notice.contains("kept for 30 days") && notice.contains("deleted on 3 April 2025"), notice);
    }

    @Test
    void saysWhenTheEvidenceWasDeleted() {
        String notice = RetentionNotice.of(Optional.of(Instant.parse("2025-03-03T15:00:00Z")),
                Optional.of(Instant.parse("2025-03-05T02:41:00Z")), 1);
        assertTrue(notice.contains("were deleted on 5 March 2025") && notice.contains("1 day"), notice);
    }

    @Test
    void beforeTheEndSaysHowLong() {
        assertEquals("Evidence pictures are kept for 7 days after your attempt ends, then deleted.",
                RetentionNotice.of(Optional.empty(), Optional.empty(), 7));
    }
}
