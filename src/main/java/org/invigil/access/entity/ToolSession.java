package org.invigil.access.entity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Who was launched into what. {@code examId} is empty for deep linking, where the exam does not exist yet;
 * {@code deepLinkReturnUrl} and {@code deepLinkData} are present only then.
 */
public record ToolSession(String registrationId, String issuer, String clientId, String deploymentId,
                          Optional<String> contextId, Optional<String> contextTitle, Optional<String> resourceLinkId,
                          Optional<String> examId, String userId, String userName, Optional<String> email,
                          Optional<String> picture,
                          Set<String> roles, Audience audience, Optional<String> deepLinkReturnUrl,
                          Optional<String> deepLinkData, Instant expiresAt) {

    /** Which side of the exam the person is on. */
    public enum Audience { LEARNER, STAFF }

    public ToolSession {
        roles = Set.copyOf(roles);
    }

    public boolean isStaff() {
        return audience == Audience.STAFF;
    }
}
