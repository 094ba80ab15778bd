package org.invigil.web.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/**
 * Lets a request reach an {@link AdminOnly} resource only with the admin token from configuration. Without a
 * configured token the administration API is off.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthentication implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "invigil.admin.token")
    Optional<String> adminToken;

    @Override
    public void filter(ContainerRequestContext request) {
        String expected = adminToken.map(String::trim).filter(token -> !token.isEmpty()).orElse(null);
        if (expected == null) {
            throw new ProblemException(new Problem(403, "admin_disabled", "Administration is off",
                    "The administration API is disabled: set INVIGIL_ADMIN_TOKEN (invigil.admin.token) to enable it."));
        }
        if (expected.length() < 16) {
            throw new ProblemException(new Problem(403, "admin_token_weak", "Administration is off",
                    "The configured admin token is shorter than 16 characters; configure a longer one."));
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ProblemException(Problem.unauthorized("admin_token_missing",
                    "This is the administration API: send Authorization: Bearer <admin token>."));
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(Problem.unauthorized("admin_token_wrong", "The admin token is not valid."));
        }
    }
}
