package org.invigil.journey.boundary;

import static org.invigil.json.control.BoundedJson.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import org.invigil.access.control.BearerToken;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.assessment.control.StartAssessment;
import org.invigil.identity.control.Liveness;
import org.invigil.identity.entity.LivenessChallenge;
import org.invigil.ids.entity.SessionId;
import org.invigil.integrity.control.IncidentsJson;
import org.invigil.integrity.control.Results;
import org.invigil.journey.control.IdentityStep;
import org.invigil.journey.control.Journey;
import org.invigil.journey.control.LivenessStep;
import org.invigil.journey.control.MonitoringLifecycle;
import org.invigil.journey.control.SystemCheck;
import org.invigil.monitoring.control.EventIngestion;
import org.invigil.monitoring.control.FrameIngestion;
import org.invigil.monitoring.control.Incidents;
import org.invigil.monitoring.control.MonitoringRefused;
import org.invigil.session.entity.SessionState;

/** The proctoring API the student's browser speaks (src/site/proctoring-api.md). */
@Path("proctoring")
@Produces(MediaType.APPLICATION_JSON)
public class ProctoringResource {

    @Inject
    ToolSessions toolSessions;

    @Inject
    Journey journey;

    @Inject
    IdentityStep identity;

    @Inject
    LivenessStep liveness;

    @Inject
    MonitoringLifecycle lifecycle;

    @Inject
    FrameIngestion frames;

    @Inject
    EventIngestion events;

    @Inject
    Incidents incidents;

    @Inject
    Results results;

    @Inject
    StartAssessment startAssessment;

    @GET
    @Path("session")
    public JsonObject session(@HeaderParam("Authorization") String authorization) {
        ToolSession student = student(authorization);
        return JourneyJson.of(journey.current(student), student);
    }

    @GET
    @Path("sessions/{id}")
    public JsonObject session(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        return JourneyJson.of(journey.view(attempt, student), student);
    }

    @POST
    @Path("sessions/{id}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject consent(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                              JsonObject body) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        String decision = body == null ? "" : body.getString("decision", "");
        if (!decision.equals("accept") && !decision.equals("decline")) {
            throw MonitoringRefused.malformed("decision_invalid", "The decision must be \"accept\" or \"decline\".");
        }
        return JourneyJson.of(journey.consent(attempt, student, decision.equals("accept"),
                body.getString("version", "")), student);
    }

