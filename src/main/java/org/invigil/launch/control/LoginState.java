package org.invigil.launch.control;

import java.time.Instant;

/**
 * What the tool remembers of a login between the redirect to the platform and the launch, carried in the signed
 * {@code state} parameter rather than a cookie (third-party cookies are blocked in LMS iframes).
 */
public record LoginState(String registrationId, String issuer, String clientId, String nonce, String targetLinkUri,
                         Instant expiresAt) {
}
