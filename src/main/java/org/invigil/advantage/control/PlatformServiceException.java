package org.invigil.advantage.control;

import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/**
 * A platform service (token, AGS, NRPS) that refused or failed: the HTTP status it answered and its own message.
 * Told to callers as 502: the request to Invigil was fine, the platform's answer was not.
 */
public class PlatformServiceException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final String service;
    private final int platformStatus;
    private final String platformMessage;

    public PlatformServiceException(String service, int platformStatus, String platformMessage) {
        super(new Problem(502, "platform_service_error", "The LMS refused a request",
                "The LMS's " + service + " answered HTTP " + platformStatus
                        + (platformMessage == null || platformMessage.isBlank() ? "." : ": " + platformMessage)));
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
