package org.invigil.monitoring.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The ranges a client's items (frames and events) must stay within, and the one rule that places a claimed time in
 * the attempt's window. Sequence numbers are JavaScript safe integers (the client counts with {@code Number}), so a
 * larger one is refused, never truncated; a claimed time is kept when it lies between {@link #PAST} before the server's
 * clock and {@link #FUTURE} after it, otherwise the item counts as captured when it arrived.
 */
public final class ItemBounds {

    /** 2^53 − 1, {@code Number.MAX_SAFE_INTEGER}. */
    public static final long MAX_SEQUENCE = (1L << 53) - 1;
    /** Longest sound an audio event may report: a day. */
    public static final long MAX_DURATION_MS = Duration.ofDays(1).toMillis();
    /** Most screens a browser may report. */
    public static final int MAX_SCREENS = 64;
    /** How far back a claimed capture time is believed (items kept offline and sent later). */
    public static final Duration PAST = Duration.ofHours(24);
    /** How far ahead of the server's clock a claimed time is believed (clock skew). */
    public static final Duration FUTURE = Duration.ofSeconds(60);
    /** Earliest and latest year a claimed time may name at all (what every supported database stores). */
    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;
    private static final Instant EARLIEST = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant AFTER_LATEST = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay()
            .toInstant(ZoneOffset.UTC);

    private ItemBounds() {
    }

    /** Whether the number is a sequence number Invigil accepts: 1 to {@link #MAX_SEQUENCE}. */
    public static boolean isSequence(long number) {
        return number >= 1 && number <= MAX_SEQUENCE;
    }

    /** Whether a time is one a client may name at all (later placed in the window by {@link #capturedAt}). */
    public static boolean isNameable(Instant at) {
        return !at.isBefore(EARLIEST) && at.isBefore(AFTER_LATEST);
    }

    /** The time an item counts as captured at: as claimed within the attempt's window, otherwise now. */
    public static Instant capturedAt(Instant claimed, Instant now) {
        return claimed.isAfter(now.plus(FUTURE)) || claimed.isBefore(now.minus(PAST)) ? now : claimed;
    }

    static void requireSequence(long number) {
        if (!isSequence(number)) {
            throw MonitoringRefused.malformed("sequence_invalid", "A sequence number must be a whole number from 1 to "
                    + MAX_SEQUENCE + ", not " + number + ".");
        }
    }
}
