package org.invigil.web.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.web.control.ToolAddress;

/** Works out the tool's public base address for the request at hand. */
@ApplicationScoped
public class ToolAddresses {

    @Inject
    @ConfigProperty(name = "invigil.public-url")
    Optional<String> publicUrl;

    public ToolAddress of(UriInfo request) {
        if (publicUrl.isPresent() && !publicUrl.get().isBlank()) {
            return ToolAddress.of(publicUrl.get().trim());
        }
        URI base = request.getBaseUri();
        return new ToolAddress(URI.create(base.getScheme() + "://" + base.getRawAuthority()));
    }
}