    @POST
    @Path("sessions/{id}/system-check")
    @Consumes(MediaType.WILDCARD)
    public JsonObject systemCheck(@HeaderParam("Authorization") String authorization,
                                  @HeaderParam("Content-Type") String type, @PathParam("id") String id,
                                  InputStream body) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        SystemCheck.Advice advice = journey.systemCheck(attempt, student, Uploads.jpeg(type, body));
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        advice.advice().forEach(lines::add);
        return JSON.createObjectBuilder().add("ok", advice.ok()).add("faces", advice.faces())
                .add("brightness", Math.round(advice.brightness())).add("sharpness", Math.round(advice.sharpness()))
                .add("advice", lines).build();
    }

    @POST
    @Path("sessions/{id}/identity")
    @Consumes(MediaType.WILDCARD)
    public JsonObject identity(@HeaderParam("Authorization") String authorization,
                               @HeaderParam("Content-Type") String type, @PathParam("id") String id,
                               InputStream body) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        IdentityStep.IdentityResult result = identity.capture(attempt, student, Uploads.jpeg(type, body));
        return JSON.createObjectBuilder().add("status", result.status()).add("message", result.message())
                .add("attemptsLeft", result.attemptsLeft()).add("session", JourneyJson.of(result.view(), student))
                .build();
    }

    @POST
    @Path("sessions/{id}/identity/review")
    public JsonObject review(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        return JourneyJson.of(identity.review(attempt, student), student);
    }

    /** A new challenge: how many steps it has and only its first step, timed from now. */
    @POST
    @Path("sessions/{id}/liveness")
    public JsonObject startLiveness(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        LivenessChallenge challenge = liveness.start(attempt, student);
        return JSON.createObjectBuilder().add("challenge", challenge.id()).add("stepCount", challenge.steps().size())
                .add("step", step(challenge)).add("framesPerStep", Liveness.FRAMES_PER_STEP)
                .add("frameIntervalMs", Liveness.FRAME_INTERVAL_MS).build();
    }

    /** Closes the open step and hands out the next one, timed from now. */
    @POST
    @Path("sessions/{id}/liveness/{challenge}/next")
    public JsonObject nextLivenessStep(@HeaderParam("Authorization") String authorization,
                                       @PathParam("id") String id, @PathParam("challenge") String challenge) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        return step(liveness.next(attempt, student, challenge));
    }

    private JsonObject step(LivenessChallenge challenge) {
        return JSON.createObjectBuilder().add("index", challenge.currentStep()).add("action", challenge.currentAction())
                .add("windowSeconds", liveness.stepWindow().toSeconds()).build();
    }

    @POST
    @Path("sessions/{id}/liveness/{challenge}/frames")
    @Consumes(MediaType.WILDCARD)
    public Response livenessFrame(@HeaderParam("Authorization") String authorization,
                                  @HeaderParam("Content-Type") String type, @PathParam("id") String id,
                                  @PathParam("challenge") String challenge, @QueryParam("step") String step,
                                  InputStream body) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        liveness.frame(attempt, student, challenge, Uploads.step(step), Uploads.jpeg(type, body));
        return Response.noContent().build();
    }

    @POST
    @Path("sessions/{id}/liveness/{challenge}/complete")
    public JsonObject completeLiveness(@HeaderParam("Authorization") String authorization,
                                       @PathParam("id") String id,
                                       @PathParam("challenge") String challenge) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        LivenessStep.LivenessResult result = liveness.complete(attempt, student, challenge);
        return JSON.createObjectBuilder().add("passed", result.passed()).add("message", result.message())
                .add("attemptsLeft", result.attemptsLeft()).add("session", JourneyJson.of(result.view(), student))
                .build();
    }

    @POST
    @Path("sessions/{id}/start")
    public JsonObject start(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        return JourneyJson.of(journey.start(attempt, student), student);
    }

    @POST
    @Path("sessions/{id}/monitors")
    public JsonObject monitor(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        return JSON.createObjectBuilder().add("sequenceStart", journey.allocateMonitor(attempt, student)).build();
    }

    @POST
    @Path("sessions/{id}/end")
    public JsonObject end(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        return JourneyJson.of(lifecycle.end(attempt, student), student);
    }

    @POST
    @Path("sessions/{id}/frames")
    @Consumes(MediaType.WILDCARD)
    public Response frame(@HeaderParam("Authorization") String authorization, @HeaderParam("Content-Type") String type,
                          @HeaderParam("Invigil-Sequence") String sequence,
                          @HeaderParam("Invigil-Captured-At") String capturedAt, @PathParam("id") String id,
                          InputStream body) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        journey.requireOwn(attempt, student);
        long number = Uploads.sequence(sequence);
        Instant at = Uploads.capturedAt(capturedAt);
        SessionState state = frames.ingest(attempt, number, at, Uploads.jpeg(type, body));
        return Response.accepted(JSON.createObjectBuilder().add("sequence", number).add("state", state.id()).build())
                .build();
    }

    @POST
    @Path("sessions/{id}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject events(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                             JsonObject body) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        journey.requireOwn(attempt, student);
        EventIngestion.Receipt receipt = events.ingest(attempt, Uploads.events(body));
        JsonArrayBuilder accepted = JSON.createArrayBuilder();
        receipt.accepted().forEach(accepted::add);
        JsonArrayBuilder duplicates = JSON.createArrayBuilder();
        receipt.duplicates().forEach(duplicates::add);
        return JSON.createObjectBuilder().add("accepted", accepted).add("duplicates", duplicates)
                .add("state", receipt.state().id()).build();
    }

    /**
     * The exam-page agent saw the student on a quiz page (the monitor embedded there reports it): the quiz's time for
     * the coverage, and the submitted page ends the attempt. Accepted after the end too (the quiz went on unwatched).
     */
    @POST
    @Path("sessions/{id}/quiz-pages")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject quizPage(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                               JsonObject body) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        Uploads.QuizPageSeen seen = Uploads.quizPage(body);
        return JourneyJson.of(lifecycle.quizPageSeen(attempt, student, seen.page(), seen.at()), student);
    }

    /** The student's own report: every incident with its explanation, and the integrity result once there is one. */
    @GET
    @Path("sessions/{id}/report")
    public JsonObject report(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        journey.requireOwn(attempt, student);
        return IncidentsJson.of(incidents.of(attempt), incidents::evidenceOf, results.of(attempt));
    }

    /** One evidence frame of the student's own session, opened. */
    @GET
    @Path("sessions/{id}/evidence/{frame}")
    @Produces("image/jpeg")
    public Response evidence(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                             @PathParam("frame") String frame) {
        ToolSession student = student(authorization);
        SessionId attempt = SessionId.of(id);
        journey.requireOwn(attempt, student);
        return Response.ok(incidents.openEvidence(attempt, frame)).header("Cache-Control", "no-store").build();
    }

    /**
     * The hand-back to the platform's assessment (LTI Proctoring Services' LtiStartAssessment): the signed message
     * and where the student's page posts it, from the top-level window.
     */
    @POST
    @Path("sessions/{id}/assessment")
    public JsonObject startAssessment(@HeaderParam("Authorization") String authorization,
                                      @PathParam("id") String id) {
        ToolSession student = student(authorization);
        StartAssessment.Form form = startAssessment.handBack(SessionId.of(id), student);
        return JSON.createObjectBuilder().add("url", form.url()).add("jwt", form.jwt()).build();
    }

    private ToolSession student(String authorization) {
        return toolSessions.open(BearerToken.from(authorization));
    }
}
