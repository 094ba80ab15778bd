package org.invigil.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Map;
import org.invigil.outbound.control.HttpAnswer;
import org.junit.jupiter.api.Test;

class DynamicRegistrationTest {

    static HttpAnswer answer(int status, String body) {
        return new HttpAnswer(URI.create("https://lms/register"), status, HttpHeaders.of(Map.of(), (a, b) -> true), body);
    }

    @Test
    void readsCanvasErrorsArray() {
        assertEquals("Scope is invalid; label can't be blank", DynamicRegistration.refusalReasons(answer(422,
                "{\"errors\":[\"Scope is invalid\",{\"field\":\"label\",\"message\":\"can't be blank\"}]}"))
                .replace("label: ", "label "));
    }

    @Test
    void readsOAuthDynamicClientRegistrationErrors() {
        assertEquals("invalid_redirect_uri: not on the tool's domain", DynamicRegistration.refusalReasons(answer(400,
                "{\"error\":\"invalid_redirect_uri\",\"error_description\":\"not on the tool's domain\"}")));
    }

    @Test
    void fallsBackToTheBodyText() {
        assertEquals("Registration token expired", DynamicRegistration.refusalReasons(answer(401,
                "  Registration token\n expired ")));
        assertEquals("no reason given", DynamicRegistration.refusalReasons(answer(500, "")));
    }
}
