package org.invigil.review.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.invigil.registration.control.Platforms;
import org.invigil.review.control.IntegrityOfficers;
import org.invigil.web.boundary.AdminOnly;

/**
 * The tool administrator designates integrity officers of a platform by their LMS user id
 * ({@code PUT/DELETE /api/admin/platforms/{platform}/officers/{user}}); institution Administrators need no designation.
 */
@Path("admin/platforms/{platformId}/officers")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class OfficersAdminResource {

    @Inject
    IntegrityOfficers officers;

    @Inject
    Platforms platforms;

    @GET
    public JsonObject list(@PathParam("platformId") String platformId) {
        platforms.require(platformId);
        JsonArrayBuilder users = Json.createArrayBuilder();
        officers.of(platformId).forEach(users::add);
        return Json.createObjectBuilder().add("platformId", platformId).add("officers", users).build();
    }

    @PUT
    @Path("{userId}")
    public JsonObject designate(@PathParam("platformId") String platformId, @PathParam("userId") String userId) {
        platforms.require(platformId);
        officers.designate(platformId, userId);
        return list(platformId);
    }

    @DELETE
    @Path("{userId}")
    public JsonObject revoke(@PathParam("platformId") String platformId, @PathParam("userId") String userId) {
        platforms.require(platformId);
        officers.revoke(platformId, userId);
        return list(platformId);
    }
}
