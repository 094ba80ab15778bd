package org.invigil.simulator;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * The {@code start_assessment_url} of LtiStartProctoring launches: {@code POST /proctoring/start-assessment} with
 * form field {@code JWT} holding an {@code LtiStartAssessment} message (Proctoring Services 1.0 §4.2). On top of
 * the common checks of {@link ToolJwtVerifier#verifyMessage}, {@code session_data} must echo that of an
 * LtiStartProctoring launch to the tool, with the same {@code attempt_number}, {@code resource_link.id} and
 * deployment. Failures are 400 with the reason; success is the (simulated) assessment page.
 */
public final class StartAssessmentEndpoint {
    private static final Logger LOG = Logger.getLogger(StartAssessmentEndpoint.class.getName());
    static final String MESSAGE_TYPE = "LtiStartAssessment";

    /**
     * An accepted LtiStartAssessment.
     *
     * @param tool   the tool that sent it
     * @param link   the resource link of the proctored assessment
     * @param user   the user of the LtiStartProctoring launch
     * @param claims the verified claims (e.g. {@code verified_user}, {@code end_assessment_return})
     */
    public record Received(ToolRegistration tool, ResourceLink link, User user, JWTClaimsSet claims) {
    }

    private final ToolJwtVerifier verifier;
    private final OidcAuthorization authorization;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    StartAssessmentEndpoint(ToolJwtVerifier verifier, OidcAuthorization authorization) {
        this.verifier = verifier;
        this.authorization = authorization;
    }

    void routes(LtiPlatformSimulator http) {
        http.route("POST", "/proctoring/start-assessment", this::start);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void start(Exchange ex) {
        String jwt = ex.parameters().get("JWT");
        if (jwt == null || jwt.isBlank()) {
            throw HttpProblem.badRequest("missing form field JWT");
        }
        ToolJwtVerifier.ToolMessage message = verifier.verifyMessage(jwt, MESSAGE_TYPE);
        JWTClaimsSet claims = message.claims();
        Object sessionData = claims.getClaim(IdTokens.AP + "session_data");
        PendingLaunch launch = authorization.launches(message.tool(), MessageType.START_PROCTORING).stream()
                .filter(l -> l.request().sessionData.equals(sessionData))
                .findFirst()
                .orElseThrow(() -> HttpProblem.badRequest("session_data " + sessionData
                        + " does not echo an LtiStartProctoring launch to " + message.tool().clientId()));
        Object attempt = claims.getClaim(IdTokens.AP + "attempt_number");
        if (!(attempt instanceof Number n) || n.intValue() != launch.request().attemptNumber) {
            throw HttpProblem.badRequest("attempt_number must be " + launch.request().attemptNumber + ", got "
                    + attempt);
        }
        Object link = claims.getClaim(IdTokens.LTI + "resource_link");
        if (!(link instanceof Map<?, ?> linkClaim)
                || !Objects.equals(linkClaim.get("id"), launch.request().link.id())) {
            throw HttpProblem.badRequest("resource_link.id must be " + launch.request().link.id());
        }
        if (!launch.deploymentId().equals(claims.getClaim(IdTokens.LTI + "deployment_id"))) {
            throw HttpProblem.badRequest("deployment_id must be " + launch.deploymentId());
        }
        received.add(new Received(message.tool(), launch.request().link, launch.request().user, claims));
        LOG.info(() -> "assessment started for " + launch.request().user + " on " + launch.request().link);
        ex.sendHtml(200, "<!DOCTYPE html>\n<html><head><title>Assessment</title></head><body><h1>"
                + Exchange.escapeHtml(launch.request().link.title()) + "</h1><p>Attempt "
                + launch.request().attemptNumber + " started.</p></body></html>\n");
    }
}
