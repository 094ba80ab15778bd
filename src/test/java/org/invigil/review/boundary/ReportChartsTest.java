package org.invigil.review.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.invigil.review.control.ExamReport;
import org.junit.jupiter.api.Test;

class ReportChartsTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    final ExamReport report = ExamReport.of("e", "Exam", List.of(new ExamReport.Attempt("s1", "A", "ended",
            "verified", "given", T0, Optional.of(T0), Optional.of(T0.plusSeconds(180)), Optional.of(35),
            Optional.of("needs-review"), Optional.empty(), List.of(new ExamReport.Incident("noise", T0.plusSeconds(70)),
            new ExamReport.Incident("noise", T0.plusSeconds(90)), new ExamReport.Incident("print", T0)))), T0);

    @Test
    void incidentsByRuleIsAHorizontalBarChart() {
        JsonObject chart = parse(ReportCharts.incidentsByRule(report));
        assertEquals("bar", chart.getString("type"));
        assertEquals("y", chart.getJsonObject("options").getString("indexAxis"));
        assertEquals(List.of("noise", "print"), labels(chart));
        assertEquals(List.of(2, 1), values(chart));
    }

    @Test
    void scoresAreTenBars() {
        JsonObject chart = parse(ReportCharts.scoreDistribution(report));
        assertEquals("bar", chart.getString("type"));
        assertEquals(10, labels(chart).size());
        assertEquals(1, values(chart).get(3));
    }

    @Test
    void incidentsOverTimeIsALineByMinute() {
        JsonObject chart = parse(ReportCharts.incidentsOverTime(report));
        assertEquals("line", chart.getString("type"));
        assertEquals(List.of("0", "1", "2"), labels(chart));
        assertEquals(List.of(1, 2, 0), values(chart));
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static List<String> labels(JsonObject chart) {
        return chart.getJsonObject("data").getJsonArray("labels").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    private static List<Integer> values(JsonObject chart) {
        return chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data")
                .getValuesAs(JsonNumber.class).stream().map(JsonNumber::intValue).toList();
    }
}
