package org.invigil.keys.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.invigil.keys.control.KeyRing;

/** The tool's public keys at a stable address, {@code /lti/jwks.json}, for platforms to verify our signatures. */
@Path("jwks.json")
public class JwksResource {

    @Inject
    KeyRing keyRing;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        return Response.ok(keyRing.publicKeys().toString(true))
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
