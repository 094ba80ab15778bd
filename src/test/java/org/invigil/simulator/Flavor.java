package org.invigil.simulator;

import java.time.Duration;
import java.util.List;

/**
 * Which LMS the simulated platform imitates where the specs leave room (see {@code shared/notes/lti.md} and, for the
 * two Proctoring Services 1.0 platforms, {@code shared/notes/landscape-2026.md} §1).
 * <ul>
 * <li>{@link #MOODLE}: Moodle 4.5 — no {@code picture} anywhere, short role names in NRPS plus
 * {@code ext_user_username}, line item URLs with {@code ?type_id=}, dynamic registration keeps only deep-linking
 * messages, requires {@code domain} = host:port of {@code target_link_uri}, drops {@code picture} from the claims
 * and leaves the new tool pending until an admin activates it; errors are {@code 400} with a text message. Moodle has
 * no Proctoring Services: LtiStartProctoring launches and LtiStartAssessment returns follow the spec with the
 * simulator's common tool-JWT checks, and an {@code acs} claim is sent only when a {@link LaunchRequest} asks.</li>
 * <li>{@link #CANVAS}: Canvas cloud — {@code picture} in launches and NRPS (when the privacy level allows it), long
 * role URIs everywhere, {@code https://canvas.instructure.com/lti/privacy_level} at registration, registration
 * errors as {@code 422 {"errors":[...]}}, the {@code openid_configuration} requires the registration token.
 * Proctoring as for Moodle.</li>
 * <li>{@link #EDX}: Open edX with {@code edx/edx-exams} on {@code openedx/xblock-lti-consumer} (the "edx" profile),
 * lenient on JWTs and bound to the learner's LMS session cookie:
 * <ul>
 * <li>launches: {@code sub} and {@code login_hint} are the user's anonymous id
 * ({@link LtiPlatformSimulator#anonymousId(User)}, a UUID string); {@code roles: []} in proctoring messages
 * (membership roles plus {@code system/institution#None} in resource link launches); no {@code name}, {@code email},
 * {@code locale}, {@code lis} unless {@link LaunchRequest#sharePii()} ({@code name}, {@code email},
 * {@code preferred_username}); {@code resource_link {id}}; {@code context {id, label}}; {@code tool_platform
 * {guid, name}} with no {@code product_family_code} (xblock-lti-consumer sends none); no AGS or NRPS claims
 * (edx-exams reports the result by ACS terminate and names by the roster); id_token {@code exp} = 1 h;
 * LtiStartProctoring carries {@code custom.custom_url = "<host>/browser_lock/"}, {@code session_data} (32 random
 * characters, stable per user and resource link) and {@code acs {assessment_control_url, actions: [terminate]}};
 * LtiEndAssessment carries {@code session_data: null}, {@code launch_presentation.return_url} and no {@code acs}
 * (edx-exams gives it no control URL); an instructor's resource link launch carries {@code custom.roster_url}.</li>
 * <li>LtiStartAssessment ({@link StartAssessmentEndpoint}): refused with 403 when {@code Sec-Fetch-Dest: iframe}
 * (browsers that block third-party cookies send no LMS cookie from an iframe) or without the learner's LMS session
 * cookie ({@link LtiPlatformSimulator#signInUrl(User)}) for the user of the launch; the tool is found by
 * {@code iss} = client_id (404 otherwise); the signature is checked against every key of the tool JWKS (kid ignored,
 * RS256 or RS512), {@code exp} only if present; {@code aud}, {@code nonce}, {@code iat}, {@code deployment_id} are
 * not checked; {@code message_type}, {@code version 1.3.0}, {@code session_data}, {@code resource_link.id} and
 * {@code attempt_number} must equal the launch's with Python's {@code ==} (the number {@code 1}, {@code 1.0} or
 * {@code true} match attempt 1, the string {@code "1"} does not); {@code end_assessment_return} is read with
 * Python's {@code int()} and ignored (no LtiEndAssessment later) when that fails.</li>
 * <li>ACS ({@link AssessmentControlService}) as edx-exams' {@code acs} view: JSON as {@code application/json} only
 * (Django REST framework's JSONParser; the spec's media type gets 415), {@code user.sub}, {@code resource_link.id},
 * {@code attempt_number}, {@code action}; only {@code terminate} acts, {@code flag} is accepted and does nothing,
 * every other action is 400; the attempt must have started; terminate needs {@code reason_code},
 * {@code incident_time}, {@code incident_severity} and sets the review status (reason_code {@code "1"} and
 * severity &gt; 0.25 → {@code second_review_required}, &lt;= 0.25 → {@code verified}, any other code, the number
 * {@code 1} included → {@code error}); the answer is always {@code {"status":"terminated"}}.</li>
 * </ul>
 * Real Open edX has no Dynamic Registration (tools are configured by hand in Studio); the simulator offers DR for
 * every flavour so that tests share one path, and keeps the proctoring messages and the ACS scope the tool asks
 * for.</li>
 * <li>{@link #TAO}: TAO with {@code oat-sa/lib-lti1p3-core} and {@code -proctoring} (the "tao-strict" profile):
 * <ul>
 * <li>launches as the common LTI claims with {@code product_family_code tao}, id_token {@code exp} = 10 min,
 * {@code session_data} a JWT signed by the platform key (kid, {@code registration_id}, {@code jti}, 10 min),
 * {@code acs} with all five actions on LtiStartProctoring and LtiEndAssessment;</li>
 * <li>LtiStartAssessment: registration by (aud = platform issuer, iss = client_id), RS256 with a {@code kid} from the
 * tool JWKS, {@code exp}/{@code iat}, a {@code nonce} never seen before (a replay is 400 "already used"),
 * {@code version}, {@code message_type}, a {@code deployment_id} of the tool, {@code session_data} exactly a JWT the
 * platform issued in a launch and still validly signed, the launch's {@code attempt_number} (a JSON integer) and
 * {@code resource_link.id};</li>
 * <li>ACS: {@code application/vnd.ims.lti-ap.v1.control+json}, {@code user.sub} and {@code user.iss} (the platform
 * issuer), {@code resource_link.id}, {@code action} in pause|resume|terminate|update|flag, an integer
 * {@code attempt_number}, an ISO-8601 {@code incident_time}; optional integer {@code extra_time}, number
 * {@code incident_severity} in 0..1, string {@code reason_code}/{@code reason_msg}; a per-attempt status
 * ({@link ProctoredAttempt.Status}) answered as {@code {status, extra_time}}, 409 for an impossible transition.</li>
 * </ul>
 * The ACS of {@link #MOODLE} and {@link #CANVAS} (which have none) follows these spec rules too.</li>
 * </ul>
 */
