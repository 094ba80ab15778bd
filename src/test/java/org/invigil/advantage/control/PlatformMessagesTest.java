package org.invigil.advantage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Map;
import org.invigil.outbound.control.HttpAnswer;
import org.junit.jupiter.api.Test;

class PlatformMessagesTest {

    static HttpAnswer answer(int status, String body) {
        return new HttpAnswer(URI.create("https://lms.example/token"), status,
                HttpHeaders.of(Map.of(), (a, b) -> true), body);
    }

    @Test
    void quotesTheReasonsAPlatformGivesInWords() {
        assertEquals("invalid_scope: scope not granted", PlatformMessages.of(answer(400,
                "{\"error\": \"invalid_scope\", \"error_description\": \"scope not granted\"}")));
        assertEquals("Timestamp must be after the last one", PlatformMessages.of(answer(409,
                "{\"status\": 409, \"reason\": \"Timestamp must be after the last one\"}")));
    }

    @Test
    void neverQuotesAnyOtherBody() {
        assertEquals("no reason given in words (HTTP 500)", PlatformMessages.of(answer(500,
                "<html><body>Internal Server Error at db01.internal:5432</body></html>")));
        assertEquals("no reason given in words (HTTP 404)", PlatformMessages.of(answer(404, "")));
    }

    @Test
    void quotesAtMost300Characters() {
        assertEquals(301, PlatformMessages.of(answer(400, "{\"message\": \"" + "y".repeat(4000) + "\"}")).length());
    }
}
