package org.invigil.launch.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.invigil.launch.control.OidcLogin;
import org.invigil.registration.control.ToolAddresses;

/** The OIDC login initiation URL ({@code /lti/login}), by GET or POST (Security Framework 1.0 §5.1.1.1). */
@Path("login")
public class LoginResource {

    @Inject
    OidcLogin login;

    @Inject
    ToolAddresses addresses;

    @Context
    UriInfo uriInfo;

    @GET
    public Response get(@QueryParam("iss") String issuer, @QueryParam("login_hint") String loginHint,
                        @QueryParam("target_link_uri") String targetLinkUri,
                        @QueryParam("lti_message_hint") String messageHint,
                        @QueryParam("lti_deployment_id") String deploymentId,
                        @QueryParam("client_id") String clientId) {
        return redirect(new OidcLogin.Initiation(issuer, loginHint, targetLinkUri, messageHint, deploymentId, clientId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@FormParam("iss") String issuer, @FormParam("login_hint") String loginHint,
                         @FormParam("target_link_uri") String targetLinkUri,
                         @FormParam("lti_message_hint") String messageHint,
                         @FormParam("lti_deployment_id") String deploymentId,
                         @FormParam("client_id") String clientId) {
        return redirect(new OidcLogin.Initiation(issuer, loginHint, targetLinkUri, messageHint, deploymentId, clientId));
    }

    private Response redirect(OidcLogin.Initiation initiation) {
        return Response.status(Response.Status.FOUND)
                .location(login.authenticationRequest(initiation, addresses.of(uriInfo.getBaseUri())))
                .build();
    }
}
