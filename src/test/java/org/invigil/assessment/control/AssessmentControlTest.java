package org.invigil.assessment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.invigil.assessment.entity.ControlMessage;
import org.invigil.assessment.entity.Handoff;
import org.invigil.outbound.control.HttpAnswer;
import org.invigil.registration.entity.PlatformEndpoints;
import org.invigil.registration.entity.PlatformRegistration;
import org.invigil.session.entity.ProctoringSession;
import org.junit.jupiter.api.Test;

class AssessmentControlTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theOutcomesSeverityFallsOnOpenEdxsSideOfItsReviewBoundary() {
        double boundary = AssessmentControl.REVIEW_SEVERITY_BOUNDARY;
        assertEquals(0.0, AssessmentControl.severity(100, false));
        assertEquals(0.1, AssessmentControl.severity(90, false), 1e-9);
        assertTrue(AssessmentControl.severity(40, false) <= boundary, "no review needed: Open edX verifies");
        assertTrue(AssessmentControl.severity(95, true) > boundary, "needs review: Open edX asks for a second review");
        assertEquals(0.8, AssessmentControl.severity(20, true), 1e-9);
        assertEquals(1.0, AssessmentControl.severity(-5, true));
    }

    @Test
    void theRequestCarriesWhatEveryPlatformRequires() {
        Handoff handoff = new Handoff("s-1", "p-1", new Handoff.Launch("dep-1", "link-7", Optional.empty(),
                Optional.empty(), 2, Optional.of("sd"), "https://lms.example/start",
                Optional.of("https://lms.example/acs"), Set.of("pause")), T0);
        ProctoringSession attempt = new ProctoringSession("exam-1", "p-1", "course-1", "anon-42", "Ada", null, null,
                false, new byte[0], T0);
        PlatformRegistration platform = new PlatformRegistration("https://lms.example", "client-1",
                new PlatformEndpoints("https://lms.example/auth", "https://lms.example/token",
                        "https://lms.example/jwks", null), PlatformRegistration.Source.MANUAL, T0);
        ControlMessage pause = new ControlMessage("s-1", ControlMessage.Action.PAUSE, T0, Optional.empty(),
                Optional.empty(), Optional.of("Fire alarm"), T0);
        JsonObject body = AssessmentControl.body(pause, handoff, attempt, platform);
        assertEquals("https://lms.example", body.getJsonObject("user").getString("iss"), "TAO needs user.iss");
        assertEquals("anon-42", body.getJsonObject("user").getString("sub"));
        assertEquals("link-7", body.getJsonObject("resource_link").getString("id"));
        assertEquals(2, body.getInt("attempt_number"), "a number, as the platform sent it");
        assertEquals("pause", body.getString("action"));
        assertEquals("2026-12-07T10:00:00Z", body.getString("incident_time"), "TAO needs it on every action");
        assertEquals("Fire alarm", body.getString("reason_msg"));
        assertFalse(body.containsKey("incident_severity"));

        ControlMessage outcome = new ControlMessage("s-1", ControlMessage.Action.TERMINATE, T0, Optional.of(0.6),
                Optional.of(AssessmentControl.OUTCOME_REASON), Optional.of("Integrity 40/100"), T0);
        JsonObject terminate = AssessmentControl.body(outcome, handoff, attempt, platform);
        assertEquals(0.6, terminate.getJsonNumber("incident_severity").doubleValue(), 1e-9);
        assertEquals("1", terminate.getString("reason_code"), "Open edX reviews by severity only with code 1");
    }

    @Test
    void readsTheStatusOfTheAnswerAndNothingFromAnAnswerWithoutOne() {
        HttpHeaders none = HttpHeaders.of(Map.of(), (a, b) -> true);
        URI acs = URI.create("https://lms.example/acs");
        assertEquals("paused", AssessmentControl.status(new HttpAnswer(acs, 200, none, "{\"status\":\"paused\"}")));
        assertNull(AssessmentControl.status(new HttpAnswer(acs, 200, none, "")));
        assertNull(AssessmentControl.status(new HttpAnswer(acs, 200, none, "<html>ok</html>")));
        assertNull(AssessmentControl.status(new HttpAnswer(acs, 200, none, "{\"status\":3}")));
    }
}
