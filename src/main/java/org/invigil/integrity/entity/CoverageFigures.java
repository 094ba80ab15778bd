package org.invigil.integrity.entity;

import java.util.Locale;

/**
 * The coverage an integrity result states: whether the exam-page agent saw the quiz pages, the quiz time (the
 * monitoring time when it did not) and how much of it was monitored.
 */
public record CoverageFigures(boolean quizSeen, long quizSeconds, long monitoredSeconds) {

    /** Monitored share, 0..1; 1 for a zero-length time that was monitored. */
    public double ratio() {
        return quizSeconds == 0 ? (monitoredSeconds > 0 ? 1 : 0) : Math.min(1.0, (double) monitoredSeconds / quizSeconds);
    }

    /** "monitored 27 min 40 s of 29 min 45 s of quiz time (93 %)", or what was seen without the agent. */
    public String summary() {
        String share = String.format(Locale.ROOT, "%d %%", Math.round(ratio() * 100));
        return quizSeen
                ? "monitored " + duration(monitoredSeconds) + " of " + duration(quizSeconds) + " of quiz time ("
                + share + ")"
                : "quiz pages not seen (no exam-page agent); monitored " + duration(monitoredSeconds) + " of "
                + duration(quizSeconds) + " of monitoring time (" + share + ")";
    }

    /** "4 min 10 s", "45 s", "1 h 2 min". */
    public static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0) {
            return h + " h " + m + " min";
        }
        return m > 0 ? m + " min " + s + " s" : s + " s";
    }
}
