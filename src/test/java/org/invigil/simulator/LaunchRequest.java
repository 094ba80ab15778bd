package org.invigil.simulator;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What to launch, as whom, and how to tamper with it. Start with {@link #resourceLink(ResourceLink)},
 * {@link #deepLinking(Course)} or {@link #startProctoring(ResourceLink, int)}, then say {@link #as(User) who}:
 *
 * <pre>{@code
 * LaunchRequest.resourceLink(exam).as(student)
 *         .claims(c -> c.claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.1"))  // tamper
 *         .signWith(lms.keys().foreignKey(), lms.keys().current().getKeyID());              // forge
 * }</pre>
 *
 * Tamper hooks are applied when the platform mints the id_token at {@code /auth}, in this order: the normal claims,
 * {@link #expiresIn}/{@link #issuedAt}/{@link #audience}, {@link #removeClaim}, then {@link #claims} last.
 */
public final class LaunchRequest {
    final MessageType type;
    final ResourceLink link;
    final Course course;
    User user;
    ToolRegistration tool;
    String deploymentId;
    URI targetLinkUri;
    boolean loginByPost;
    final List<Consumer<Map<String, String>>> loginTampers = new ArrayList<>();
    final List<Consumer<JWTClaimsSet.Builder>> claimTampers = new ArrayList<>();
    final List<String> removedClaims = new ArrayList<>();
    JWK signingKey;
    String kid;
    JWSAlgorithm algorithm;
    boolean unsigned;
    Consumer<JWSHeader.Builder> headerTamper;
    Duration expiresIn;
    Instant issuedAt;
    List<String> audience;
    String returnUrl;
    String documentTarget = "iframe";
    final Map<String, String> custom = new LinkedHashMap<>();
    // deep linking
    String deepLinkingData = "dl-" + UUID.randomUUID();
    boolean acceptMultiple = true;
    boolean autoCreate = true;
    List<String> acceptTypes = List.of("ltiResourceLink");
    List<String> acceptPresentationDocumentTargets = List.of("iframe", "window");
    // proctoring
    int attemptNumber;
    String sessionData = "sd-" + UUID.randomUUID();
    boolean sessionDataExplicit;
    String proctoringSettingsData;
    List<String> acsActions;
    boolean withoutAcs;
    boolean sharePii;

    private LaunchRequest(MessageType type, ResourceLink link, Course course) {
        this.type = type;
        this.link = link;
        this.course = course;
    }

    /** An {@code LtiResourceLinkRequest} for that link (in its course). */
    public static LaunchRequest resourceLink(ResourceLink link) {
        return new LaunchRequest(MessageType.RESOURCE_LINK, Objects.requireNonNull(link), link.course());
    }

    /** An {@code LtiDeepLinkingRequest} from that course (no resource_link); the user is usually an instructor. */
    public static LaunchRequest deepLinking(Course course) {
        return new LaunchRequest(MessageType.DEEP_LINKING, null, Objects.requireNonNull(course));
    }

    /** An {@code LtiStartProctoring} launch for that link and attempt (Proctoring Services 1.0 §4.1). */
    public static LaunchRequest startProctoring(ResourceLink link, int attemptNumber) {
        LaunchRequest request = new LaunchRequest(MessageType.START_PROCTORING, Objects.requireNonNull(link),
                link.course());
        request.attemptNumber = attemptNumber;
        return request;
    }

    /** An {@code LtiEndAssessment} launch for that link and attempt (Proctoring Services 1.0 §4.3). */
    public static LaunchRequest endAssessment(ResourceLink link, int attemptNumber) {
        LaunchRequest request = new LaunchRequest(MessageType.END_ASSESSMENT, Objects.requireNonNull(link),
                link.course());
        request.attemptNumber = attemptNumber;
        return request;
    }

    /** The launching user (required). */
    public LaunchRequest as(User launchingUser) {
        this.user = launchingUser;
        return this;
    }

    /** The tool to launch (default: the link's tool, else the only registered tool). */
    public LaunchRequest tool(ToolRegistration value) {
        this.tool = value;
        return this;
    }

    /** {@code deployment_id} (and {@code lti_deployment_id} at login); default: the tool's first deployment. */
    public LaunchRequest deploymentId(String value) {
        this.deploymentId = value;
        return this;
    }

    /** {@code target_link_uri} (login parameter and claim); default: link url, message url, tool's. */
    public LaunchRequest targetLinkUri(URI value) {
        this.targetLinkUri = value;
        return this;
    }

    /** Sends the third-party login initiation as a form POST instead of a GET. */
    public LaunchRequest loginByPost() {
        this.loginByPost = true;
        return this;
    }

    /** Edits the login initiation parameters (iss, login_hint, target_link_uri, lti_message_hint, ...). */
    public LaunchRequest loginParameters(Consumer<Map<String, String>> tamper) {
        loginTampers.add(tamper);
        return this;
    }

    /** Edits the id_token claims, applied last. */
    public LaunchRequest claims(Consumer<JWTClaimsSet.Builder> tamper) {
        claimTampers.add(tamper);
        return this;
    }

    /** Removes a claim (full name, e.g. {@code nonce} or {@code https://purl.imsglobal.org/spec/lti/claim/roles}). */
    public LaunchRequest removeClaim(String name) {
        removedClaims.add(name);
        return this;
    }

    /** Signs with another key and kid (e.g. {@code keys().foreignKey()}); RSA, EC or octet (HMAC) keys. */
    public LaunchRequest signWith(JWK key, String keyId) {
        this.signingKey = key;
        this.kid = keyId;
        return this;
    }

    /** Signs with another JWS algorithm (the key must fit it, e.g. RS512 with an RSA key). */
    public LaunchRequest algorithm(JWSAlgorithm value) {
        this.algorithm = value;
        return this;
    }

    /** Sends an unsecured JWT ({@code alg: none}). */
    public LaunchRequest unsigned() {
        this.unsigned = true;
        return this;
    }

    /** Edits the JWS header (kid, typ, ...) after it is built from the key and algorithm. */
    public LaunchRequest header(Consumer<JWSHeader.Builder> tamper) {
        this.headerTamper = tamper;
        return this;
    }

    /** {@code exp = iat + lifetime} (negative for an expired token); default: the platform's id_token lifetime. */
    public LaunchRequest expiresIn(Duration lifetime) {
        this.expiresIn = lifetime;
        return this;
    }

    /** {@code iat}; default now. */
    public LaunchRequest issuedAt(Instant value) {
        this.issuedAt = value;
        return this;
    }

    /** {@code aud} values instead of the client_id ({@code azp} stays the client_id). */
    public LaunchRequest audience(String... values) {
        this.audience = List.of(values);
        return this;
    }

    /** Adds a launch-level custom parameter. */
    public LaunchRequest custom(String name, String value) {
        custom.put(name, value);
        return this;
    }

    /** {@code launch_presentation.return_url}; default the course page. */
    public LaunchRequest returnUrl(String value) {
        this.returnUrl = value;
        return this;
    }

    /** {@code launch_presentation.document_target}; default {@code iframe}. */
    public LaunchRequest documentTarget(String value) {
        this.documentTarget = value;
        return this;
    }

    /** Deep linking: the opaque {@code data} the tool must echo (default random). */
    public LaunchRequest deepLinkingData(String value) {
        this.deepLinkingData = value;
        return this;
    }

    /** Deep linking: {@code accept_multiple} (default true). */
    public LaunchRequest acceptMultiple(boolean value) {
        this.acceptMultiple = value;
        return this;
    }

    /** Deep linking: {@code auto_create} (default true). */
    public LaunchRequest autoCreate(boolean value) {
        this.autoCreate = value;
        return this;
    }

    /** Deep linking: {@code accept_types} (default {@code [ltiResourceLink]}). */
    public LaunchRequest acceptTypes(String... values) {
        this.acceptTypes = List.of(values);
        return this;
    }

    /** Deep linking: {@code accept_presentation_document_targets} (default {@code [iframe, window]}). */
    public LaunchRequest acceptPresentationDocumentTargets(String... values) {
        this.acceptPresentationDocumentTargets = List.of(values);
        return this;
    }

    /**
     * Proctoring: {@code session_data}. Default: random for Moodle and Canvas, 32 random characters stable per user
     * and resource link for {@link Flavor#EDX}, a fresh platform-signed JWT for {@link Flavor#TAO}; a value set here
     * is sent as it is in every flavour.
     */
    public LaunchRequest sessionData(String value) {
        this.sessionData = value;
        this.sessionDataExplicit = true;
        return this;
    }

    /**
     * Proctoring: sends the {@code https://purl.imsglobal.org/spec/lti-ap/claim/acs} claim with these actions
     * (LtiStartProctoring or LtiEndAssessment), in any flavour. Default: the flavour's ({@link Flavor#acsActions()})
     * on LtiStartProctoring, and on LtiEndAssessment for {@link Flavor#TAO} only.
     */
    public LaunchRequest acsActions(String... actions) {
        this.acsActions = List.of(actions);
        this.withoutAcs = false;
        return this;
    }

    /** Proctoring: sends no {@code acs} claim. */
    public LaunchRequest withoutAcs() {
        this.withoutAcs = true;
        return this;
    }

    /**
     * {@link Flavor#EDX}: the LTI configuration shares PII, so the launch carries {@code name}, {@code email} and
     * {@code preferred_username}; without it an Open edX launch names nobody. Other flavours ignore it.
     */
    public LaunchRequest sharePii() {
        this.sharePii = true;
        return this;
    }

    /** Proctoring: adds {@code proctoring_settings {data}}. */
    public LaunchRequest proctoringSettings(String data) {
        this.proctoringSettingsData = data;
        return this;
    }

    public MessageType messageType() {
        return type;
    }

    /** The resource link, if the message has one. */
    public ResourceLink link() {
        return link;
    }

    /** Proctoring: the {@code attempt_number}. */
    public int attemptNumber() {
        return attemptNumber;
    }

    /** The {@code acs.actions} to send in this flavour, or {@code null} for no {@code acs} claim. */
    List<String> acsActionsIn(Flavor flavor) {
        if (withoutAcs) {
            return null;
        }
        if (acsActions != null) {
            return acsActions;
        }
        boolean byDefault = type == MessageType.START_PROCTORING
                || type == MessageType.END_ASSESSMENT && flavor == Flavor.TAO;
        return byDefault && !flavor.acsActions().isEmpty() ? flavor.acsActions() : null;
    }

    public User user() {
        return user;
    }

    public Course course() {
        return course;
    }
}
