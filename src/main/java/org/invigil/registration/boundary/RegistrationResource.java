package org.invigil.registration.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.invigil.registration.control.DynamicRegistration;
import org.invigil.registration.control.PlatformConfiguration;
import org.invigil.registration.control.ToolConfiguration;
import org.invigil.registration.entity.PlatformRegistration;
import org.invigil.web.boundary.ToolAddresses;

/**
 * The registration URL an LMS administrator pastes ({@code /lti/register}). It works top-level (Moodle) and inside
 * an iframe (Canvas): nothing depends on cookies, and the page ends with the {@code org.imsglobal.lti.close} message.
 */
@Path("register")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class RegistrationResource {

    @Inject
    DynamicRegistration registration;

    @Inject
    ToolAddresses addresses;

    @Context
    UriInfo uriInfo;

    /** Shows what the platform is and what Invigil will ask of it; registers on confirmation. */
    @GET
    public String confirm(@QueryParam("openid_configuration") String openidConfiguration,
                          @QueryParam("registration_token") String registrationToken) {
        PlatformConfiguration platform = registration.discover(openidConfiguration, registrationToken);
        return RegistrationPages.confirm(platform, openidConfiguration, registrationToken,
                ToolConfiguration.of(addresses.of(uriInfo)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String register(@FormParam("openid_configuration") String openidConfiguration,
                           @FormParam("registration_token") String registrationToken) {
        PlatformConfiguration platform = registration.discover(openidConfiguration, registrationToken);
        PlatformRegistration registered = registration.register(platform, registrationToken, addresses.of(uriInfo));
        return RegistrationPages.done(platform, registered);
    }

    /** The configuration Invigil sends in Dynamic Registration, for administrators who register by hand. */
    @GET
    @Path("tool-configuration.json")
    @Produces(MediaType.APPLICATION_JSON)
    public String toolConfiguration() {
        return ToolConfiguration.of(addresses.of(uriInfo)).toString();
    }

}
