package org.invigil.review.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExamReportTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static ExamReport.Attempt attempt(String student, Integer score, String reviewState, String decision,
                                      Duration monitored, ExamReport.Incident... incidents) {
        return new ExamReport.Attempt("s-" + student, student, monitored == null ? "monitoring" : "ended",
                "not-required", "given", T0.minusSeconds(60), Optional.of(T0),
                Optional.ofNullable(monitored).map(T0::plus), Optional.ofNullable(score),
                Optional.ofNullable(reviewState), Optional.ofNullable(decision), List.of(incidents));
    }

    static ExamReport.Incident at(String rule, int minute) {
        return new ExamReport.Incident(rule, T0.plus(Duration.ofMinutes(minute)).plusSeconds(20));
    }

    static ExamReport sample() {
        return ExamReport.of("exam-1", "Logic exam", List.of(
                attempt("Zoe Zed", 55, "needs-review", null, Duration.ofMinutes(12),
                        at("several-faces", 0), at("several-faces", 1), at("tab-hidden", 7)),
                attempt("Ann Able", 100, "no-review-needed", null, Duration.ofMinutes(10)),
                attempt("Bob Best", 90, "reviewed", "cleared", Duration.ofMinutes(11), at("tab-hidden", 3)),
                attempt("Cal Current", null, null, null, null, at("no-face", 2))),
                T0.plus(Duration.ofMinutes(4)));
    }

    @Test
    void buildsOneRowPerAttemptSortedByStudent() {
        ExamReport report = sample();
        assertEquals(List.of("Ann Able", "Bob Best", "Cal Current", "Zoe Zed"),
                report.rows().stream().map(ExamReport.Row::student).toList());
        ExamReport.Row zoe = report.rows().get(3);
        assertEquals(55, zoe.score());
        assertEquals("needs-review", zoe.reviewState());
        assertEquals("", zoe.decision());
        assertEquals(3, zoe.incidents());
        assertEquals(Map.of("several-faces", 2, "tab-hidden", 1), zoe.incidentsByRule());
        assertEquals("several-faces 2, tab-hidden 1", zoe.incidentSummary());
        assertEquals(12, zoe.minutesMonitored());
        assertEquals("cleared", report.rows().get(1).decision());
    }

    @Test
    void anAttemptStillRunningHasNoScoreAndCountsMinutesUntilNow() {
        ExamReport.Row cal = sample().rows().get(2);
        assertNull(cal.score());
        assertEquals(ExamReport.IN_PROGRESS, cal.reviewState());
        assertEquals(4, cal.minutesMonitored());
    }

    @Test
    void countsIncidentsByRuleMostFrequentFirst() {
        ExamReport report = sample();
        assertEquals(List.of(new ExamReport.Count("several-faces", 2), new ExamReport.Count("tab-hidden", 2),
                new ExamReport.Count("no-face", 1)), report.incidentsByRule());
        assertEquals(List.of("several-faces", "tab-hidden", "no-face"), report.rules());
    }

    @Test
    void bucketsScoresByTenWithTheLastBucketHoldingAPerfectScore() {
        List<ExamReport.Count> scores = sample().scoreDistribution();
        assertEquals(10, scores.size());
        assertEquals("0–9", scores.get(0).label());
        assertEquals("50–59", scores.get(5).label());
        assertEquals("90–100", scores.get(9).label());
        assertEquals(1, scores.get(5).count());
        assertEquals(2, scores.get(9).count(), "90 and 100");
        assertEquals(3, scores.stream().mapToInt(ExamReport.Count::count).sum(), "the running attempt has no score");
    }

    @Test
    void countsIncidentsPerMinuteSinceEachAttemptsStart() {
        ExamReport report = sample();
        assertEquals(1, report.minutesPerSlot());
        List<ExamReport.Count> overTime = report.incidentsOverTime();
        assertEquals(12, overTime.size(), "minutes 0 to 11 of the longest attempt (12 minutes)");
        int[] expected = new int[12];
        expected[0] = 1;
        expected[1] = 1;
        expected[2] = 1;
        expected[3] = 1;
        expected[7] = 1;
        assertEquals(IntStream.of(expected).boxed().toList(), overTime.stream().map(ExamReport.Count::count).toList());
        assertEquals("7", overTime.get(7).label());
    }

    @Test
    void longExamsUseLongerSlotsAndIncidentsBeforeTheStartCountAtZero() {
        ExamReport report = ExamReport.of("e", "Long", List.of(
                attempt("A", 80, "needs-review", null, Duration.ofMinutes(150), at("noise", 149), at("noise", -3))),
                T0);
        assertEquals(5, report.minutesPerSlot());
        assertEquals(30, report.incidentsOverTime().size());
        assertEquals("145–149", report.incidentsOverTime().get(29).label());
        assertEquals(1, report.incidentsOverTime().get(29).count());
        assertEquals(1, report.incidentsOverTime().get(0).count());
        assertEquals(60, ExamReport.of("e", "Very long", List.of(
                attempt("A", 80, "needs-review", null, Duration.ofHours(100))), T0).incidentsOverTime().size(),
                "never more than 60 slots");
    }

    @Test
    void anExamWithoutAttemptsHasEmptySeries() {
        ExamReport report = ExamReport.of("e", "Empty", List.of(), T0);
        assertEquals(List.of(), report.rows());
        assertEquals(List.of(), report.incidentsByRule());
        assertEquals(10, report.scoreDistribution().size());
        assertEquals(List.of(new ExamReport.Count("0", 0)), report.incidentsOverTime());
    }

    @Test
    void filtersByReviewStateRuleScoreAndText() {
        ExamReport report = sample();
        assertEquals(List.of("Zoe Zed"), students(report, ReportFilter.of("needs-review", null, null, null, null)));
        assertEquals(List.of("Bob Best", "Zoe Zed"), students(report, ReportFilter.of("", "tab-hidden", "", "", "")));
        assertEquals(List.of("Ann Able", "Bob Best"), students(report, ReportFilter.of(null, null, "60", null, null)));
        assertEquals(List.of("Zoe Zed"), students(report, ReportFilter.of(null, null, "0", "59", null)));
        assertEquals(List.of("Bob Best"), students(report, ReportFilter.of(null, null, null, null, " CLEARED ")));
        assertEquals(List.of("Cal Current"), students(report, ReportFilter.of("in-progress", null, "x", null, null)),
                "a score that is not a number is ignored");
        assertEquals(4, report.rows(ReportFilter.NONE).size());
        assertEquals(List.of("in-progress", "needs-review", "no-review-needed", "reviewed"), report.reviewStates());
    }

    private static List<String> students(ExamReport report, ReportFilter filter) {
        return report.rows(filter).stream().map(ExamReport.Row::student).toList();
    }
}
