package org.invigil.review.control;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An exam's report: one row per attempt (student, step, integrity score, review state, decision, incidents by rule,
 * identity, consent, minutes monitored) and the series of its three charts (incidents by rule, score distribution,
 * incidents over exam time). {@link #of} builds it from plain {@link Attempt} records, with no database, so the
 * aggregation is tested on its own.
 */
public record ExamReport(String examId, String examTitle, List<Row> rows, List<String> rules,
                         List<Count> incidentsByRule, List<Count> scoreDistribution, List<Count> incidentsOverTime,
                         int minutesPerSlot) implements Serializable {

    /** The review state of an attempt that has no integrity result yet (it has not ended). */
    public static final String IN_PROGRESS = "in-progress";
    /** Score buckets of ten points; the last one, 90–100, also holds the perfect score. */
    public static final int SCORE_BUCKETS = 10;
    /** Slot lengths tried for the over-time chart, shortest first, so that it has at most {@link #MAX_SLOTS} bars. */
    static final int[] SLOT_MINUTES = {1, 5, 15, 60};
    static final int MAX_SLOTS = 60;

    /** One incident as the report needs it: its rule and when it began. */
    public record Incident(String ruleId, Instant startedAt) {
    }

    /**
     * One attempt as read from the sessions, results, incidents and decisions. {@code reviewState} is empty while
     * no result exists; {@code decision} is the latest decision on the whole attempt.
     */
    public record Attempt(String sessionId, String student, String state, String identity, String consent,
                          Instant openedAt, Optional<Instant> monitoringStartedAt, Optional<Instant> endedAt,
                          Optional<Integer> score, Optional<String> reviewState, Optional<String> decision,
                          List<Incident> incidents) {
        public Attempt {
            incidents = List.copyOf(incidents);
        }
    }

    /** One line of the table. {@code score} is null while the attempt runs; {@code incidentsByRule} omits zeros. */
    public record Row(String sessionId, String student, String state, String identity, String consent,
                      Integer score, String reviewState, String decision, Map<String, Integer> incidentsByRule,
                      int incidents, long minutesMonitored) implements Serializable {

        public Row {
            incidentsByRule = Map.copyOf(incidentsByRule);
        }

        public int incidentsOf(String ruleId) {
            return incidentsByRule.getOrDefault(ruleId, 0);
        }

        /** The incidents in words, most frequent first, e.g. "several-faces 3, no-face 1". */
        public String incidentSummary() {
            return incidentsByRule.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(entry -> entry.getKey() + " " + entry.getValue())
                    .reduce((a, b) -> a + ", " + b).orElse("");
        }
    }

    /** One bar of a chart. */
    public record Count(String label, int count) implements Serializable {
    }

    public ExamReport {
        rows = List.copyOf(rows);
        rules = List.copyOf(rules);
        incidentsByRule = List.copyOf(incidentsByRule);
        scoreDistribution = List.copyOf(scoreDistribution);
        incidentsOverTime = List.copyOf(incidentsOverTime);
    }

    /**
     * Builds the report of these attempts. {@code now} ends the monitored time of attempts still being monitored;
     * incident times count from the start of monitoring (or the opening of the attempt), never below zero.
     */
    public static ExamReport of(String examId, String examTitle, List<Attempt> attempts, Instant now) {
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> byRule = new TreeMap<>();
        int[] scores = new int[SCORE_BUCKETS];
        List<Long> offsets = new ArrayList<>();
        long longest = 0;
        for (Attempt attempt : attempts) {
            Map<String, Integer> counts = new TreeMap<>();
            Instant base = attempt.monitoringStartedAt().orElse(attempt.openedAt());
            for (Incident incident : attempt.incidents()) {
                counts.merge(incident.ruleId(), 1, Integer::sum);
                byRule.merge(incident.ruleId(), 1, Integer::sum);
                offsets.add(Math.max(0, Duration.between(base, incident.startedAt()).toMinutes()));
            }
            long minutes = minutesMonitored(attempt, now);
            longest = Math.max(longest, minutes);
            attempt.score().ifPresent(score -> scores[scoreBucket(score)]++);
            rows.add(new Row(attempt.sessionId(), attempt.student(), attempt.state(), attempt.identity(),
                    attempt.consent(), attempt.score().orElse(null), attempt.reviewState().orElse(IN_PROGRESS),
                    attempt.decision().orElse(""), counts, attempt.incidents().size(), minutes));
        }
        long last = Math.max(longest - 1, offsets.stream().mapToLong(Long::longValue).max().orElse(0));
        int slot = slotMinutes(last);
        int[] overTime = new int[(int) Math.min(MAX_SLOTS, last / slot + 1)];
        offsets.forEach(offset -> overTime[(int) Math.min(overTime.length - 1, offset / slot)]++);

        List<Count> ruleCounts = byRule.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> new Count(entry.getKey(), entry.getValue())).toList();
        List<Count> scoreCounts = new ArrayList<>();
        for (int i = 0; i < SCORE_BUCKETS; i++) {
            scoreCounts.add(new Count(scoreLabel(i), scores[i]));
        }
        List<Count> timeCounts = new ArrayList<>();
        for (int i = 0; i < overTime.length; i++) {
            timeCounts.add(new Count(slot == 1 ? Integer.toString(i) : i * slot + "–" + ((i + 1) * slot - 1),
                    overTime[i]));
        }
        rows.sort(Comparator.comparing(Row::student, String.CASE_INSENSITIVE_ORDER).thenComparing(Row::sessionId));
        return new ExamReport(examId, examTitle, rows, ruleCounts.stream().map(Count::label).toList(), ruleCounts,
                scoreCounts, timeCounts, slot);
    }

    /** The rows that pass the filter, in the report's order. */
    public List<Row> rows(ReportFilter filter) {
        return rows.stream().filter(filter::matches).toList();
    }

    /** The review states that occur, for the filter's choices. */
    public List<String> reviewStates() {
        return rows.stream().map(Row::reviewState).distinct().sorted().toList();
    }

    static int scoreBucket(int score) {
        return Math.max(0, Math.min(SCORE_BUCKETS - 1, score / 10));
    }

    static String scoreLabel(int bucket) {
        int low = bucket * 10;
        return low + "–" + (bucket == SCORE_BUCKETS - 1 ? 100 : low + 9);
    }

    static int slotMinutes(long lastMinute) {
        for (int minutes : SLOT_MINUTES) {
            if (lastMinute / minutes < MAX_SLOTS) {
                return minutes;
            }
        }
        return SLOT_MINUTES[SLOT_MINUTES.length - 1];
    }

    private static long minutesMonitored(Attempt attempt, Instant now) {
        return attempt.monitoringStartedAt().map(start -> {
            Instant end = attempt.endedAt().orElse(now);
            return end.isBefore(start) ? 0 : Duration.between(start, end).toMinutes();
        }).orElse(0L);
    }
}
