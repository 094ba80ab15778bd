package org.invigil.launch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.invigil.registration.control.Platforms;
import org.invigil.registration.entity.PlatformRegistration;
import org.invigil.registration.entity.ToolAddress;

/**
 * Third-party initiated login (Security Framework 1.0 §5.1.1): checks the platform's initiation and answers with
 * the authentication request to send the browser to (§5.1.1.2).
 */
@ApplicationScoped
public class OidcLogin {

    @Inject
    Platforms platforms;

    @Inject
    LoginStates states;

    /** The parameters of a login initiation, by GET or POST (§5.1.1.1). */
    public record Initiation(String issuer, String loginHint, String targetLinkUri, String ltiMessageHint,
                             String deploymentId, String clientId) {
    }

    public URI authenticationRequest(Initiation login, ToolAddress tool) {
        require(login.issuer(), "iss");
        require(login.loginHint(), "login_hint");
        require(login.targetLinkUri(), "target_link_uri");
        PlatformRegistration registration = registration(login);
        if (login.deploymentId() != null && !login.deploymentId().isBlank()
                && !registration.knowsDeployment(login.deploymentId())) {
            throw LaunchRejected.untrusted("unknown_deployment", "The deployment " + login.deploymentId()
                    + " of " + login.issuer() + " is not registered with Invigil. Ask the tool administrator to "
                    + "add it.");
        }
        URI target;
        try {
            target = URI.create(login.targetLinkUri());
        } catch (IllegalArgumentException e) {
            throw LaunchRejected.malformed("target_link_uri_malformed", "target_link_uri is not a URL.");
        }
        if (!tool.owns(target)) {
            throw LaunchRejected.malformed("target_link_uri_foreign", "target_link_uri " + login.targetLinkUri()
                    + " does not point to this Invigil (" + tool.base() + ").");
        }
        LoginState state = states.begin(registration.id(), registration.issuer(), registration.clientId(),
                login.targetLinkUri());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("scope", "openid");
        parameters.put("response_type", "id_token");
        parameters.put("response_mode", "form_post");
        parameters.put("prompt", "none");
        parameters.put("client_id", registration.clientId());
        parameters.put("redirect_uri", tool.launch().toString());
        parameters.put("login_hint", login.loginHint());
        if (login.ltiMessageHint() != null) {
            parameters.put("lti_message_hint", login.ltiMessageHint());
        }
        parameters.put("state", states.encode(state));
        parameters.put("nonce", state.nonce());
        String endpoint = registration.endpoints().authorizationEndpoint();
        String query = parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + query);
    }

    private PlatformRegistration registration(Initiation login) {
        if (login.clientId() != null && !login.clientId().isBlank()) {
            return platforms.find(login.issuer(), login.clientId()).orElseThrow(() -> platforms.byIssuer(
                    login.issuer()).isEmpty() ? unknownIssuer(login.issuer())
                    : LaunchRejected.untrusted("unknown_client", "The client id " + login.clientId()
                    + " is not registered for " + login.issuer() + "."));
        }
        List<PlatformRegistration> candidates = platforms.byIssuer(login.issuer());
        if (candidates.isEmpty()) {
            throw unknownIssuer(login.issuer());
        }
        if (candidates.size() > 1) {
            throw LaunchRejected.malformed("client_id_missing", "Several Invigil registrations share the issuer "
                    + login.issuer() + "; the platform must send client_id with the login.");
        }
        return candidates.get(0);
    }

    static LaunchRejected unknownIssuer(String issuer) {
        return LaunchRejected.untrusted("unknown_issuer", "The platform " + issuer + " is not registered with "
                + "Invigil. An administrator must register it first (Dynamic Registration or by hand).");
    }

    private static void require(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw LaunchRejected.malformed("login_" + parameter + "_missing", "The login initiation has no "
                    + parameter + " parameter; LTI requires iss, login_hint and target_link_uri.");
        }
    }
}
