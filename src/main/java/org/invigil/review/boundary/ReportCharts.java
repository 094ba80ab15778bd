package org.invigil.review.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.invigil.review.control.ExamReport;

/** The report's chart series as Chart.js configurations, which PrimeFaces' {@code p:chart} renders. */
final class ReportCharts {

    private static final String BLUE = "#2f5da8";
    private static final String RED = "#a4262c";
    private static final String GREEN = "#2e7d32";

    private ReportCharts() {
    }

    static String incidentsByRule(ExamReport report) {
        return bar(report.incidentsByRule(), "Incidents", RED, "Rule", "Incidents", true);
    }

    static String scoreDistribution(ExamReport report) {
        return bar(report.scoreDistribution(), "Attempts", GREEN, "Integrity score", "Attempts", false);
    }

    static String incidentsOverTime(ExamReport report) {
        String unit = report.minutesPerSlot() == 1 ? "minute" : report.minutesPerSlot() + "-minute slot";
        return line(report.incidentsOverTime(), "Incidents", BLUE,
                "Minutes since the attempt's start (per " + unit + ")", "Incidents");
    }

    private static String bar(List<ExamReport.Count> counts, String label, String colour, String xTitle,
                              String yTitle, boolean horizontal) {
        JsonObjectBuilder options = options(xTitle, yTitle, horizontal);
        if (horizontal) {
            options.add("indexAxis", "y");
        }
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", data(counts, label, colour, false))
                .add("options", options).build().toString();
    }

    private static String line(List<ExamReport.Count> counts, String label, String colour, String xTitle,
                               String yTitle) {
        return Json.createObjectBuilder().add("type", "line")
                .add("data", data(counts, label, colour, true))
                .add("options", options(xTitle, yTitle, false)).build().toString();
    }

    private static JsonObject data(List<ExamReport.Count> counts, String label, String colour, boolean line) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        counts.forEach(count -> {
            labels.add(count.label());
            values.add(count.count());
        });
        JsonObjectBuilder dataset = Json.createObjectBuilder().add("label", label).add("data", values)
                .add("backgroundColor", colour).add("borderColor", colour);
        if (line) {
            dataset.add("fill", false).add("tension", 0.2).add("stepped", false);
        }
        return Json.createObjectBuilder().add("labels", labels)
                .add("datasets", Json.createArrayBuilder().add(dataset)).build();
    }

    private static JsonObjectBuilder options(String xTitle, String yTitle, boolean horizontal) {
        JsonObjectBuilder counted = Json.createObjectBuilder().add("beginAtZero", true)
                .add("ticks", Json.createObjectBuilder().add("precision", 0))
                .add("title", Json.createObjectBuilder().add("display", true).add("text", yTitle));
        JsonObjectBuilder category = Json.createObjectBuilder()
                .add("title", Json.createObjectBuilder().add("display", true).add("text", xTitle));
        return Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                .add("animation", false)
                .add("plugins", Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("display", false)))
                .add("scales", Json.createObjectBuilder()
                        .add("x", horizontal ? counted : category)
                        .add("y", horizontal ? category : counted));
    }
}
