package org.invigil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.invigil.simulator.BrowserResponse;
import org.invigil.simulator.Course;
import org.invigil.simulator.DeepLinkingReturn;
import org.invigil.simulator.HtmlForm;
import org.invigil.simulator.LaunchRequest;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.ToolRegistration;
import org.invigil.simulator.User;

/** The steps of an LMS administrator and an instructor that many integration tests start from. */
public final class LmsFlows {

    static final URI REGISTRATION_URL = DeployedTool.at("/lti/register");

    private LmsFlows() {
    }

    public static ToolRegistration registerDynamically(LtiPlatformSimulator lms) {
        BrowserResponse confirm = lms.browser().get(lms.registrationStartUrl(REGISTRATION_URL));
        assertEquals(200, confirm.status(), confirm.body());
        assertTrue(confirm.body().contains("Register Invigil"), confirm.body());
        BrowserResponse done = lms.browser().submitForm(confirm);
        assertEquals(200, done.status(), done.body() + " / platform: " + lms.rejections());
        assertTrue(done.body().contains("org.imsglobal.lti.close"), "the page must close the LMS dialog");
        ToolRegistration tool = lms.onlyRegistration();
        assertTrue(done.body().contains(tool.clientId()));
        return tool.activate();
    }

    public static ResourceLink deepLinkExam(LtiPlatformSimulator lms, Course course, User teacher, String title) {
        return deepLinkExam(lms, course, teacher, title, Map.of("frameInterval", "5"));
    }

    /** Adds an exam by deep linking, filling the tool's form with the title and {@code fields}. */
    public static ResourceLink deepLinkExam(LtiPlatformSimulator lms, Course course, User teacher, String title,
                                            Map<String, String> fields) {
        String data = "opaque-" + java.util.UUID.randomUUID();
        BrowserResponse picker = lms.launch(LaunchRequest.deepLinking(course).as(teacher)
                .deepLinkingData(data)).run();
        assertEquals(200, picker.status(), picker.body());
        assertTrue(picker.uri().getPath().endsWith("/lti/deep-linking"));
        HtmlForm form = picker.form().with("title", title);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            form = form.with(field.getKey(), field.getValue());
        }
        BrowserResponse autoPost = lms.browser().submit(form);
        assertEquals(200, autoPost.status(), autoPost.body());
        BrowserResponse returned = lms.browser().submitForm(autoPost);
        assertEquals(200, returned.status(), returned.body() + " / platform: " + lms.rejections());
        DeepLinkingReturn.Received received = lms.deepLinkingResponses().get(lms.deepLinkingResponses().size() - 1);
        assertEquals(data, received.claims().getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"));
        assertEquals(course.id(), received.course().id(), "the link belongs to the course that asked for it");
        Map<String, Object> item = received.contentItems().get(0);
        assertEquals("ltiResourceLink", item.get("type"));
        assertEquals(title, item.get("title"));
        return received.resourceLinks().get(0);
    }

    public static <T> T eventually(Supplier<Optional<T>> probe, String failure) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(failure);
    }
}
