package org.invigil.outbound.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PlatformHttpTest {

    final PlatformHttp http = new PlatformHttp(5, false);

    @Test
    void acceptsHttpsAndLoopbackHttp() {
        assertEquals("moodle.example.edu", http.address("https://moodle.example.edu/mod/lti/certs.php", "x").getHost());
        assertEquals(8081, http.address("http://127.0.0.1:8081/mod/lti/token.php", "x").getPort());
        assertEquals("localhost", http.address("http://localhost/x", "x").getHost());
    }

    @Test
    void refusesPlainHttpElsewhereCredentialsAndOtherSchemes() {
        assertEquals("url_insecure", code("http://moodle.example.edu/token"));
        assertEquals("url_malformed", code("file:///etc/passwd"));
        assertEquals("url_malformed", code("https://user:pass@lms.example/"));
        assertEquals("url_malformed", code("/relative"));
        assertEquals("url_missing", code(" "));
        assertEquals(400, assertThrows(OutboundRefused.class, () -> http.address("ftp://x", "x")).problem().status());
    }

    @Test
    void plainHttpCanBeAllowedForDevelopment() {
        assertEquals("lms.local", new PlatformHttp(5, true).address("http://lms.local/x", "x").getHost());
    }

    String code(String url) {
        return assertThrows(OutboundRefused.class, () -> http.address(url, "The URL")).problem().code();
    }
}
