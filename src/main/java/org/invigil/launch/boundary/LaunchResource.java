package org.invigil.launch.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.invigil.launch.control.IdTokenVerifier;
import org.invigil.launch.control.Landing;
import org.invigil.launch.control.LaunchRejected;
import org.invigil.launch.entity.LtiLaunch;
import org.invigil.launch.entity.MessageType;
import org.invigil.web.boundary.Page;

/**
 * The redirect URI ({@code /lti/launch}): the platform's form_post of {@code id_token} and {@code state}. A verified
 * launch is answered 303 See Other to its page, so reloading the page does not post the launch again.
 */
@Path("launch")
public class LaunchResource {

    @Inject
    IdTokenVerifier verifier;

    @Inject
    Landing landing;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response launch(@FormParam("id_token") String idToken, @FormParam("state") String state,
                           @FormParam("error") String error, @FormParam("error_description") String description) {
        if (error != null && (idToken == null || idToken.isBlank())) {
            throw LaunchRejected.malformed("platform_error", "The platform could not authenticate you: " + error
                    + (description == null ? "" : " (" + description + ")") + ".");
        }
        LtiLaunch launch = verifier.verify(idToken, state);
        if (launch.messageType() == MessageType.END_ASSESSMENT) {
            Landing.EndOfAssessment end = landing.endAssessment(launch);
            return Response.ok(Page.render("Assessment ended", endOfAssessment(launch, end)))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        Landing.Destination destination = landing.land(launch);
        URI page = URI.create(destination.path() + "?session="
                + URLEncoder.encode(destination.sessionToken(), StandardCharsets.UTF_8));
        return Response.seeOther(page).build();
    }

    /** A GET here is a person who bookmarked or reloaded the launch address, not a platform. */
    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response get() {
        throw LaunchRejected.malformed("launch_needs_post", "This address receives launches from your LMS. Open "
                + "the activity from your course page.");
    }

    private static String endOfAssessment(LtiLaunch launch, Landing.EndOfAssessment end) {
        String error = launch.proctoring().flatMap(LtiLaunch.ProctoringClaims::errorMessage)
                .map(message -> "<p class=\"problem\" id=\"platform-error\">The platform reported: "
                        + Page.escape(message) + "</p>")
                .orElse("");
        String report = end.reportSession().map(token -> "<p><a class=\"button-link\" id=\"open-report\" href=\""
                + Page.escape("/report/index.xhtml?session=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                + "\">See your proctoring report</a> — what Invigil noticed, its result once it is ready, and a "
                + "place to respond if you disagree.</p>").orElse("");
        return "<h1>Your assessment has ended</h1>" + error
                + "<p id=\"end-of-assessment\" data-ended=\"" + end.ended() + "\">Thank you, "
                + Page.escape(launch.user().displayName()) + ". " + (end.ended() ? "Proctoring has stopped and your "
                + "attempt's result goes to your course." : "No proctored attempt of yours was running.")
                + "</p>" + report + "<p>You can close this page.</p>";
    }
}