public enum Flavor {
    MOODLE("moodle", "Moodle", "2024100706", "CourseSection"),
    CANVAS("canvas", "Canvas LMS", "cloud", "http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"),
    EDX("openedx", "Open edX", "edx-exams", "http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"),
    TAO("tao", "TAO", "2024.12", "http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering");

    private final String productFamilyCode;
    private final String platformName;
    private final String version;
    private final String contextType;

    Flavor(String productFamilyCode, String platformName, String version, String contextType) {
        this.productFamilyCode = productFamilyCode;
        this.platformName = platformName;
        this.version = version;
        this.contextType = contextType;
    }

    /**
     * {@code tool_platform.product_family_code} (and the DR platform configuration's): {@code moodle},
     * {@code canvas}, {@code openedx} (only in the DR configuration: Open edX launches carry none) or {@code tao}.
     */
    public String productFamilyCode() {
        return productFamilyCode;
    }

    /** {@code tool_platform.name}. */
    public String platformName() {
        return platformName;
    }

    /** {@code tool_platform.version}. */
    public String version() {
        return version;
    }

    /** The single value of {@code context.type} in launches (Open edX sends none). */
    public String contextType() {
        return contextType;
    }

    /** Whether this LMS ever sends the OIDC {@code picture} claim / NRPS member field. */
    public boolean sendsPicture() {
        return this == CANVAS;
    }

    /** Whether the real LMS implements the platform side of Proctoring Services 1.0. */
    public boolean implementsProctoring() {
        return this == EDX || this == TAO;
    }

    /** The {@code acs.actions} its LtiStartProctoring launches offer by default (none for Moodle and Canvas). */
    public List<String> acsActions() {
        return switch (this) {
            case EDX -> List.of("terminate");
            case TAO -> List.of("pause", "resume", "terminate", "update", "flag");
            default -> List.of();
        };
    }

    /** The id_token lifetime a new platform of this flavour starts with. */
    Duration defaultIdTokenLifetime() {
        return switch (this) {
            case EDX -> Duration.ofHours(1);
            case TAO -> Duration.ofMinutes(10);
            default -> Duration.ofSeconds(60);
        };
    }
}
