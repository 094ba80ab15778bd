package org.invigil.launch.control;

/** Claim names, verbatim from the specs. */
public final class LtiClaims {

    public static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String MESSAGE_TYPE = LTI + "message_type";
    public static final String VERSION = LTI + "version";
    public static final String DEPLOYMENT_ID = LTI + "deployment_id";
    public static final String TARGET_LINK_URI = LTI + "target_link_uri";
    public static final String RESOURCE_LINK = LTI + "resource_link";
    public static final String ROLES = LTI + "roles";
    public static final String CONTEXT = LTI + "context";
    public static final String CUSTOM = LTI + "custom";
    public static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";
    public static final String TOOL_PLATFORM = LTI + "tool_platform";
    public static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    public static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    public static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    public static final String DEEP_LINKING_DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";
    public static final String DEEP_LINKING_CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
    public static final String AP = "https://purl.imsglobal.org/spec/lti-ap/claim/";
    public static final String AP_ATTEMPT_NUMBER = AP + "attempt_number";
    public static final String AP_START_ASSESSMENT_URL = AP + "start_assessment_url";
    public static final String AP_SESSION_DATA = AP + "session_data";
    public static final String AP_ERROR_MESSAGE = AP + "errormsg";
    public static final String AP_ERROR_LOG = AP + "errorlog";
    public static final String AP_SETTINGS = AP + "proctoring_settings";
    public static final String AP_CONTROL = AP + "acs";
    public static final String SUPPORTED_VERSION = "1.3.0";

    private LtiClaims() {
    }
}
