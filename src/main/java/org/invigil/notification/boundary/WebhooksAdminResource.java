package org.invigil.notification.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.invigil.notification.control.Webhooks;
import org.invigil.notification.entity.EventType;
import org.invigil.notification.entity.Webhook;
import org.invigil.web.boundary.AdminOnly;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/**
 * The tool administrator gives a platform a webhook: {@code PUT /api/admin/platforms/{platform}/webhook} with
 * {@code {"url": "https://...", "secret": "..."}} (leave the secret out and Invigil generates one, returned once);
 * {@code GET} shows it without the secret, {@code DELETE} removes it.
 */
@Path("admin/platforms/{platformId}/webhook")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksAdminResource {

    @Inject
    Webhooks webhooks;

    @GET
    public JsonObject show(@PathParam("platformId") String platformId) {
        Webhook webhook = webhooks.require(platformId);
        return base(platformId, webhook.url()).add("updatedAt", webhook.updatedAt().toString()).build();
    }

    @PUT
    public JsonObject configure(@PathParam("platformId") String platformId, String body) {
        JsonObject json = JsonBodies.of(body);
        String url = JsonBodies.text(json, "url").orElseThrow(() -> new ProblemException(Problem.badRequest(
                "url_missing", "Send the webhook as {\"url\": \"https://...\", \"secret\": \"...\"}.")));
        Webhooks.Configured configured = webhooks.configure(platformId, url, JsonBodies.text(json, "secret"));
        JsonObjectBuilder answer = base(platformId, configured.url().toString())
                .add("updatedAt", configured.updatedAt().toString());
        configured.generatedSecret().ifPresent(secret -> answer.add("secret", secret));
        return answer.build();
    }

    @DELETE
    public JsonObject remove(@PathParam("platformId") String platformId) {
        return Json.createObjectBuilder().add("platformId", platformId).add("removed", webhooks.remove(platformId))
                .build();
    }

    private static JsonObjectBuilder base(String platformId, String url) {
        JsonArrayBuilder events = Json.createArrayBuilder();
        for (EventType type : EventType.values()) {
            events.add(type.id());
        }
        return Json.createObjectBuilder().add("platformId", platformId).add("url", url).add("events", events)
                .add("signature", "Invigil-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">");
    }
}
