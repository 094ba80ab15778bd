package org.invigil.session.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.ExamSummary;
import org.invigil.session.control.ConsentText;
import org.invigil.session.entity.ProctoringSession;

/** The session as the browser client reads it (see src/site/proctoring-api.md). */
public final class SessionJson {

    public static final int MAX_FRAME_BYTES = 2 * 1024 * 1024;
    public static final int HEARTBEAT_SECONDS = 15;

    private SessionJson() {
    }

    public static JsonObject of(ProctoringSession session, ExamSummary exam, Set<Check> active, ConsentText consent,
                                String referenceSource, int attemptsLeft, long nextSequence) {
        JsonArrayBuilder checks = Json.createArrayBuilder();
        active.stream().sorted().forEach(check -> checks.add(check.id()));
        JsonArrayBuilder sections = Json.createArrayBuilder();
        consent.sections().forEach(section -> sections.add(Json.createObjectBuilder()
                .add("heading", section.heading()).add("text", section.text())));
        JsonObjectBuilder examJson = Json.createObjectBuilder()
                .add("title", exam.title())
                .add("course", exam.courseTitle().orElse(""))
                .add("frameIntervalSeconds", exam.settings().frameIntervalSeconds())
                .add("checks", checks);
        exam.settings().quizUrl().ifPresent(url -> examJson.add("quizUrl", url));
        return Json.createObjectBuilder()
                .add("id", session.id())
                .add("state", session.state().id())
                .add("exam", examJson)
                .add("consent", Json.createObjectBuilder().add("version", consent.version()).add("sections", sections))
                .add("identity", Json.createObjectBuilder()
                        .add("required", active.contains(Check.IDENTITY))
                        .add("reference", referenceSource)
                        .add("status", session.identityStatus().id())
                        .add("attemptsLeft", attemptsLeft))
                .add("liveness", Json.createObjectBuilder()
                        .add("required", active.contains(Check.LIVENESS))
                        .add("passed", session.livenessPassed().map(String::valueOf).orElse("pending")))
                .add("monitoring", Json.createObjectBuilder()
                        .add("heartbeatSeconds", HEARTBEAT_SECONDS)
                        .add("nextSequence", nextSequence)
                        .add("maxFrameBytes", MAX_FRAME_BYTES))
                .add("student", Json.createObjectBuilder().add("name", session.userName()))
                .build();
    }
}
