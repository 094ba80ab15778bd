package org.invigil.simulator;

/**
 * Which LMS the simulated platform imitates where the specs leave room (see {@code shared/notes/lti.md}).
 * <ul>
 * <li>{@link #MOODLE}: Moodle 4.5 — no {@code picture} anywhere, short role names in NRPS plus
 * {@code ext_user_username}, line item URLs with {@code ?type_id=}, dynamic registration keeps only deep-linking
 * messages, requires {@code domain} = host:port of {@code target_link_uri}, drops {@code picture} from the claims
 * and leaves the new tool pending until an admin activates it; errors are {@code 400} with a text message.</li>
 * <li>{@link #CANVAS}: Canvas cloud — {@code picture} in launches and NRPS (when the privacy level allows it), long
 * role URIs everywhere, {@code https://canvas.instructure.com/lti/privacy_level} at registration, registration
 * errors as {@code 422 {"errors":[...]}}, the {@code openid_configuration} requires the registration token.</li>
 * </ul>
 */
public enum Flavor {
    MOODLE("moodle", "Moodle", "2024100706", "CourseSection"),
    CANVAS("canvas", "Canvas LMS", "cloud", "http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering");

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

    /** {@code tool_platform.product_family_code}: {@code moodle} or {@code canvas}. */
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

    /** The single value of {@code context.type} in launches. */
    public String contextType() {
        return contextType;
    }

    /** Whether this LMS ever sends the OIDC {@code picture} claim / NRPS member field. */
    public boolean sendsPicture() {
        return this == CANVAS;
    }
}
