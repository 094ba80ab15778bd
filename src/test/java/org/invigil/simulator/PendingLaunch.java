package org.invigil.simulator;

import java.net.URI;

/**
 * A launch the platform has started (login initiation sent) and will authorize at {@code /auth}, keyed by the
 * {@code lti_message_hint} it sent. {@code loginHint} is the user's {@code sub} (the anonymous id for Open edX);
 * {@code sessionData} is the proctoring {@code session_data} this launch carries (LtiStartProctoring).
 */
record PendingLaunch(String messageHint, LaunchRequest request, ToolRegistration tool, String loginHint,
        String deploymentId, URI targetLinkUri, String sessionData) {
}
