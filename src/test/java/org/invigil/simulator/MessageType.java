package org.invigil.simulator;

/** LTI message types the platform can launch with (the {@code message_type} claim). */
public enum MessageType {
    /** LTI Core 1.3 §5.3. */
    RESOURCE_LINK("LtiResourceLinkRequest"),
    /** Deep Linking 2.0 §4.4. */
    DEEP_LINKING("LtiDeepLinkingRequest"),
    /** Proctoring Services 1.0 §4.1. */
    START_PROCTORING("LtiStartProctoring"),
    /** Proctoring Services 1.0 §4.3: the assessment ended; the tool stops proctoring. */
    END_ASSESSMENT("LtiEndAssessment");

    private final String claimValue;

    MessageType(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The value of the {@code message_type} claim, e.g. {@code LtiResourceLinkRequest}. */
    public String claimValue() {
        return claimValue;
    }
}
