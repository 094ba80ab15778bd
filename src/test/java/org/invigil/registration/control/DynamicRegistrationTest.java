package org.invigil.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Map;
import org.invigil.outbound.control.HttpAnswer;
import org.invigil.web.boundary.RefusalMapper;
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
    void neverQuotesABodyThatIsNotARefusalInWords() {
        assertEquals("no reason Invigil could read", DynamicRegistration.refusalReasons(answer(401,
                "  Registration token\n expired ")));
        assertEquals("no reason Invigil could read", DynamicRegistration.refusalReasons(answer(500,
                "{\"users\": [{\"name\": \"admin\", \"password\": \"secret\"}]}")));
        assertEquals("no reason Invigil could read", DynamicRegistration.refusalReasons(answer(500, "")));
    }

    @Test
    void quotesAtMost300CharactersOfTheReasons() {
        String reason = DynamicRegistration.refusalReasons(answer(422,
                "{\"errors\": [\"" + "x".repeat(5000) + "\"]}"));
        assertEquals(301, reason.length());
    }

    @Test
    void whenLinksAreRequiredThePlainRegistrationUrlIsRefusedBeforeAnythingIsFetched() {
        DynamicRegistration registration = new DynamicRegistration();
        registration.requireLink = true;
        RegistrationRefused refused = assertThrows(RegistrationRefused.class, () -> registration.admit(null));
        assertEquals(403, RefusalMapper.problem(refused).status());
        assertEquals("registration_link_required", refused.code());
        registration.requireLink = false;
        registration.admit(null);
    }

    @Test
    void theIssuerMustBeTheOriginOfTheConfigurationUrlPortIncluded() {
        URI configuration = URI.create("https://lms.example.edu/mod/lti/openid-configuration.php");
        assertTrue(Issuers.sameOrigin(Issuers.parse("https://lms.example.edu"), configuration));
        assertTrue(Issuers.sameOrigin(Issuers.parse("https://LMS.example.edu:443"), configuration));
        assertFalse(Issuers.sameOrigin(Issuers.parse("https://lms.example.edu:8443"), configuration));
        assertFalse(Issuers.sameOrigin(Issuers.parse("http://lms.example.edu"), configuration));
        assertFalse(Issuers.sameOrigin(Issuers.parse("https://other.example.edu"), configuration));
        assertThrows(RegistrationRefused.class, () -> Issuers.parse("https://lms.example.edu/?tenant=1"));
        assertThrows(RegistrationRefused.class, () -> Issuers.parse("ftp://lms.example.edu"));
    }
}
