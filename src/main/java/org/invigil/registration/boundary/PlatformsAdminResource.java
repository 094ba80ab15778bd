package org.invigil.registration.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.invigil.audit.entity.AuditEntry;
import org.invigil.registration.control.PlatformDetails;
import org.invigil.registration.control.Platforms;
import org.invigil.registration.control.RegistrationRefused;
import org.invigil.registration.entity.PlatformEndpoints;
import org.invigil.registration.entity.PlatformRegistration;
import org.invigil.web.boundary.AdminOnly;

/**
 * Manual registration by the tool administrator: {@code PUT /api/admin/platforms} creates or updates a platform
 * (keyed by issuer and client id) and adds deployments; {@code GET} lists them; {@code GET {id}/audit} tells what
 * changed each. Only here do a registration's endpoints and keys change.
 */
@Path("admin/platforms")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class PlatformsAdminResource {

    @Inject
    Platforms platforms;

    @GET
    public String list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        platforms.all().forEach(platform -> list.add(toJson(platform)));
        return list.build().toString();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public String put(JsonObject body) {
        if (body == null) {
            throw new RegistrationRefused("body_missing", "Send the platform as a JSON object.");
        }
        PlatformDetails details = new PlatformDetails(text(body, "issuer"), text(body, "clientId"),
                texts(body, "deploymentIds"),
                new PlatformEndpoints(text(body, "authorizationEndpoint"), text(body, "tokenEndpoint"),
                        text(body, "jwksUri"), text(body, "tokenAudience")),
                text(body, "name"), text(body, "productFamilyCode"), new HashSet<>(texts(body, "scopes")));
        return toJson(platforms.put(details)).toString();
    }

    /** What changed a registration, and who: Dynamic Registration's creation and every administrator's change. */
    @GET
    @Path("{platform}/audit")
    public String audit(@PathParam("platform") String id) {
        PlatformRegistration platform = platforms.require(id);
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (AuditEntry entry : platforms.history(platform)) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("at", entry.occurredAt().toString())
                    .add("actor", entry.actorName()).add("action", entry.action());
            if (entry.detail() != null) {
                json.add("detail", entry.detail());
            }
            entries.add(json);
        }
        return entries.build().toString();
    }

    private static JsonObject toJson(PlatformRegistration platform) {
        JsonArrayBuilder deployments = Json.createArrayBuilder();
        platform.deployments().forEach(deployments::add);
        JsonArrayBuilder scopes = Json.createArrayBuilder();
        platform.scopes().forEach(scopes::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", platform.id())
                .add("issuer", platform.issuer())
                .add("clientId", platform.clientId())
                .add("deploymentIds", deployments)
                .add("authorizationEndpoint", platform.endpoints().authorizationEndpoint())
                .add("tokenEndpoint", platform.endpoints().tokenEndpoint())
                .add("jwksUri", platform.endpoints().jwksUri())
                .add("tokenAudience", platform.tokenAudience())
                .add("scopes", scopes)
                .add("registeredBy", platform.registeredBy().name().toLowerCase())
                .add("createdAt", platform.createdAt().toString())
                .add("updatedAt", platform.updatedAt().toString());
        if (platform.name() != null) {
            json.add("name", platform.name());
        }
        if (platform.productFamilyCode() != null) {
            json.add("productFamilyCode", platform.productFamilyCode());
        }
        return json.build();
    }

    private static String text(JsonObject body, String member) {
        if (!body.containsKey(member) || body.isNull(member)) {
            return null;
        }
        if (body.get(member) instanceof JsonString value) {
            return value.getString().trim();
        }
        throw new RegistrationRefused("field_malformed", "The field " + member + " must be a string.");
    }

    private static List<String> texts(JsonObject body, String member) {
        List<String> values = new ArrayList<>();
        if (!body.containsKey(member) || body.isNull(member)) {
            return values;
        }
        if (!(body.get(member) instanceof JsonArray array)) {
            throw new RegistrationRefused("field_malformed", "The field " + member + " must be an array of strings.");
        }
        for (var value : array) {
            if (!(value instanceof JsonString text)) {
                throw new RegistrationRefused("field_malformed", "The field " + member + " must hold only strings.");
            }
            values.add(text.getString());
        }
        return values;
    }
}
