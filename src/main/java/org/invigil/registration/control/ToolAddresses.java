package org.invigil.registration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.registration.entity.ToolAddress;

/** Works out the tool's public base address for the request at hand. */
@ApplicationScoped
public class ToolAddresses {

    @Inject
    @ConfigProperty(name = "invigil.public-url")
    Optional<String> publicUrl;

    /** {@code requestBase}: the base URI of the request being answered, used when no public URL is configured. */
    public ToolAddress of(URI requestBase) {
        if (publicUrl.isPresent() && !publicUrl.get().isBlank()) {
            return ToolAddress.of(publicUrl.get().trim());
        }
        return new ToolAddress(URI.create(requestBase.getScheme() + "://" + requestBase.getRawAuthority()));
    }
}
