package org.invigil.review.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of a student's response: after the attempt, before a final decision, in words a student acts on. */
class ResponseWindowTest {

    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    static Decision onAttempt(Decision.Outcome outcome) {
        return new Decision("s1", null, outcome, "note", "t1", "Rita Reviewer", T0);
    }

    static ResponseWindow window(List<Decision> decisions, int written) {
        return ResponseWindow.of(true, decisions, written, Set.of("i1", "i2"));
    }

    @Test
    void takesResponsesAfterTheAttemptUntilAFinalDecision() {
        ResponseWindow open = window(List.of(), 0);
        assertTrue(open.isOpen());
        assertEquals(Optional.empty(), open.refusal(null, "My dog barked."));
        assertEquals(Optional.empty(), open.refusal("", "My dog barked."));
        assertEquals(Optional.empty(), open.refusal("i2", "That was my sister passing by."));
    }

    @Test
    void takesSeveralResponses() {
        assertEquals(Optional.empty(), window(List.of(), 3).refusal(null, "One more thing."));
        assertEquals(Optional.of(ResponseWindow.Refusal.TOO_MANY),
                window(List.of(), ResponseWindow.MAX_RESPONSES).refusal(null, "Again."));
        assertFalse(window(List.of(), ResponseWindow.MAX_RESPONSES).isOpen());
    }

    @Test
    void refusesResponsesAfterAFinalDecision() {
        for (Decision.Outcome outcome : List.of(Decision.Outcome.CLEARED, Decision.Outcome.CONFIRMED)) {
            ResponseWindow decided = window(List.of(onAttempt(outcome)), 1);
            assertFalse(decided.isOpen());
            assertEquals(Optional.of(ResponseWindow.Refusal.DECIDED), decided.refusal(null, "Too late?"));
        }
    }

    @Test
    void aFollowUpOrADecisionOnOneIncidentKeepsTheWindowOpen() {
        Decision onIncident = new Decision("s1", "i1", Decision.Outcome.CONFIRMED, null, "t1", "Rita", T0);
        ResponseWindow window = window(List.of(onAttempt(Decision.Outcome.FOLLOW_UP), onIncident), 0);
        assertTrue(window.isOpen());
        assertEquals(Optional.empty(), window.refusal("i1", "About that incident: it was my cat."));
    }

    @Test
    void aFollowUpAfterAFinalDecisionDoesNotReopenIt() {
        ResponseWindow window = window(List.of(onAttempt(Decision.Outcome.CLEARED),
                onAttempt(Decision.Outcome.FOLLOW_UP)), 0);
        assertEquals(Optional.of(ResponseWindow.Refusal.DECIDED), window.refusal(null, "Hello"));
    }

    @Test
    void refusesResponsesWhileTheAttemptRuns() {
        ResponseWindow running = ResponseWindow.of(false, List.of(), 0, Set.of());
        assertFalse(running.isOpen());
        assertEquals(Optional.of(ResponseWindow.Refusal.ATTEMPT_RUNNING), running.refusal(null, "Early"));
    }

    @Test
    void refusesEmptyOrOverlongTextAndUnknownIncidents() {
        ResponseWindow open = window(List.of(), 0);
        assertEquals(Optional.of(ResponseWindow.Refusal.EMPTY), open.refusal(null, null));
        assertEquals(Optional.of(ResponseWindow.Refusal.EMPTY), open.refusal(null, " \n\t "));
        assertEquals(Optional.empty(), open.refusal(null, "x".repeat(ResponseWindow.MAX_LENGTH) + "   "));
        assertEquals(Optional.of(ResponseWindow.Refusal.TOO_LONG),
                open.refusal(null, "x".repeat(ResponseWindow.MAX_LENGTH + 1)));
        assertEquals(Optional.of(ResponseWindow.Refusal.INCIDENT_UNKNOWN), open.refusal("other", "About another"));
    }

    @Test
    void theFinalDecisionIsTheReasonGivenFirst() {
        ResponseWindow decided = window(List.of(onAttempt(Decision.Outcome.CONFIRMED)), 0);
        assertEquals(Optional.of(ResponseWindow.Refusal.DECIDED), decided.refusal(null, ""));
        assertTrue(ResponseWindow.Refusal.DECIDED.words().contains("final decision"));
    }

    @Test
    void writesTheStrippedTextWithItsTimeAndIncident() {
        StudentResponse response = StudentResponse.write(window(List.of(), 0), "s1", "i1", "u1", "Ada",
                "  The light went off.  ", T0);
        assertEquals("The light went off.", response.text());
        assertEquals(Optional.of("i1"), response.incidentId());
        assertEquals(T0, response.writtenAt());
        assertEquals(Optional.empty(), StudentResponse.write(window(List.of(), 0), "s1", " ", "u1", "Ada", "Hi", T0)
                .incidentId());
    }

    @Test
    void doesNotWriteARefusedResponse() {
        StudentResponse.Refused refused = assertThrows(StudentResponse.Refused.class, () -> StudentResponse.write(
                window(List.of(onAttempt(Decision.Outcome.CLEARED)), 0), "s1", null, "u1", "Ada", "Late", T0));
        assertEquals(ResponseWindow.Refusal.DECIDED, refused.reason());
    }
}
