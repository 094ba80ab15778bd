package org.invigil.launch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.invigil.crypto.control.MasterKey;
import org.invigil.web.boundary.RefusalMapper;
import org.junit.jupiter.api.Test;

class LoginStatesTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    final LoginStates states = new LoginStates(new MasterKey(new byte[32]), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aStateDecodesToWhatWasIssued() {
        LoginState state = states.begin("reg", "https://lms", "client", "https://tool/lti/launch");
        LoginState decoded = states.decode(states.encode(state));
        assertEquals(state.registrationId(), decoded.registrationId());
        assertEquals(state.nonce(), decoded.nonce());
        assertEquals("client", decoded.clientId());
    }

    @Test
    void everyLoginGetsItsOwnNonce() {
        assertNotEquals(states.begin("r", "i", "c", "t").nonce(), states.begin("r", "i", "c", "t").nonce());
    }

    @Test
    void refusesMissingForgedAndForeignStates() {
        assertEquals("state_missing", assertThrows(LaunchRejected.class, () -> states.decode(null)).code());
        assertEquals("state_malformed", assertThrows(LaunchRejected.class, () -> states.decode("abc")).code());
        byte[] otherKey = new byte[32];
        otherKey[3] = 7;
        LoginStates foreign = new LoginStates(new MasterKey(otherKey), Clock.fixed(NOW, ZoneOffset.UTC));
        String foreignState = foreign.encode(foreign.begin("reg", "https://lms", "client", "t"));
        assertEquals("state_invalid",
                assertThrows(LaunchRejected.class, () -> states.decode(foreignState)).code());
    }

    @Test
    void refusesExpiredState() {
        String state = states.encode(states.begin("reg", "https://lms", "client", "t"));
        LoginStates later = new LoginStates(new MasterKey(new byte[32]),
                Clock.fixed(NOW.plus(LoginStates.LIFETIME).plusSeconds(1), ZoneOffset.UTC));
        LaunchRejected rejected = assertThrows(LaunchRejected.class, () -> later.decode(state));
        assertEquals("state_expired", rejected.code());
        assertEquals(401, RefusalMapper.problem(rejected).status());
    }
}
