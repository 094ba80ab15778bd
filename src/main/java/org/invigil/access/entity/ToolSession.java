package org.invigil.access.entity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.PlatformId;
import org.invigil.ids.entity.UserId;

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

    /** The marker Invigil adds to the roles of a person the tool administrator designated an integrity officer. */
    public static final String DESIGNATED_OFFICER = "urn:invigil:role:IntegrityOfficer";
    static final String INSTITUTION_ADMINISTRATOR =
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

    /** The platform registration the launch came from. */
    public PlatformId platform() {
        return PlatformId.of(registrationId);
    }

    /** The person launched, as their platform names them. */
    public UserId user() {
        return UserId.of(userId);
    }

    /** The exam launched into; empty for deep linking. */
    public Optional<ExamId> exam() {
        return examId.map(ExamId::of);
    }

    public boolean isStaff() {
        return audience == Audience.STAFF;
    }

    /**
     * An academic integrity officer reviews every course of their platform: an institution Administrator of the
     * platform, or a person the tool administrator designated.
     */
    public boolean isIntegrityOfficer() {
        return isStaff() && (roles.contains(INSTITUTION_ADMINISTRATOR) || roles.contains(DESIGNATED_OFFICER));
    }
}
