package org.invigil.deeplinking.boundary;

import static org.invigil.web.boundary.Page.escape;

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
import java.util.Map;
import org.invigil.access.control.SessionRefused;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.deeplinking.control.DeepLinking;
import java.util.EnumSet;
import java.util.Set;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.ExamSettings;
import org.invigil.web.boundary.Page;
import org.invigil.web.boundary.ToolAddresses;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** The page an instructor's deep linking launch lands on ({@code /lti/deep-linking}): name the exam, set it up. */
@Path("deep-linking")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class DeepLinkingResource {

    @Inject
    ToolSessions sessions;

    @Inject
    DeepLinking deepLinking;

    @Inject
    ToolAddresses addresses;

    @Context
    UriInfo uriInfo;

    @GET
    public String form(@QueryParam("session") String token) {
        ToolSession session = staffDeepLinking(token);
        ExamSettings defaults = ExamSettings.defaults();
        String body = """
                <h1>Add a proctored exam</h1>
                <p>Course: %s</p>
                <form method="post" action="/lti/deep-linking">
                  <input type="hidden" name="session" value="%s">
                  <label for="title">Title</label>
                  <input type="text" id="title" name="title" required maxlength="200" value="Proctored exam">
                  <label for="frameInterval">Seconds between webcam frames</label>
                  <input type="number" id="frameInterval" name="frameInterval" min="%d" max="%d" value="%d">
                  <label><input type="checkbox" name="identityRequired" value="true" %s> Require an identity check
                  before the exam</label>
                  <button type="submit">Add to the course</button>
                </form>
                """.formatted(escape(session.contextTitle().orElse("—")), escape(token),
                ExamSettings.MIN_FRAME_INTERVAL, ExamSettings.MAX_FRAME_INTERVAL, defaults.frameIntervalSeconds(),
                defaults.identityRequired() ? "checked" : "");
        return Page.render("Add a proctored exam", body);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String create(@FormParam("session") String token, @FormParam("title") String title,
                         @FormParam("frameInterval") String frameInterval,
                         @FormParam("identityRequired") String identityRequired) {
        ToolSession session = staffDeepLinking(token);
        String name = title == null ? "" : title.trim();
        if (name.isEmpty() || name.length() > 200) {
            throw invalid("title_invalid", "Give the exam a title of 1 to 200 characters.");
        }
        ExamSettings settings;
        try {
            ExamSettings defaults = ExamSettings.defaults();
            Set<Check> checks = EnumSet.copyOf(defaults.checks());
            if (!"true".equals(identityRequired)) {
                checks.remove(Check.IDENTITY);
            }
            settings = defaults.withChecks(checks).withFrameInterval(frameInterval == null || frameInterval.isBlank()
                    ? defaults.frameIntervalSeconds() : Integer.parseInt(frameInterval.trim()));
        } catch (NumberFormatException e) {
            throw invalid("frame_interval_invalid", "The frame interval must be a whole number of seconds.");
        } catch (IllegalArgumentException e) {
            throw invalid("frame_interval_invalid", e.getMessage());
        }
        DeepLinking.Response response = deepLinking.createExam(session, name, settings, addresses.of(uriInfo));
        return Page.autoPost("Returning to your course", response.returnUrl(), Map.of("JWT", response.jwt()));
    }

    private ToolSession staffDeepLinking(String token) {
        ToolSession session = sessions.open(token);
        if (session.deepLinkReturnUrl().isEmpty()) {
            throw new SessionRefused(403, "not_deep_linking", "This session did not come from adding an activity "
                    + "in your LMS.");
        }
        if (!session.isStaff()) {
            throw new SessionRefused(403, "deep_linking_staff_only", "Only instructors can add a proctored exam.");
        }
        return session;
    }

    private static ProblemException invalid(String code, String detail) {
        return new ProblemException(Problem.badRequest(code, detail));
    }
}
