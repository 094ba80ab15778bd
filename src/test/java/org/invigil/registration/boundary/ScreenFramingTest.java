package org.invigil.registration.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScreenFramingTest {

    @Test
    void onlyInvigilAndThePlatformsOwnPagesFrameTheScreens() {
        assertEquals("frame-ancestors 'self' https://lms.example http://127.0.0.1:9000; object-src 'none'; "
                        + "base-uri 'self'; form-action 'self'",
                ScreenFraming.policy(new LinkedHashSet<>(List.of("https://lms.example", "http://127.0.0.1:9000"))));
    }

    @Test
    void withNoPlatformOnlyInvigilFramesTheScreens() {
        assertEquals("frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
                ScreenFraming.policy(Set.of()));
    }
}
