package org.invigil.notification.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.invigil.access.control.BearerToken;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.ids.entity.ExamId;
import org.invigil.notification.control.Mailer;
import org.invigil.notification.control.Subscriptions;
import org.invigil.notification.entity.Subscription;

/**
 * Email for attempts that need review, with the launch's token ({@code Authorization: Bearer}):
 * {@code GET /api/notifications} (whether email is on, and the caller's subscriptions),
 * {@code PUT/DELETE /api/notifications/exams/{examId}} (an exam's staff) and
 * {@code PUT/DELETE /api/notifications/platform} (integrity officers, every exam). A PUT may name the address as
 * {@code {"email": "..."}}; otherwise the launch's email is used.
 */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    @Inject
    ToolSessions toolSessions;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Mailer mailer;

    @GET
    public JsonObject overview(@HeaderParam("Authorization") String authorization) {
        ToolSession person = person(authorization);
        JsonObjectBuilder email = Json.createObjectBuilder().add("enabled", mailer.isOn());
        mailer.whyOff().ifPresent(message -> email.add("message", message));
        JsonArrayBuilder list = Json.createArrayBuilder();
        subscriptions.of(person).forEach(subscription -> list.add(toJson(subscription)));
        return Json.createObjectBuilder().add("email", email).add("subscriptions", list).build();
    }

    @PUT
    @Path("exams/{examId}")
    public JsonObject subscribeToExam(@HeaderParam("Authorization") String authorization,
                                      @PathParam("examId") String examId, String body) {
        return toJson(subscriptions.toExam(person(authorization), ExamId.of(examId),
                JsonBodies.text(JsonBodies.of(body), "email")));
    }

    @DELETE
    @Path("exams/{examId}")
    public JsonObject unsubscribeFromExam(@HeaderParam("Authorization") String authorization,
                                          @PathParam("examId") String examId) {
        return cancelled(subscriptions.cancelExam(person(authorization), ExamId.of(examId)));
    }

    @PUT
    @Path("platform")
    public JsonObject subscribeToPlatform(@HeaderParam("Authorization") String authorization, String body) {
        return toJson(subscriptions.toPlatform(person(authorization), JsonBodies.text(JsonBodies.of(body), "email")));
    }

    @DELETE
    @Path("platform")
    public JsonObject unsubscribeFromPlatform(@HeaderParam("Authorization") String authorization) {
        return cancelled(subscriptions.cancelPlatform(person(authorization)));
    }

    private ToolSession person(String authorization) {
        return toolSessions.open(BearerToken.from(authorization));
    }

    private static JsonObject toJson(Subscription subscription) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", subscription.id())
                .add("scope", subscription.isPlatformWide() ? "platform" : "exam")
                .add("email", subscription.email())
                .add("events", Json.createArrayBuilder().add("attempt.needs_review"))
                .add("since", subscription.createdAt().toString());
        subscription.examId().ifPresent(examId -> json.add("examId", examId));
        return json.build();
    }

    private static JsonObject cancelled(boolean existed) {
        return Json.createObjectBuilder().add("cancelled", existed).build();
    }
}
