package org.invigil.keys.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.invigil.keys.control.KeyRing;
import org.invigil.web.boundary.AdminOnly;

/**
 * Tool administration: the keys ({@code GET /api/admin/keys}) and rotating the signing key now
 * ({@code POST /api/admin/keys/rotate}).
 */
@Path("admin/keys")
@AdminOnly
public class KeysAdminResource {

    @Inject
    KeyRing keyRing;

    /** The tool's keys: which one signs, which are still published, when each was made and retired. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (KeyRing.KeyState key : keyRing.states()) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("kid", key.kid())
                    .add("createdAt", key.createdAt().toString()).add("signing", key.signing())
                    .add("published", key.published());
            if (key.retiredAt() != null) {
                json.add("retiredAt", key.retiredAt().toString());
            }
            list.add(json);
        }
        return list.build().toString();
    }

    @POST
    @Path("rotate")
    @Produces(MediaType.APPLICATION_JSON)
    public String rotate() {
        return Json.createObjectBuilder().add("kid", keyRing.rotate()).build().toString();
    }
}
