package org.invigil.review.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import org.invigil.refusal.entity.Refusal;
import org.invigil.session.entity.ProctoringSession;
import org.junit.jupiter.api.Test;

/** Open edX's exam roster read as names: what is taken, what refuses the whole roster. */
class LearnerNamesTest {

    static JsonArray json(String text) {
        return Json.createReader(new StringReader(text)).readArray();
    }

    static ProctoringSession attempt(String userId, String userName) {
        return new ProctoringSession("exam-1", "p-1", "course-1", userId, userName, null, null, false, new byte[0],
                Instant.EPOCH);
    }

    @Test
    void pairsAreReadByAnonymousId() {
        assertEquals(Map.of("a1", "ada", "b2", "bob"),
                LearnerNames.names(json("[[\"a1\", \"ada\"], [\" b2 \", \"bob\"], [\"a1\", \"ada\"]]")));
        assertEquals(Map.of(), LearnerNames.names(json("[]")));
    }

    @Test
    void anItemThatIsNotAPairOfStringsRefusesTheRosterNamingTheItem() {
        for (String bad : new String[] {"[[\"a1\"]]", "[[\"a1\", 7]]", "[\"a1\"]", "[{\"a1\": \"ada\"}]",
                "[[\"a1\", \"ada\", \"x\"]]", "[[null, \"ada\"]]"}) {
            Refusal refused = assertThrows(Refusal.class, () -> LearnerNames.names(json(bad)), bad);
            assertEquals(Refusal.Kind.INVALID, refused.kind(), bad);
            assertTrue(refused.detail().startsWith("Item 0 of the roster"), refused.detail());
        }
    }

    @Test
    void emptyOverLongOrControlCharacterNamesAndConflictingPairsAreRefused() {
        String longName = "x".repeat(LearnerNames.MAX_NAME + 1);
        for (String bad : new String[] {"[[\"a1\", \" \"]]", "[[\"\", \"ada\"]]", "[[\"a1\", \"" + longName + "\"]]",
                "[[\"a1\", \"ada\\u0000\"]]", "[[\"a1\", \"ada\"], [\"a1\", \"eve\"]]"}) {
            Refusal refused = assertThrows(Refusal.class, () -> LearnerNames.names(json(bad)), bad);
            assertEquals("roster_malformed", refused.code(), bad);
        }
    }

    @Test
    void tooManyPairsAreRefused() {
        JsonArrayBuilder many = Json.createArrayBuilder();
        for (int i = 0; i <= LearnerNames.MAX_PAIRS; i++) {
            many.add(Json.createArrayBuilder().add("id-" + i).add("user" + i));
        }
        assertThrows(Refusal.class, () -> LearnerNames.names(many.build()));
    }

    @Test
    void anAttemptTakesANameOnlyWhileItsNameIsStillTheId() {
        ProctoringSession anonymous = attempt("a1", "a1");
        assertTrue(anonymous.learnName("ada"));
        assertEquals("ada", anonymous.userName());
        assertFalse(anonymous.learnName("eve"), "a learned name stays");

        ProctoringSession named = attempt("b2", "Bob Builder");
        assertFalse(named.learnName("bob"), "the launch's name is never replaced");
        assertEquals("Bob Builder", named.userName());
        assertFalse(attempt("c3", "c3").learnName(" "));
    }
}
