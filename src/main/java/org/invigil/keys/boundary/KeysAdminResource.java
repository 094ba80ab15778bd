package org.invigil.keys.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.invigil.keys.control.KeyRing;
import org.invigil.web.boundary.AdminOnly;

/** Tool administration: rotate the signing key now ({@code POST /api/admin/keys/rotate}). */
@Path("admin/keys")
@AdminOnly
public class KeysAdminResource {

    @Inject
    KeyRing keyRing;

    @POST
    @Path("rotate")
    @Produces(MediaType.APPLICATION_JSON)
    public String rotate() {
        return Json.createObjectBuilder().add("kid", keyRing.rotate()).build().toString();
    }
}
