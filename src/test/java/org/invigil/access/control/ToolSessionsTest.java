package org.invigil.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.invigil.access.entity.ToolSession;
import org.invigil.crypto.control.MasterKey;
import org.junit.jupiter.api.Test;

class ToolSessionsTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    final ToolSessions sessions = new ToolSessions(new MasterKey(new byte[32]), 60, Clock.fixed(NOW, ZoneOffset.UTC));

    ToolSession session() {
        return new ToolSession("reg", "https://lms", "client", "dep", Optional.of("ctx"), Optional.of("Chemistry"),
                Optional.of("rl"), Optional.of("exam"), "user-1", "Stu Dent", Optional.empty(), Optional.empty(),
                Set.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), ToolSession.Audience.LEARNER,
                Optional.empty(), Optional.empty(), sessions.expiryFromNow());
    }

    @Test
    void aSessionOpensAsIssued() {
        ToolSession session = session();
        ToolSession opened = sessions.open(sessions.issue(session));
        assertEquals(session.userId(), opened.userId());
        assertEquals(session.examId(), opened.examId());
        assertEquals(session.roles(), opened.roles());
        assertEquals(session.audience(), opened.audience());
        assertEquals(session.contextTitle(), opened.contextTitle());
    }

    @Test
    void refusesMissingAlteredAndExpiredTokens() {
        assertEquals("session_missing", assertThrows(SessionRefused.class, () -> sessions.open("")).code());
        String token = sessions.issue(session());
        String altered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        assertEquals("session_invalid", assertThrows(SessionRefused.class, () -> sessions.open(altered)).code());
        ToolSessions later = new ToolSessions(new MasterKey(new byte[32]), 60,
                Clock.fixed(NOW.plusSeconds(3601), ZoneOffset.UTC));
        assertEquals("session_expired", assertThrows(SessionRefused.class, () -> later.open(token)).code());
    }
}
