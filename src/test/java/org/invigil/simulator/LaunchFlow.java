package org.invigil.simulator;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.net.URI;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One LTI 1.3 launch played step by step by the simulated browser (LTI Security Framework 1.0 §5.1.1 "OpenID
 * Connect Launch Flow"), so that a test can look and tamper between the steps:
 * <ol>
 * <li>{@link #initiateLogin()}: the platform's third-party login initiation to the tool's
 * {@code initiate_login_uri} (GET, or POST with {@link LaunchRequest#loginByPost()}); the tool should answer a
 * redirect to {@code /auth} — then {@link #state()}, {@link #nonce()}, {@link #redirectUri()} and
 * {@link #authorizationParameters()} show what it asked for;</li>
 * <li>{@link #authorize()}: the browser follows that redirect to the platform, which answers the auto-post form
 * ({@link HtmlForm} with {@code id_token} and {@code state}) or refuses ({@link PlatformRefusal});</li>
 * <li>{@link #post()} / {@link #post(Map)}: the browser posts the fields to the {@code redirect_uri} and follows
 * the tool's 3xx answers.</li>
 * </ol>
 * {@link #run()} does the three. Replays: call {@link #post()} twice. Cross-login state: post
 * {@code Map.of("id_token", other.idToken(), "state", this.state())}.
 */
public final class LaunchFlow {
    private final LtiPlatformSimulator platform;
    private final PendingLaunch launch;
    private final SimulatedBrowser browser;
    private Map<String, String> loginParameters;
    private BrowserResponse loginResponse;
    private Map<String, String> authorizationParameters;
    private boolean authorizationByPost;
    private HtmlForm form;

    LaunchFlow(LtiPlatformSimulator platform, PendingLaunch launch, SimulatedBrowser browser) {
        this.platform = platform;
        this.launch = launch;
        this.browser = browser;
    }

    /** The three steps; returns the tool's final page (after its redirects). */
    public BrowserResponse run() {
        initiateLogin();
        authorize();
        return post();
    }

    /** The parameters the platform sends to the tool's initiate_login_uri (after any tampering). */
    public Map<String, String> loginParameters() {
        if (loginParameters == null) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("iss", platform.issuer());
            p.put("login_hint", launch.loginHint());
            p.put("target_link_uri", launch.targetLinkUri().toString());
            p.put("lti_message_hint", launch.messageHint());
            p.put("lti_deployment_id", launch.deploymentId());
            p.put("client_id", launch.tool().clientId());
            launch.request().loginTampers.forEach(t -> t.accept(p));
            loginParameters = p;
        }
        return Map.copyOf(loginParameters);
    }

    /** Step 1: third-party initiated login; returns the tool's answer without following it. */
    public BrowserResponse initiateLogin() {
        if (launch.request().loginByPost) {
            loginResponse = browser.postWithoutRedirects(initiateLoginUri(), loginParameters());
        } else {
            loginResponse = browser.getWithoutRedirects(loginUrl());
        }
        authorizationParameters = null;
        return loginResponse;
    }

    /**
     * The login initiation as a GET URL (the tool's {@code initiate_login_uri} with {@link #loginParameters()}), for
     * a real browser to open instead of step 1; the platform then authorizes the launch at {@code /auth} as usual.
     */
    public URI loginUrl() {
        URI login = initiateLoginUri();
        String sep = login.getRawQuery() == null ? "?" : "&";
        return URI.create(login + sep + Exchange.encodeForm(loginParameters()));
    }

    private URI initiateLoginUri() {
        URI login = launch.tool().initiateLoginUri();
        if (login == null) {
            throw new IllegalStateException(launch.tool() + " has no initiate_login_uri");
        }
        return login;
    }

    /** The tool's answer to the login initiation. */
    public BrowserResponse loginResponse() {
        if (loginResponse == null) {
            throw new IllegalStateException("initiateLogin() first");
        }
        return loginResponse;
    }

    /**
     * The authentication request the tool sent back: the query of its redirect to {@code /auth}, or the fields of
     * a form targeting {@code /auth} on its page.
     */
    public Map<String, String> authorizationParameters() {
        if (authorizationParameters == null) {
            BrowserResponse response = loginResponse();
            String auth = platform.authorizationEndpoint().toString();
            if (response.isRedirect() && response.location().isPresent()) {
                URI location = response.location().get();
                if (!location.toString().startsWith(auth)) {
                    throw new IllegalStateException("the tool redirected to " + location + ", not to " + auth);
                }
                authorizationParameters = Exchange.decodeForm(location.getRawQuery());
            } else if (response.status() == 200 && response.forms().stream()
                    .anyMatch(f -> f.action().toString().startsWith(auth))) {
                HtmlForm authForm = response.forms().stream()
                        .filter(f -> f.action().toString().startsWith(auth)).findFirst().get();
                authorizationParameters = authForm.fields();
                authorizationByPost = "POST".equals(authForm.method());
            } else {
                throw new IllegalStateException("the tool did not send the browser to " + auth + ": " + response);
            }
        }
        return Map.copyOf(authorizationParameters);
    }

    /** The {@code state} of the tool's authentication request. */
    public String state() {
        return authorizationParameter("state");
    }

    /** The {@code nonce} of the tool's authentication request. */
    public String nonce() {
        return authorizationParameter("nonce");
    }

    /** The {@code redirect_uri} of the tool's authentication request. */
    public URI redirectUri() {
        return URI.create(authorizationParameter("redirect_uri"));
    }

    private String authorizationParameter(String name) {
        String value = authorizationParameters().get(name);
        if (value == null) {
            throw new IllegalStateException("the tool's authentication request has no " + name + ": "
                    + authorizationParameters);
        }
        return value;
    }

    /**
     * Step 2: the browser sends the tool's authentication request to {@code /auth} (GET, or POST when the tool's
     * page posted a form there); returns the auto-post form.
     */
    public HtmlForm authorize() {
        return authorize(UnaryOperator.identity());
    }

    /** Step 2 with the authentication request's parameters edited first (to probe the platform's checks). */
    public HtmlForm authorize(UnaryOperator<Map<String, String>> tamper) {
        Map<String, String> p = tamper.apply(new LinkedHashMap<>(authorizationParameters()));
        URI auth = platform.authorizationEndpoint();
        BrowserResponse response = authorizationByPost ? browser.postWithoutRedirects(auth, p)
                : browser.getWithoutRedirects(URI.create(auth + "?" + Exchange.encodeForm(p)));
        if (response.status() != 200) {
            throw new PlatformRefusal(response);
        }
        form = response.form();
        return form;
    }

    /** The form of the last {@link #authorize()}. */
    public HtmlForm form() {
        if (form == null) {
            throw new IllegalStateException("authorize() first");
        }
        return form;
    }

    /** The id_token of the last {@link #authorize()}. */
    public String idToken() {
        return form().idToken();
    }

    /** The claims of the last id_token (unverified parse). */
    public JWTClaimsSet idTokenClaims() {
        try {
            return JWTParser.parse(idToken()).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalStateException("unparseable id_token", e);
        }
    }

    /** Step 3: posts the form of {@link #authorize()} to its action; follows the tool's redirects. */
    public BrowserResponse post() {
        return browser.submit(form());
    }

    /** Step 3 with other fields, posted to the redirect_uri (or the form action if authorized). */
    public BrowserResponse post(Map<String, String> fields) {
        URI target = form != null ? form.action() : redirectUri();
        return browser.post(target, fields);
    }

    /** The {@code lti_message_hint} of this launch. */
    public String messageHint() {
        return launch.messageHint();
    }

    public LaunchRequest request() {
        return launch.request();
    }

    public ToolRegistration tool() {
        return launch.tool();
    }

    public SimulatedBrowser browser() {
        return browser;
    }

    /** The target_link_uri of this launch. */
    public URI targetLinkUri() {
        return launch.targetLinkUri();
    }
}
