package org.invigil.registration.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegistrationLinkTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void isUsableOnlyBeforeItExpires() {
        RegistrationLink link = new RegistrationLink("hash", null, NOW, NOW.plus(Duration.ofHours(24)));
        assertTrue(link.usableAt(NOW.plus(Duration.ofHours(23))));
        assertFalse(link.usableAt(NOW.plus(Duration.ofHours(24))));
        assertFalse(link.usableAt(NOW.plus(Duration.ofDays(3))));
    }

    @Test
    void mustExpireAfterItIsMadeAndRecordsAPlatformOnlyOnceClaimed() {
        assertThrows(IllegalArgumentException.class, () -> new RegistrationLink("hash", null, NOW, NOW));
        RegistrationLink link = new RegistrationLink("hash", null, NOW, NOW.plusSeconds(60));
        assertThrows(IllegalStateException.class, () -> link.registered("platform-1"));
    }
}
