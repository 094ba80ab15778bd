package org.invigil.launch.entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.invigil.access.entity.Roles;

/**
 * A verified launch: every claim Invigil uses, typed. Built only by the id_token verifier, after every check of
 * Security Framework 1.0 §5.1.3 passed; no raw claim map travels further.
 *
 * @param registrationId our id of the platform registration the token was verified against
 * @param issuer         {@code iss}
 * @param clientId       our client id at that platform ({@code aud}/{@code azp})
 * @param deploymentId   {@code .../claim/deployment_id}
 * @param messageType    {@code .../claim/message_type}
 * @param targetLinkUri  {@code .../claim/target_link_uri}
 * @param user           {@code sub} and the OIDC profile claims the platform chose to send
 * @param roles          {@code .../claim/roles}, normalised
 * @param custom         {@code .../claim/custom}, string values only
 */
public record LtiLaunch(String registrationId, String issuer, String clientId, String deploymentId,
                        MessageType messageType, String targetLinkUri, LaunchUser user, Roles roles,
                        Optional<LaunchContext> context, Optional<ResourceLink> resourceLink,
                        Map<String, String> custom, Optional<LaunchPresentation> presentation,
                        Optional<ToolPlatform> platform, Optional<GradeServiceClaim> gradeService,
                        Optional<MembershipServiceClaim> membershipService,
                        Optional<DeepLinkingSettings> deepLinking, Optional<ProctoringClaims> proctoring) {

    public LtiLaunch {
        custom = Map.copyOf(custom);
    }

    /** {@code sub} and the profile claims (OpenID Connect Core §5.1); any may be absent but {@code sub}. */
    public record LaunchUser(String subject, Optional<String> name, Optional<String> givenName,
                             Optional<String> familyName, Optional<String> email, Optional<String> picture,
                             Optional<String> locale) {

        /** The name to show: full name, else given + family, else the email, else the subject. */
        public String displayName() {
            return name.filter(n -> !n.isBlank())
                    .or(() -> givenName.map(given -> (given + " " + familyName.orElse("")).trim()))
                    .or(() -> email)
                    .orElse(subject);
        }
    }

    /** {@code .../claim/context} (LTI Core §5.4.1). */
    public record LaunchContext(String id, Optional<String> label, Optional<String> title) {
    }

    /** {@code .../claim/resource_link} (LTI Core §5.3.5). */
    public record ResourceLink(String id, Optional<String> title, Optional<String> description) {
    }

    /** {@code .../claim/launch_presentation} (LTI Core §5.4.4). */
    public record LaunchPresentation(Optional<String> documentTarget, Optional<String> returnUrl,
                                     Optional<String> locale) {
    }

    /** {@code .../claim/tool_platform} (LTI Core §5.4.2). */
    public record ToolPlatform(Optional<String> guid, Optional<String> name, Optional<String> productFamilyCode,
                               Optional<String> version) {
    }

    /** {@code https://purl.imsglobal.org/spec/lti-ags/claim/endpoint} (AGS 2.0 §3.1). */
    public record GradeServiceClaim(Set<String> scopes, Optional<String> lineItems,
                                    Optional<String> lineItem) {
    }

    /** {@code https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice} (NRPS 2.0 §3.6.1). */
    public record MembershipServiceClaim(String contextMembershipsUrl, List<String> serviceVersions) {
    }

    /** {@code https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings} (Deep Linking 2.0 §4.4.1). */
    public record DeepLinkingSettings(String returnUrl, List<String> acceptTypes, boolean acceptMultiple,
                                      Optional<String> data, Optional<String> title) {
    }

    /** The {@code https://purl.imsglobal.org/spec/lti-ap/claim/*} claims of LtiStartProctoring (Proctoring 1.0 §4). */
    public record ProctoringClaims(int attemptNumber, Optional<String> startAssessmentUrl,
                                   Optional<String> sessionData, Optional<String> errorMessage,
                                   Optional<String> errorLog, Optional<String> settingsData,
                                   Optional<AssessmentControlClaim> control) {
    }

    /**
     * {@code https://purl.imsglobal.org/spec/lti-ap/claim/acs}: the platform's Assessment Control Service and the
     * actions it takes (Proctoring Services 1.0 §4.1.5, §6).
     */
    public record AssessmentControlClaim(String url, Set<String> actions) {
    }
}
