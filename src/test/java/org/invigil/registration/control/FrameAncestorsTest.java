package org.invigil.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.invigil.registration.entity.PlatformEndpoints;
import org.invigil.registration.entity.PlatformRegistration;
import org.junit.jupiter.api.Test;

class FrameAncestorsTest {

    static PlatformRegistration platform(String issuer, String authorization) {
        return new PlatformRegistration(issuer, "client", new PlatformEndpoints(authorization, authorization + "/token",
                authorization + "/jwks", null), PlatformRegistration.Source.DYNAMIC, Instant.EPOCH);
    }

    @Test
    void everyPlatformsOriginsAndTheConfiguredOnesEachOnce() {
        PlatformRegistration moodle = platform("https://moodle.uni.example", "https://moodle.uni.example/mod/lti/auth.php");
        PlatformRegistration canvas = platform("https://canvas.instructure.com", "https://sso.canvaslms.com/api/lti");
        canvas.learnOrigin("https://uni.instructure.com");
        assertEquals(List.of("https://canvas.instructure.com", "https://lms.partner.example", "https://moodle.uni.example",
                        "https://sso.canvaslms.com", "https://uni.instructure.com", "https://x.example:8443"),
                List.copyOf(Platforms.frameAncestors(List.of(moodle, canvas),
                        "https://lms.partner.example/, https://x.example:8443  not-an-origin javascript:alert(1)")));
    }

    @Test
    void noPlatformAndNoSettingIsNobody() {
        assertEquals(Set.of(), Platforms.frameAncestors(List.of(), ""));
    }
}
