package org.invigil.ids.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.invigil.refusal.entity.Refusal;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void anLtiSubjectOrAUuidIsAnId() {
        String uuid = UUID.randomUUID().toString();
        assertEquals(uuid, ExamId.of(uuid).value());
        assertEquals("a6d5c443-1f51-4783-ba1a-7686ffe3b54a|42", UserId.of("a6d5c443-1f51-4783-ba1a-7686ffe3b54a|42")
                .value());
        assertEquals("x".repeat(255), SessionId.of("x".repeat(255)).value(), "LTI allows 255 characters");
        assertEquals(uuid, PlatformId.of(uuid).toString(), "printed as the id itself (audit lines)");
    }

    @Test
    void whatCannotBeAnIdIsRefusedAsUnknownWithoutRepeatingIt() {
        String[] notIds = {null, "", "   ", "x".repeat(256), "line\nbreak", "tab\t", "\u00e9t\u00e9", "nul\0"};
        for (String text : notIds) {
            IdMalformed refused = assertThrows(IdMalformed.class, () -> SessionId.of(text), String.valueOf(text));
            assertEquals(Refusal.Kind.UNKNOWN, refused.kind());
            assertEquals("session_unknown", refused.code());
            assertFalse(text != null && !text.isBlank() && refused.detail().contains(text), refused.detail());
        }
        assertEquals("exam_unknown", assertThrows(IdMalformed.class, () -> ExamId.of(" ")).code());
        assertEquals("platform_unknown", assertThrows(IdMalformed.class, () -> PlatformId.of("")).code());
        assertEquals("user_unknown", assertThrows(IdMalformed.class, () -> UserId.of("a\u00a0b")).code());
        assertEquals("two words", UserId.of("two words").value(), "LTI's sub is ASCII, spaces included");
    }

    @Test
    void idsOfDifferentKindsAreNeverEqual() {
        assertEquals(ExamId.of("same"), ExamId.of("same"));
        assertNotEquals(ExamId.of("same"), SessionId.of("same"));
        assertTrue(ExamId.of("same").equals(new ExamId("same")));
    }
}
