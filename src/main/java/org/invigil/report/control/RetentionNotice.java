package org.invigil.report.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** How long an attempt's evidence pictures are kept, in a sentence with a date. */
public final class RetentionNotice {

    /** When the nightly retention run deletes what is due ({@code org.invigil.monitoring.control.Retention}). */
    static final LocalTime NIGHTLY_RUN = LocalTime.of(2, 41);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private RetentionNotice() {
    }

    /** The day the evidence of an attempt that ended at {@code endedAt} is deleted (UTC). */
    public static LocalDate deletionDay(Instant endedAt, int retentionDays) {
        Instant due = endedAt.plus(Duration.ofDays(retentionDays));
        LocalDate day = LocalDate.ofInstant(due, ZoneOffset.UTC);
        return due.atOffset(ZoneOffset.UTC).toLocalTime().isAfter(NIGHTLY_RUN) ? day.plusDays(1) : day;
    }

    public static String of(Optional<Instant> endedAt, Optional<Instant> purgedAt, int retentionDays) {
        String days = retentionDays == 1 ? "1 day" : retentionDays + " days";
        if (purgedAt.isPresent()) {
            return "Your evidence pictures were deleted on " + DATE.format(LocalDate.ofInstant(purgedAt.get(),
                    ZoneOffset.UTC)) + ", " + days + " after your attempt, as this exam's retention requires. "
                    + "The list of incidents, the result and your responses stay.";
        }
        if (endedAt.isEmpty()) {
            return "Evidence pictures are kept for " + days + " after your attempt ends, then deleted.";
        }
        return "Your evidence pictures are kept for " + days + " after your attempt: they are deleted on "
                + DATE.format(deletionDay(endedAt.get(), retentionDays)) + ". The list of incidents, the result and "
                + "your responses stay.";
    }
}
