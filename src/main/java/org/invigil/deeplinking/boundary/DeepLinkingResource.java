package org.invigil.deeplinking.boundary;

import static org.invigil.web.boundary.Page.escape;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.invigil.access.control.SessionRefused;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.deeplinking.control.DeepLinking;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Set;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.ExamSettings;
import org.invigil.web.boundary.Page;
import org.invigil.registration.control.ToolAddresses;
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
        String checks = Arrays.stream(Check.values()).map(check -> """
                <label><input type="checkbox" name="check-%s" value="on" %s> %s</label>
                <p class="hint">%s</p>
                """.formatted(check.id(), defaults.enabled(check) ? "checked" : "", escape(check.title()),
                escape(check.captures()))).collect(Collectors.joining());
        String body = """
                <h1>Add a proctored exam</h1>
                <p>Course: %s</p>
                <form method="post" action="/lti/deep-linking">
                  <input type="hidden" name="session" value="%s">
                  <label for="title">Title</label>
                  <input type="text" id="title" name="title" required maxlength="200" value="Proctored exam">
                  <label for="quizUrl">Address of the quiz this exam protects (optional)</label>
                  <input type="text" id="quizUrl" name="quizUrl" maxlength="1000" placeholder="https://moodle.example.edu/mod/quiz/view.php?id=42">
                  <p class="hint">With Invigil's exam-page agent installed in your LMS, the monitor runs inside these quiz
                  pages; see lti-config/agent.md.</p>
                  <label for="frameInterval">Seconds between webcam pictures</label>
                  <input type="number" id="frameInterval" name="frameInterval" min="%d" max="%d" value="%d">
                  <fieldset>
                  <legend>Checks</legend>
                  %s
                  </fieldset>
                  <button type="submit">Add to the course</button>
                </form>
                """.formatted(escape(session.contextTitle().orElse("—")), escape(token),
                ExamSettings.MIN_FRAME_INTERVAL, ExamSettings.MAX_FRAME_INTERVAL, defaults.frameIntervalSeconds(), checks);
        return Page.render("Add a proctored exam", body);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String create(MultivaluedMap<String, String> form) {
        ToolSession session = staffDeepLinking(form.getFirst("session"));
        String name = form.getFirst("title") == null ? "" : form.getFirst("title").trim();
        if (name.isEmpty() || name.length() > 200) {
            throw invalid("title_invalid", "Give the exam a title of 1 to 200 characters.");
        }
        Set<Check> checks = EnumSet.noneOf(Check.class);
        Arrays.stream(Check.values()).filter(check -> form.containsKey("check-" + check.id())).forEach(checks::add);
        String frameInterval = form.getFirst("frameInterval");
        ExamSettings settings;
        try {
            ExamSettings defaults = ExamSettings.defaults();
            settings = defaults.withChecks(checks).withQuizUrl(Optional.ofNullable(form.getFirst("quizUrl")))
                    .withFrameInterval(frameInterval == null || frameInterval.isBlank()
                            ? defaults.frameIntervalSeconds() : Integer.parseInt(frameInterval.trim()));
        } catch (NumberFormatException e) {
            throw invalid("frame_interval_invalid", "The frame interval must be a whole number of seconds.");
        } catch (IllegalArgumentException e) {
            throw invalid("settings_invalid", e.getMessage());
        }
        DeepLinking.Response response = deepLinking.createExam(session, name, settings,
                addresses.of(uriInfo.getBaseUri()));
        return Page.autoPost("Returning to your course", response.returnUrl(), Map.of("JWT", response.jwt()));
    }

    private ToolSession staffDeepLinking(String token) {
        ToolSession session = sessions.open(token);
        if (session.deepLinkReturnUrl().isEmpty()) {
            throw SessionRefused.notAllowed("not_deep_linking", "This session did not come from adding an activity "
                    + "in your LMS.");
        }
        if (!session.isStaff()) {
            throw SessionRefused.notAllowed("deep_linking_staff_only", "Only instructors can add a proctored exam.");
        }
        return session;
    }

    private static ProblemException invalid(String code, String detail) {
        return new ProblemException(Problem.badRequest(code, detail));
    }
}
