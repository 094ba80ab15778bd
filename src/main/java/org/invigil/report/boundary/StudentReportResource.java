package org.invigil.report.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.invigil.access.control.BearerToken;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.ids.entity.SessionId;
import org.invigil.integrity.control.IncidentsJson;
import org.invigil.monitoring.entity.EvidenceFrame;
import org.invigil.monitoring.entity.Incident;
import org.invigil.report.control.StudentReports;
import org.invigil.review.entity.StudentResponse;

/**
 * The student's own report as JSON ({@code /api/report}), with the responses they write before a final decision;
 * {@code Authorization: Bearer <launch token>} of a learner.
 */
@Path("report")
@Produces(MediaType.APPLICATION_JSON)
public class StudentReportResource {

    @Inject
    ToolSessions toolSessions;

    @Inject
    StudentReports reports;

    /** Every attempt of the student at the exam of their launch. */
    @GET
    public JsonObject report(@HeaderParam("Authorization") String authorization) {
        return json(reports.of(student(authorization)));
    }

    @GET
    @Path("sessions/{id}")
    public JsonObject attempt(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        return json(reports.of(student(authorization), SessionId.of(id)));
    }

    @GET
    @Path("sessions/{id}/evidence/{frame}")
    @Produces("image/jpeg")
    public Response evidence(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                             @PathParam("frame") String frame) {
        return Response.ok(reports.evidence(student(authorization), SessionId.of(id), frame))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** {@code {"text": "...", "incident": "<id>"}}, the incident left out for the whole attempt. */
    @POST
    @Path("sessions/{id}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response respond(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                            JsonObject body) {
        StudentResponse response = reports.respond(student(authorization), SessionId.of(id),
                body == null ? null : body.getString("incident", null), body == null ? null : body.getString("text", null));
        return Response.status(Response.Status.CREATED).entity(json(response)).build();
    }

    static JsonObject json(StudentResponse response) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", response.id())
                .add("at", response.writtenAt().toString()).add("text", response.text());
        response.incidentId().ifPresent(incident -> json.add("incident", incident));
        return json.build();
    }

    private static JsonObject json(StudentReports.Report report) {
        JsonArrayBuilder attempts = Json.createArrayBuilder();
        for (StudentReports.Attempt attempt : report.attempts()) {
            List<Incident> incidents = attempt.incidents().stream().map(StudentReports.IncidentEvidence::incident)
                    .toList();
            JsonObjectBuilder json = Json.createObjectBuilder(IncidentsJson.of(incidents, id -> evidence(attempt, id),
                    attempt.result()));
            JsonArrayBuilder decisions = Json.createArrayBuilder();
            attempt.exchange().decisions().forEach(decision -> {
                JsonObjectBuilder d = Json.createObjectBuilder().add("outcome", decision.outcome().id())
                        .add("reviewer", decision.reviewerName()).add("at", decision.decidedAt().toString());
                decision.incidentId().ifPresent(incident -> d.add("incident", incident));
                decision.note().ifPresent(note -> d.add("note", note));
                decisions.add(d);
            });
            JsonArrayBuilder responses = Json.createArrayBuilder();
            attempt.exchange().responses().forEach(response -> responses.add(json(response)));
            attempts.add(json.add("sessionId", attempt.session().id()).add("state", attempt.session().state().id())
                    .add("decisions", decisions).add("responses", responses)
                    .add("canRespond", attempt.exchange().window().isOpen()).add("retention", attempt.retention()));
        }
        return Json.createObjectBuilder().add("exam", report.exam().title()).add("attempts", attempts).build();
    }

    private static List<EvidenceFrame> evidence(StudentReports.Attempt attempt, String incidentId) {
        return attempt.incidents().stream().filter(item -> item.incident().id().equals(incidentId)).findFirst()
                .map(StudentReports.IncidentEvidence::evidence).orElse(List.of());
    }

    private ToolSession student(String authorization) {
        return toolSessions.open(BearerToken.from(authorization));
    }
}
