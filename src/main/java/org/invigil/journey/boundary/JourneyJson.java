package org.invigil.journey.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.entity.Check;
import org.invigil.journey.control.JourneyView;
import org.invigil.session.entity.EndReason;
import org.invigil.session.entity.ProctoringSession;

/** The session as the browser client reads it (src/site/proctoring-api.md). */
final class JourneyJson {

    static final int MAX_FRAME_BYTES = Uploads.MAX_BYTES;
    static final int HEARTBEAT_SECONDS = 15;

    private JourneyJson() {
    }

    static JsonObject of(JourneyView view, ToolSession student) {
        ProctoringSession session = view.session();
        JsonArrayBuilder checks = Json.createArrayBuilder();
        view.active().stream().sorted().map(Check::id).forEach(checks::add);
        JsonArrayBuilder sections = Json.createArrayBuilder();
        view.consent().sections().forEach(section -> sections.add(Json.createObjectBuilder()
                .add("heading", section.heading()).add("text", section.text())));
        JsonObjectBuilder exam = Json.createObjectBuilder()
                .add("id", view.exam().id())
                .add("title", view.exam().title())
                .add("course", view.exam().courseTitle().orElse(""))
                .add("frameIntervalSeconds", view.exam().settings().frameIntervalSeconds())
                .add("checks", checks);
        view.exam().settings().quizUrl().ifPresent(url -> exam.add("quizUrl", url));
        JsonObjectBuilder json = Json.createObjectBuilder();
        session.pausedAt().ifPresent(since -> json.add("pause", Json.createObjectBuilder()
                .add("since", since.toString()).add("reason", session.pauseReason().orElse(""))));
        view.closesAt().ifPresent(at -> json.add("closesAt", at.toString()));
        view.assessment().ifPresent(assessment -> {
            JsonObjectBuilder handBack = Json.createObjectBuilder().add("attemptNumber", assessment.attemptNumber());
            assessment.handedBackAt().ifPresent(at -> handBack.add("handedBackAt", at.toString()));
            assessment.platformStatus().ifPresent(status -> handBack.add("platformStatus", status));
            json.add("assessment", handBack);
        });
        session.endedAt().ifPresent(at -> json.add("ended", Json.createObjectBuilder().add("at", at.toString())
                .add("reason", session.endReason().map(EndReason::id).orElse("unknown"))));
        return json
                .add("id", session.id())
                .add("state", session.state().id())
                .add("expiresAt", student.expiresAt().toString())
                .add("exam", exam)
                .add("consent", Json.createObjectBuilder().add("version", view.consent().version())
                        .add("sections", sections))
                .add("identity", Json.createObjectBuilder()
                        .add("required", view.active().contains(Check.IDENTITY))
                        .add("reference", view.referenceSource())
                        .add("status", session.identityStatus().id())
                        .add("attemptsLeft", view.identityAttemptsLeft()))
                .add("liveness", Json.createObjectBuilder()
                        .add("required", view.active().contains(Check.LIVENESS))
                        .add("attemptsLeft", view.livenessAttemptsLeft())
                        .add("passed", session.livenessPassed().map(String::valueOf).orElse("pending")))
                .add("monitoring", Json.createObjectBuilder()
                        .add("heartbeatSeconds", HEARTBEAT_SECONDS)
                        .add("nextSequence", view.nextSequence())
                        .add("maxFrameBytes", MAX_FRAME_BYTES))
                .add("student", Json.createObjectBuilder().add("name", session.userName()))
                .build();
    }
}
