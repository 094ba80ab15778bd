package org.invigil.simulator;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The OIDC authorization endpoint {@code GET|POST /auth} (LTI Security Framework 1.0 §5.1.1, OIDC Core §3.2 with
 * the form post response mode), as strict as Moodle's {@code mod/lti/auth.php}:
 * <ul>
 * <li>{@code scope} must be exactly {@code openid}, {@code response_type} {@code id_token}, {@code response_mode}
 * {@code form_post}, {@code prompt} {@code none};</li>
 * <li>{@code client_id} must be a registered, active tool and the one the login was initiated for;</li>
 * <li>{@code redirect_uri} must be one of the tool's registered redirect URIs, exactly;</li>
 * <li>{@code lti_message_hint} must name a login the platform initiated and {@code login_hint} must be the one it
 * sent;</li>
 * <li>{@code nonce} and {@code state} are required.</li>
 * </ul>
 * Any failure answers 400 with the reason as text. Success answers an HTML page with an auto-submitting
 * {@code <form method="post" action="{redirect_uri}">} carrying {@code id_token} and {@code state}. Issuing an
 * LtiStartProctoring id_token creates (or refreshes) the {@link ProctoredAttempt} it is about. For
 * {@link Flavor#EDX} the {@code login_hint} is the user's anonymous id, as the {@code sub}.
 */
final class OidcAuthorization {
    private static final Logger LOG = Logger.getLogger(OidcAuthorization.class.getName());

    private final LtiPlatformSimulator platform;
    private final IdTokens idTokens;
    private final Map<String, PendingLaunch> pending = new ConcurrentHashMap<>();

    OidcAuthorization(LtiPlatformSimulator platform) {
        this.platform = platform;
        this.idTokens = new IdTokens(platform);
    }

    void routes(LtiPlatformSimulator http) {
        http.route("GET", "/auth", this::authorize);
        http.route("POST", "/auth", this::authorize);
    }

    /** Resolves the tool, deployment and target of a launch and remembers it under a fresh message hint. */
    PendingLaunch prepare(LaunchRequest request) {
        if (request.user == null) {
            throw new IllegalArgumentException("LaunchRequest needs a user: call as(user)");
        }
        ToolRegistration tool = request.tool != null ? request.tool
                : request.link != null && request.link.tool().isPresent() ? request.link.tool().get()
                : platform.onlyRegistration();
        if (!tool.isActive()) {
            throw new IllegalStateException(tool + " is pending (Moodle flavour after dynamic registration): "
                    + "call activate() on it first");
        }
        String deploymentId = request.deploymentId != null ? request.deploymentId : tool.deploymentId();
        URI target = request.targetLinkUri;
        if (target == null && request.link != null && request.link.url().isPresent()) {
            target = request.link.url().get();
        }
        if (target == null) {
            target = tool.message(request.type.claimValue()).map(ToolRegistration.Message::targetLinkUri)
                    .orElse(null);
        }
        if (target == null) {
            target = tool.targetLinkUri();
        }
        if (target == null) {
            throw new IllegalStateException(tool + " has no target_link_uri");
        }
        String loginHint = platform.flavor() == Flavor.EDX ? platform.anonymousId(request.user) : request.user.sub();
        PendingLaunch launch = new PendingLaunch("mh-" + UUID.randomUUID(), request, tool, loginHint,
                deploymentId, target, platform.attempts().sessionDataFor(request, tool));
        pending.put(launch.messageHint(), launch);
        return launch;
    }

    /** The prepared launches of that tool and message type. */
    java.util.List<PendingLaunch> launches(ToolRegistration tool, MessageType type) {
        return pending.values().stream()
                .filter(l -> l.tool() == tool && l.request().type == type)
                .toList();
    }

    private void authorize(Exchange exchange) {
        Map<String, String> p = exchange.parameters();
        require(p, "scope", "openid");
        require(p, "response_type", "id_token");
        require(p, "response_mode", "form_post");
        require(p, "prompt", "none");
        String clientId = present(p, "client_id");
        ToolRegistration tool = platform.registration(clientId)
                .orElseThrow(() -> HttpProblem.badRequest("invalid_client: unknown client_id '" + clientId + "'"));
        if (!tool.isActive()) {
            throw HttpProblem.badRequest("the tool " + clientId + " is pending activation");
        }
        String redirectUri = present(p, "redirect_uri");
        if (tool.redirectUris().stream().noneMatch(u -> u.toString().equals(redirectUri))) {
            throw HttpProblem.badRequest("invalid_request: redirect_uri '" + redirectUri
                    + "' is not registered for " + clientId + " " + tool.redirectUris());
        }
        String messageHint = present(p, "lti_message_hint");
        PendingLaunch launch = pending.get(messageHint);
        if (launch == null) {
            throw HttpProblem.badRequest("invalid_request: unknown lti_message_hint '" + messageHint + "'");
        }
        String loginHint = present(p, "login_hint");
        if (!loginHint.equals(launch.loginHint())) {
            throw HttpProblem.badRequest("login_required: login_hint '" + loginHint
                    + "' is not the user the login was initiated for");
        }
        if (!launch.tool().clientId().equals(clientId)) {
            throw HttpProblem.badRequest("invalid_request: client_id '" + clientId
                    + "' is not the tool the login was initiated for");
        }
        String nonce = present(p, "nonce");
        String state = present(p, "state");

        String idToken = idTokens.sign(idTokens.claims(launch, nonce), launch.request());
        if (launch.request().type == MessageType.START_PROCTORING) {
            platform.attempts().launched(launch);
        }
        LOG.fine(() -> "authorized " + launch.request().type + " for " + launch.loginHint() + " to " + clientId);
        exchange.sendHtml(200, autoPostForm(redirectUri, Map.of("id_token", idToken, "state", state)));
    }

    private static String present(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null || value.isEmpty()) {
            throw HttpProblem.badRequest("invalid_request: missing parameter '" + name + "'");
        }
        return value;
    }

    private static void require(Map<String, String> p, String name, String expected) {
        String value = present(p, name);
        if (!value.equals(expected)) {
            throw HttpProblem.badRequest("invalid_request: " + name + " must be '" + expected + "', got '"
                    + value + "'");
        }
    }

    /** The HTML page an LMS answers: a form that posts itself on load. */
    static String autoPostForm(String action, Map<String, String> fields) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><title>Launching</title></head>\n"
                + "<body onload=\"document.forms[0].submit()\">\n<form method=\"post\" action=\"")
                .append(Exchange.escapeHtml(action)).append("\">\n");
        fields.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"")
                .append(Exchange.escapeHtml(name)).append("\" value=\"").append(Exchange.escapeHtml(value))
                .append("\"/>\n"));
        return html.append("<noscript><button type=\"submit\">Continue</button></noscript>\n</form>\n</body></html>\n")
                .toString();
    }
}
