package org.invigil.review.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.invigil.access.control.BearerToken;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.audit.entity.AuditEntry;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.SessionId;
import org.invigil.integrity.control.IncidentsJson;
import org.invigil.journey.control.MonitoringLifecycle;
import org.invigil.json.control.BoundedJson;
import org.invigil.monitoring.control.Incidents;
import org.invigil.review.control.LearnerNames;
import org.invigil.review.control.Reviews;
import org.invigil.review.control.StudentResponses;
import org.invigil.review.entity.Decision;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/**
 * The review API for an exam's staff ({@code /api/review/...}), on which the review screens are built: the queue,
 * an attempt with its evidence, decisions, the audit trail (the attempt's and the exam's), and pausing, resuming or
 * ending a student's monitoring with a reason ({@code POST /api/review/sessions/{id}/pause|resume|end},
 * {@code {"reason": "..."}}), and names for students the platform launched anonymously (Open edX's exam roster).
 */
@Path("review")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    /** An exam roster of up to {@link LearnerNames#MAX_PAIRS} pairs, each of two short strings. */
    static final BoundedJson.Limits ROSTER_LIMITS = new BoundedJson.Limits(3, 4 * 1024 * 1024,
            LearnerNames.MAX_PAIRS, 300);

    @Inject
    ToolSessions toolSessions;

    @Inject
    Reviews reviews;

    @Inject
    Incidents incidents;

    @Inject
    StudentResponses studentResponses;

    @Inject
    MonitoringLifecycle lifecycle;

    @Inject
    LearnerNames learnerNames;

    @GET
    @Path("exams/{examId}/sessions")
    public JsonObject queue(@HeaderParam("Authorization") String authorization, @PathParam("examId") String examId) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Reviews.QueueEntry entry : reviews.queue(staff(authorization), ExamId.of(examId))) {
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add("sessionId", entry.session().id())
                    .add("student", entry.session().userName())
                    .add("userId", entry.session().userId())
                    .add("state", entry.session().state().id())
                    .add("identity", entry.session().identityStatus().id())
                    .add("incidents", entry.incidents());
            entry.result().ifPresent(result -> item.add("score", result.score())
                    .add("reviewState", result.reviewState().id()));
            list.add(item);
        }
        return Json.createObjectBuilder().add("sessions", list).build();
    }

    @GET
    @Path("sessions/{id}")
    public JsonObject session(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        Reviews.Detail detail = reviews.detail(staff(authorization), id);
        JsonArrayBuilder decisions = Json.createArrayBuilder();
        detail.decisions().forEach(decision -> {
            JsonObjectBuilder json = Json.createObjectBuilder().add("outcome", decision.outcome().id())
                    .add("reviewer", decision.reviewerName()).add("at", decision.decidedAt().toString());
            decision.incidentId().ifPresent(incident -> json.add("incident", incident));
            decision.note().ifPresent(note -> json.add("note", note));
            decisions.add(json);
        });
        JsonObjectBuilder json = Json.createObjectBuilder(IncidentsJson.of(detail.incidents(), incidents::evidenceOf,
                        detail.result()))
                .add("sessionId", id)
                .add("student", detail.session().userName())
                .add("state", detail.session().state().id())
                .add("identity", detail.session().identityStatus().id())
                .add("decisions", decisions);
        detail.session().identitySimilarity().ifPresent(score -> json.add("identityScore", score));
        // student responses (issue 5, item 5): what the student answered, for the reviewer to read before deciding
        JsonArrayBuilder responses = Json.createArrayBuilder();
        studentResponses.responses(id).forEach(response -> {
            JsonObjectBuilder item = Json.createObjectBuilder().add("at", response.writtenAt().toString())
                    .add("student", response.userName()).add("text", response.text());
            response.incidentId().ifPresent(incident -> item.add("incident", incident));
            responses.add(item);
        });
        json.add("responses", responses);
        // /student responses
        return json.build();
    }

    @GET
    @Path("sessions/{id}/evidence/{frame}")
    @Produces("image/jpeg")
    public Response evidence(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                             @PathParam("frame") String frame) {
        return Response.ok(reviews.evidence(staff(authorization), id, frame)).header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("sessions/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject decide(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                             JsonObject body) {
        Decision decision = reviews.decideSession(staff(authorization), id, outcome(body), note(body));
        return Json.createObjectBuilder().add("outcome", decision.outcome().id()).build();
    }

    @POST
    @Path("sessions/{id}/incidents/{incident}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject decideIncident(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                                     @PathParam("incident") String incident, JsonObject body) {
        Decision decision = reviews.decideIncident(staff(authorization), id, incident, outcome(body), note(body));
        return Json.createObjectBuilder().add("outcome", decision.outcome().id()).build();
    }

    @POST
    @Path("sessions/{id}/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject pause(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                            JsonObject body) {
        lifecycle.pauseByStaff(staff(authorization), SessionId.of(id), reason(body));
        return state("paused");
    }

    @POST
    @Path("sessions/{id}/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject resume(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                             JsonObject body) {
        lifecycle.resumeByStaff(staff(authorization), SessionId.of(id), reason(body));
        return state("monitoring");
    }

    @POST
    @Path("sessions/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject end(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                          JsonObject body) {
        lifecycle.endByStaff(staff(authorization), SessionId.of(id), reason(body));
        return state("ended");
    }

    @GET
    @Path("sessions/{id}/audit")
    public JsonObject audit(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        return auditJson(reviews.auditOf(staff(authorization), id));
    }

    /** The exam's own audit trail: settings, accommodations and reference photos changed, queue and report viewed. */
    @GET
    @Path("exams/{examId}/audit")
    public JsonObject examAudit(@HeaderParam("Authorization") String authorization,
                                @PathParam("examId") String examId) {
        return auditJson(reviews.auditOfExam(staff(authorization), ExamId.of(examId)));
    }

    /**
     * Names for students the platform launched anonymously, as Open edX's exam roster answers the staff member's
     * browser: {@code PUT /api/review/exams/{exam}/learner-names} with {@code [[anonymous_user_id, username], ...]}.
     */
    @PUT
    @Path("exams/{examId}/learner-names")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject learnerNames(@HeaderParam("Authorization") String authorization,
                                   @PathParam("examId") String examId, InputStream body) {
        ToolSession staff = staff(authorization);
        JsonArray roster = BoundedJson.as(BoundedJson.read(body, ROSTER_LIMITS)
                .orElseThrow(() -> new ProblemException(Problem.badRequest("roster_missing", "Send the roster as "
                        + "Open edX answers it: [[anonymous_user_id, username], ...]."))),
                JsonArray.class, "The roster");
        LearnerNames.Learned learned = learnerNames.learn(staff, ExamId.of(examId), roster);
        return Json.createObjectBuilder().add("listed", learned.listed()).add("named", learned.named())
                .add("unknown", learned.unknown()).build();
    }

    private static JsonObject auditJson(List<AuditEntry> audit) {
        JsonArrayBuilder entries = Json.createArrayBuilder();
        audit.forEach(entry -> entries.add(Json.createObjectBuilder()
                .add("at", entry.occurredAt().toString()).add("actor", entry.actorName())
                .add("action", entry.action()).add("detail", entry.detail() == null ? "" : entry.detail())));
        return Json.createObjectBuilder().add("entries", entries).build();
    }

    private ToolSession staff(String authorization) {
        return toolSessions.open(BearerToken.from(authorization));
    }

    private static String reason(JsonObject body) {
        return body == null ? null : body.getString("reason", null);
    }

    private static JsonObject state(String state) {
        return Json.createObjectBuilder().add("state", state).build();
    }

    private static Decision.Outcome outcome(JsonObject body) {
        String id = body == null ? "" : body.getString("outcome", "");
        return Decision.Outcome.of(id).orElseThrow(() -> new ProblemException(Problem.badRequest("outcome_invalid",
                "The outcome must be \"cleared\", \"confirmed\" or \"follow-up\".")));
    }

    private static String note(JsonObject body) {
        String note = body == null ? null : body.getString("note", null);
        if (note != null && note.length() > 4000) {
            throw new ProblemException(Problem.badRequest("note_too_long", "A note must be at most 4000 characters."));
        }
        return note;
    }
}
