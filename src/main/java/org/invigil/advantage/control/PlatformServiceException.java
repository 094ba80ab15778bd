package org.invigil.advantage.control;

import org.invigil.refusal.entity.Refusal;

/**
 * A platform service (token, AGS, NRPS) that refused or failed: the HTTP status it answered and its own message.
 * The request to Invigil was fine, the platform's answer was not ({@link Kind#UPSTREAM_FAILED}).
 */
public class PlatformServiceException extends Refusal {

    private static final long serialVersionUID = 1L;
    private final String service;
    private final int platformStatus;
    private final String platformMessage;

    public PlatformServiceException(String service, int platformStatus, String platformMessage) {
        super(Kind.UPSTREAM_FAILED, "platform_service_error", "The LMS refused a request",
                "The LMS's " + service + " answered HTTP " + platformStatus
                        + (platformMessage == null || platformMessage.isBlank() ? "." : ": " + platformMessage));
        this.service = service;
        this.platformStatus = platformStatus;
        this.platformMessage = platformMessage;
    }

    public String service() {
        return service;
    }

    public int platformStatus() {
        return platformStatus;
    }

    public String platformMessage() {
        return platformMessage;
    }
}
