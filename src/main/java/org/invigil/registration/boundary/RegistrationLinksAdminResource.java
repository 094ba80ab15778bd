package org.invigil.registration.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import org.invigil.registration.control.RegistrationLinks;
import org.invigil.registration.control.RegistrationRefused;
import org.invigil.registration.entity.RegistrationLink;
import org.invigil.web.boundary.AdminOnly;
import org.invigil.registration.control.ToolAddresses;

/**
 * One-time registration links, the tool administrator's: {@code POST /api/admin/registration-links} with
 * {@code {"validHours": 24, "label": "Moodle of the Faculty of Law"}} answers the URL to paste into that LMS (shown
 * once: only its hash is kept); {@code GET} lists the links and what each registered.
 */
@Path("admin/registration-links")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationLinksAdminResource {

    @Inject
    RegistrationLinks links;

    @Inject
    ToolAddresses addresses;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(JsonObject body) {
        JsonObject request = body == null ? JsonObject.EMPTY_JSON_OBJECT : body;
        Duration validity = null;
        if (request.containsKey("validHours") && !request.isNull("validHours")) {
            if (!(request.get("validHours") instanceof JsonNumber hours) || !hours.isIntegral()
                    || hours.bigIntegerValue().bitLength() > 31) {
                throw new RegistrationRefused("validity_invalid", "validHours must be a whole number of hours.");
            }
            validity = Duration.ofHours(hours.intValue());
        }
        String label = null;
        if (request.containsKey("label") && !request.isNull("label")) {
            if (!(request.get("label") instanceof JsonString text)) {
                throw new RegistrationRefused("field_malformed", "The label must be a string.");
            }
            label = text.getString();
        }
        RegistrationLinks.Issued issued = links.issue(validity, label);
        String url = addresses.of(uriInfo.getBaseUri()).resolve("/lti/register/links/" + issued.secret()).toString();
        return Response.status(201).entity(toJson(issued.link()).add("url", url).build().toString()).build();
    }

    @GET
    public String list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        links.all().forEach(link -> list.add(toJson(link)));
        return list.build().toString();
    }

    private static JsonObjectBuilder toJson(RegistrationLink link) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("createdAt", link.createdAt().toString())
                .add("expiresAt", link.expiresAt().toString());
        if (link.label() != null) {
            json.add("label", link.label());
        }
        if (link.claimedAt() != null) {
            json.add("usedAt", link.claimedAt().toString());
        }
        if (link.platformId() != null) {
            json.add("platformId", link.platformId());
        }
        return json;
    }
}
