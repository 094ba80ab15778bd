package org.invigil.registration.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.invigil.registration.control.DynamicRegistration;
import org.invigil.registration.control.PlatformConfiguration;
import org.invigil.registration.control.ToolConfiguration;
import org.invigil.registration.control.ToolAddresses;

/**
 * The registration URL an LMS administrator pastes ({@code /lti/register}). It works top-level (Moodle) and inside
 * an iframe (Canvas): nothing depends on cookies, and the page ends with the {@code org.imsglobal.lti.close} message.
 * A one-time link ({@code /lti/register/links/<secret>}, issued by the tool administrator) works the same way and can
 * be made the only way to register ({@code invigil.registration.require-link}). Neither ever changes an existing
 * registration.
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
        return confirm(null, openidConfiguration, registrationToken);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String register(@FormParam("openid_configuration") String openidConfiguration,
                           @FormParam("registration_token") String registrationToken) {
        return register(null, openidConfiguration, registrationToken);
    }

    /** The same through a one-time registration link the tool administrator issued. */
    @GET
    @Path("links/{link}")
    public String confirmWithLink(@PathParam("link") String link,
                                  @QueryParam("openid_configuration") String openidConfiguration,
                                  @QueryParam("registration_token") String registrationToken) {
        return confirm(link, openidConfiguration, registrationToken);
    }

    @POST
    @Path("links/{link}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String registerWithLink(@PathParam("link") String link,
                                   @FormParam("openid_configuration") String openidConfiguration,
                                   @FormParam("registration_token") String registrationToken) {
        return register(link, openidConfiguration, registrationToken);
    }

    private String confirm(String link, String openidConfiguration, String registrationToken) {
        PlatformConfiguration platform = registration.discover(link, openidConfiguration, registrationToken);
        return RegistrationPages.confirm(platform, openidConfiguration, registrationToken,
                ToolConfiguration.of(addresses.of(uriInfo.getBaseUri())), uriInfo.getRequestUri().getRawPath());
    }

    private String register(String link, String openidConfiguration, String registrationToken) {
        DynamicRegistration.Registered registered = registration.register(link, openidConfiguration,
                registrationToken, addresses.of(uriInfo.getBaseUri()));
        return RegistrationPages.done(registered.platform(), registered.registration());
    }

    /** The configuration Invigil sends in Dynamic Registration, for administrators who register by hand. */
    @GET
    @Path("tool-configuration.json")
    @Produces(MediaType.APPLICATION_JSON)
    public String toolConfiguration() {
        return ToolConfiguration.of(addresses.of(uriInfo.getBaseUri())).toString();
    }

}
