package org.invigil.registration.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginsTest {

    @Test
    void anOriginIsSchemeHostAndANonDefaultPort() {
        assertEquals(Optional.of("https://moodle.uni.example"), Origins.of("https://Moodle.Uni.example/mod/lti/return.php?x=1"));
        assertEquals(Optional.of("https://moodle.uni.example"), Origins.of("https://moodle.uni.example:443/"));
        assertEquals(Optional.of("http://127.0.0.1:8081"), Origins.of("http://127.0.0.1:8081/a#b"));
        assertEquals(Optional.of("http://lms.example"), Origins.of("http://lms.example:80"));
    }

    @Test
    void nothingButAnHttpUrlWithAPlainHostIsAnOrigin() {
        for (String notOne : List.of("", " ", "javascript:alert(1)", "data:text/html,x", "ftp://lms.example/",
                "https:///path", "https://lms.example;script-src *", "not a url", "//lms.example/")) {
            assertEquals(Optional.empty(), Origins.of(notOne), notOne);
        }
        assertEquals(Optional.empty(), Origins.of(null));
    }

    @Test
    void aPlatformIsFramedFromItsIssuerItsAuthorizationEndpointAndWhatItsLaunchesShowed() {
        PlatformRegistration canvas = new PlatformRegistration("https://canvas.instructure.com", "10000000000001",
                new PlatformEndpoints("https://sso.canvaslms.com/api/lti/authorize_redirect",
                        "https://sso.canvaslms.com/login/oauth2/token", "https://sso.canvaslms.com/api/lti/security/jwks",
                        null), PlatformRegistration.Source.DYNAMIC, Instant.EPOCH);
        assertEquals(Set.of("https://canvas.instructure.com", "https://sso.canvaslms.com"), canvas.frameOrigins());
        assertTrue(canvas.learnOrigin("https://uni.instructure.com"));
        assertFalse(canvas.learnOrigin("https://uni.instructure.com"), "known already");
        assertTrue(canvas.frameOrigins().contains("https://uni.instructure.com"));
        for (int i = canvas.learnedOrigins().size(); i < PlatformRegistration.MAX_LEARNED_ORIGINS; i++) {
            assertTrue(canvas.learnOrigin("https://tenant" + i + ".instructure.com"));
        }
        assertFalse(canvas.learnOrigin("https://one-too-many.example"), "a platform has a few hosts, not many");
        assertEquals(PlatformRegistration.MAX_LEARNED_ORIGINS, canvas.learnedOrigins().size());
    }
}
