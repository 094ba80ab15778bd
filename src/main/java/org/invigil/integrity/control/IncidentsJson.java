package org.invigil.integrity.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.invigil.integrity.entity.IntegrityResult;
import org.invigil.monitoring.entity.EvidenceFrame;
import org.invigil.monitoring.entity.Incident;

/**
 * An attempt's incidents and result, each incident with everything that explains it: the one JSON document that the
 * student's, the report's and the reviewer's endpoints answer. Integrity publishes it because the result explains
 * itself by monitoring's incidents (integrity reads monitoring; monitoring does not know the result).
 */
public final class IncidentsJson {

    private IncidentsJson() {
    }

    public static JsonObject of(List<Incident> incidents, Function<String, List<EvidenceFrame>> evidence,
                         Optional<IntegrityResult> result) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Incident incident : incidents) {
            JsonArrayBuilder frames = Json.createArrayBuilder();
            evidence.apply(incident.id()).forEach(frame -> frames.add(Json.createObjectBuilder()
                    .add("id", frame.id()).add("capturedAt", frame.capturedAt().toString())));
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("id", incident.id())
                    .add("rule", incident.ruleId())
                    .add("kind", incident.kind().name().toLowerCase().replace('_', '-'))
                    .add("start", incident.startedAt().toString())
                    .add("end", incident.endedAt().toString())
                    .add("open", incident.isOpen())
                    .add("description", incident.description())
                    .add("detector", incident.detector())
                    .add("threshold", incident.threshold())
                    .add("strength", incident.strength())
                    .add("strengthBasis", incident.strengthBasis())
                    .add("evidence", frames);
            incident.modelVersion().ifPresent(model -> json.add("model", model));
            incident.captureQuality().ifPresent(quality -> json.add("captureQuality", quality));
            list.add(json);
        }
        JsonObjectBuilder report = Json.createObjectBuilder().add("incidents", list);
        result.ifPresent(r -> {
            JsonArrayBuilder contributions = Json.createArrayBuilder();
            r.contributions().forEach(c -> contributions.add(Json.createObjectBuilder().add("rule", c.ruleId())
                    .add("points", c.points()).add("incidents", c.incidents()).add("explanation", c.explanation())));
            JsonObjectBuilder json = Json.createObjectBuilder().add("score", r.score())
                    .add("reviewState", r.reviewState().id()).add("contributions", contributions);
            r.coverage().ifPresent(c -> json.add("coverage", Json.createObjectBuilder().add("quizSeen", c.quizSeen())
                    .add("quizSeconds", c.quizSeconds()).add("monitoredSeconds", c.monitoredSeconds())
                    .add("ratio", Math.round(c.ratio() * 1000) / 1000.0).add("summary", c.summary())));
            report.add("result", json);
        });
        return report.build();
    }
}
