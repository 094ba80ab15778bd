package org.invigil.launch.entity;

import java.util.Arrays;
import java.util.Optional;

/** The LTI message types Invigil accepts, by their spec names. */
public enum MessageType {
    RESOURCE_LINK("LtiResourceLinkRequest"),
    DEEP_LINKING("LtiDeepLinkingRequest"),
    START_PROCTORING("LtiStartProctoring"),
    END_ASSESSMENT("LtiEndAssessment");

    private final String specName;

    MessageType(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    public static Optional<MessageType> of(String specName) {
        return Arrays.stream(values()).filter(type -> type.specName.equals(specName)).findFirst();
    }
}
