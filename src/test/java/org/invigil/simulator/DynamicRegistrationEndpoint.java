package org.invigil.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * LTI Dynamic Registration 1.0, platform side.
 * <ul>
 * <li>{@code GET /.well-known/openid-configuration} (DR §3.4, §3.5.1): the platform configuration. A
 * {@code Bearer} registration token is optional in the {@link Flavor#MOODLE} flavour (checked if sent) and required
 * in {@link Flavor#CANVAS}; a bad one is 401.</li>
 * <li>{@code POST /register} (DR §3.5.2, §3.6): {@code Bearer} registration token (single use, 1 h), JSON body
 * checked per DR §3.1/§3.3: {@code application_type web}, {@code response_types} with {@code id_token},
 * {@code grant_types} with {@code implicit} and {@code client_credentials}, {@code initiate_login_uri},
 * {@code redirect_uris}, {@code jwks_uri}, {@code client_name}, {@code token_endpoint_auth_method private_key_jwt},
 * the {@code https://purl.imsglobal.org/spec/lti-tool-configuration} object with {@code domain} and
 * {@code target_link_uri}. Moodle: {@code domain} must equal the host[:port] of {@code target_link_uri}, only
 * {@code LtiDeepLinkingRequest} messages are kept, {@code picture} is dropped from the claims, the tool starts
 * pending ({@link ToolRegistration#activate()}), errors are 400 text. Canvas: the privacy level is required,
 * message {@code label} must not be null, {@code icon_uri} not "", {@code contacts}/{@code secondary_domains}/
 * {@code custom_parameters} not null; errors are {@code 422 {"errors":[...]}}. Unknown scopes are dropped.</li>
 * <li>{@link Flavor#EDX} and {@link Flavor#TAO} (Proctoring Services platforms): the configuration also lists the
 * {@code LtiStartProctoring} and {@code LtiEndAssessment} messages and the ACS scope
 * ({@link AssessmentControlService#SCOPE}); every message the tool declares is kept and the ACS scope is granted if
 * asked for. Real Open edX has no dynamic registration (an admin configures the tool in Studio): it is offered
 * here so that tests of every flavour share one registration path. Open edX client ids are UUIDs and its
 * deployment id is {@code 1}.</li>
 * </ul>
 */
final class DynamicRegistrationEndpoint {
    private static final Logger LOG = Logger.getLogger(DynamicRegistrationEndpoint.class.getName());
    static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
    static final String CANVAS_PRIVACY_LEVEL = "https://canvas.instructure.com/lti/privacy_level";
    private static final Set<String> PRIVACY_LEVELS = Set.of("public", "name_only", "email_only", "anonymous");

    private record RegistrationToken(Instant expiresAt, boolean used) {
    }

    private record Refusal(int status, String body) {
    }

    private final LtiPlatformSimulator platform;
    private final Map<String, RegistrationToken> registrationTokens = new ConcurrentHashMap<>();
    private volatile Refusal refuseNext;
    private volatile String nextClientId;

    DynamicRegistrationEndpoint(LtiPlatformSimulator platform) {
        this.platform = platform;
    }

    void routes(LtiPlatformSimulator http) {
        http.route("GET", "/\\.well-known/openid-configuration", this::configuration);
        http.route("POST", "/register", this::register);
    }

    URI startUrl(URI toolRegistrationUrl) {
        String token = "rt-" + UUID.randomUUID();
        registrationTokens.put(token, new RegistrationToken(platform.now().plus(Duration.ofHours(1)), false));
        String sep = toolRegistrationUrl.getRawQuery() == null ? "?" : "&";
        return URI.create(toolRegistrationUrl + sep + "openid_configuration="
                + URLEncoder.encode(platform.openidConfigurationUrl().toString(), StandardCharsets.UTF_8)
                + "&registration_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    void refuseNext(int status, String body) {
        this.refuseNext = new Refusal(status, body);
    }

    void answerNextWithClientId(String clientId) {
        this.nextClientId = clientId;
    }

    // ---------------------------------------------------------------- openid configuration

    private void configuration(Exchange ex) {
        Optional<String> token = ex.bearerToken();
        if (token.isPresent()) {
            checkToken(token.get());
        } else if (platform.flavor() == Flavor.CANVAS) {
            throw HttpProblem.of(401, "Canvas requires Authorization: Bearer <registration_token>");
        }
        JsonArrayBuilder claims = Json.createArrayBuilder().add("sub").add("iss").add("name").add("given_name")
                .add("family_name").add("email").add("locale");
        if (platform.flavor().sendsPicture()) {
            claims.add("picture");
        }
        JsonArrayBuilder scopes = Json.createArrayBuilder().add("openid");
        new TreeSet<>(ToolRegistration.ALL_SERVICE_SCOPES).forEach(scopes::add);
        boolean proctoring = platform.flavor().implementsProctoring();
        if (proctoring) {
            scopes.add(AssessmentControlService.SCOPE);
        }
        JsonArrayBuilder messages = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "LtiResourceLinkRequest"))
                .add(Json.createObjectBuilder().add("type", "LtiDeepLinkingRequest")
                        .add("placements", Json.createArrayBuilder().add("ContentArea")));
        if (proctoring) {
            messages.add(Json.createObjectBuilder().add("type", MessageType.START_PROCTORING.claimValue()))
                    .add(Json.createObjectBuilder().add("type", MessageType.END_ASSESSMENT.claimValue()));
        }
        ex.sendJson(200, "application/json", Json.createObjectBuilder()
                .add("issuer", platform.issuer())
                .add("authorization_endpoint", platform.authorizationEndpoint().toString())
                .add("token_endpoint", platform.tokenEndpoint().toString())
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("private_key_jwt"))
                .add("token_endpoint_auth_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("jwks_uri", platform.jwksUri().toString())
                .add("registration_endpoint", platform.registrationEndpoint().toString())
                .add("scopes_supported", scopes)
                .add("response_types_supported", Json.createArrayBuilder().add("id_token"))
                .add("subject_types_supported", Json.createArrayBuilder().add("public").add("pairwise"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("claims_supported", claims)
                .add(PLATFORM_CONFIGURATION, Json.createObjectBuilder()
                        .add("product_family_code", platform.flavor().productFamilyCode())
                        .add("version", platform.flavor().version())
                        .add("messages_supported", messages)
                        .add("variables", Json.createArrayBuilder().add("User.id").add("User.username")
                                .add("Person.name.full").add("Person.name.given").add("Person.name.family")
                                .add("Person.email.primary").add("Context.id").add("Context.title")
                                .add("Context.label").add("ResourceLink.id").add("ResourceLink.title")))
                .build());
    }

    private void checkToken(String token) {
        RegistrationToken state = registrationTokens.get(token);
        if (state == null) {
            throw HttpProblem.of(401, "unknown registration token");
        }
        if (state.used()) {
            throw HttpProblem.of(401, "the registration token was already used");
        }
        if (!state.expiresAt().isAfter(platform.now())) {
            throw HttpProblem.of(401, "the registration token expired");
        }
    }

    // ---------------------------------------------------------------- registration

    private void register(Exchange ex) {
        String token = ex.bearerToken()
                .orElseThrow(() -> HttpProblem.of(401, "missing Authorization: Bearer <registration_token>"));
        checkToken(token);
        Refusal refusal = refuseNext;
        if (refusal != null) {
            refuseNext = null;
            throw refusal.body().startsWith("{")
                    ? HttpProblem.json(refusal.status(), "refused by the test", refusal.body())
                    : HttpProblem.of(refusal.status(), refusal.body());
        }
        if (!"application/json".equals(ex.mediaType())) {
            throw fail("Content-Type must be application/json, got '" + ex.mediaType() + "'");
        }
        JsonObject request = ex.jsonObject();
        List<String> errors = new ArrayList<>();
        check(errors, "web".equals(string(request, "application_type")), "application_type must be 'web'");
        check(errors, strings(request, "response_types").contains("id_token"), "response_types must include id_token");
        check(errors, strings(request, "grant_types").containsAll(List.of("implicit", "client_credentials")),
                "grant_types must include implicit and client_credentials");
        check(errors, uri(request, "initiate_login_uri") != null, "initiate_login_uri (absolute URL) is required");
        List<String> redirectUris = strings(request, "redirect_uris");
        check(errors, !redirectUris.isEmpty() && redirectUris.stream().allMatch(DynamicRegistrationEndpoint::isUrl),
                "redirect_uris (absolute URLs) are required");
        check(errors, uri(request, "jwks_uri") != null, "jwks_uri (absolute URL) is required");
        check(errors, string(request, "client_name") != null && !string(request, "client_name").isBlank(),
                "client_name is required");
        check(errors, "private_key_jwt".equals(string(request, "token_endpoint_auth_method")),
                "token_endpoint_auth_method must be private_key_jwt");
        JsonObject config = request.get(TOOL_CONFIGURATION) instanceof JsonObject o ? o : null;
        check(errors, config != null, TOOL_CONFIGURATION + " object is required");
        URI target = config == null ? null : uri(config, "target_link_uri");
        String domain = config == null ? null : string(config, "domain");
        if (config != null) {
            check(errors, target != null, "target_link_uri (absolute URL) is required");
            check(errors, domain != null && !domain.isBlank(), "domain is required");
            if (platform.flavor() == Flavor.MOODLE && target != null && domain != null) {
                String authority = target.getHost() + (target.getPort() == -1 ? "" : ":" + target.getPort());
                check(errors, domain.equals(authority), "domain '" + domain + "' must equal the host[:port] of"
                        + " target_link_uri '" + authority + "'");
            }
            if (platform.flavor() == Flavor.CANVAS) {
                canvasChecks(errors, request, config);
            }
        }
        if (!errors.isEmpty()) {
            throw fail(errors);
        }

        ToolRegistration tool = toRegistration(request, config, target, domain, redirectUris);
        registrationTokens.put(token, new RegistrationToken(registrationTokens.get(token).expiresAt(), true));
        JsonObject response = response(request, config, tool);
        tool.registrationExchange(request, response);
        LOG.info(() -> "registered " + tool);
        ex.sendJson(200, "application/json", response);
    }

    private void canvasChecks(List<String> errors, JsonObject request, JsonObject config) {
        String privacy = string(config, CANVAS_PRIVACY_LEVEL);
        check(errors, privacy != null && PRIVACY_LEVELS.contains(privacy),
                CANVAS_PRIVACY_LEVEL + " must be one of " + PRIVACY_LEVELS);
        for (JsonValue message : array(config, "messages")) {
            if (message instanceof JsonObject m) {
                check(errors, !(m.containsKey("label") && m.isNull("label")), "message label must not be null");
                check(errors, !"".equals(string(m, "icon_uri")), "message icon_uri must not be \"\" (use null)");
            }
        }
        check(errors, !"".equals(string(request, "logo_uri")), "logo_uri must not be \"\"");
        check(errors, !(request.containsKey("contacts") && request.isNull("contacts")), "contacts must not be null");
        check(errors, !(config.containsKey("secondary_domains") && config.isNull("secondary_domains")),
                "secondary_domains must not be null");
        check(errors, !(config.containsKey("custom_parameters") && config.isNull("custom_parameters")),
                "custom_parameters must not be null");
    }

    private ToolRegistration toRegistration(JsonObject request, JsonObject config, URI target, String domain,
            List<String> redirectUris) {
        boolean moodle = platform.flavor() == Flavor.MOODLE;
        String chosen = nextClientId;
        nextClientId = null;
        boolean edx = platform.flavor() == Flavor.EDX;
        String clientId = chosen != null ? chosen : moodle ? randomAlphanumeric(15)
                : edx ? UUID.randomUUID().toString()
                : Long.toString(10000000000000L + ThreadLocalRandom.current().nextLong(1, 99999));
        ToolRegistration tool = new ToolRegistration(clientId)
                .initiateLoginUri(uri(request, "initiate_login_uri"))
                .redirectUris(redirectUris.stream().map(URI::create).toArray(URI[]::new))
                .jwksUri(uri(request, "jwks_uri"))
                .targetLinkUri(target)
                .domain(domain)
                .clientName(string(request, "client_name"))
                .privacyLevel(moodle ? null : string(config, CANVAS_PRIVACY_LEVEL));
        Set<String> scopes = new TreeSet<>(LtiPlatformSimulator.split(string(request, "scope")));
        Set<String> known = new TreeSet<>(ToolRegistration.ALL_SERVICE_SCOPES);
        if (platform.flavor().implementsProctoring()) {
            known.add(AssessmentControlService.SCOPE);
        }
        scopes.retainAll(known);
        tool.scopes(scopes);
        strings(config, "claims").stream().filter(c -> !(moodle && c.equals("picture"))).forEach(tool::claims);
        for (JsonValue value : array(config, "messages")) {
            if (value instanceof JsonObject m && string(m, "type") != null
                    && (!moodle || "LtiDeepLinkingRequest".equals(string(m, "type")))) {
                tool.message(new ToolRegistration.Message(string(m, "type"), uri(m, "target_link_uri"),
                        string(m, "label"), m));
            }
        }
        if (config.get("custom_parameters") instanceof JsonObject custom) {
            custom.forEach((k, v) -> tool.customParameter(k, v instanceof JsonString s ? s.getString()
                    : v.toString()));
        }
        platform.registerTool(tool);
        tool.deploymentIds(moodle ? Integer.toString(tool.typeId()) : edx ? "1"
                : tool.typeId() + ":" + randomAlphanumeric(40));
        if (moodle) {
            tool.pending();
        }
        return tool;
    }

    private JsonObject response(JsonObject request, JsonObject config, ToolRegistration tool) {
        JsonObjectBuilder out = Json.createObjectBuilder(request)
                .add("client_id", tool.clientId())
                .add("scope", String.join(" ", new TreeSet<>(tool.scopes())));
        JsonArrayBuilder messages = Json.createArrayBuilder();
        tool.messages().forEach(m -> messages.add(m.json()));
        JsonArrayBuilder claims = Json.createArrayBuilder();
        tool.claims().forEach(claims::add);
        out.add(TOOL_CONFIGURATION, Json.createObjectBuilder(config)
                .add("deployment_id", tool.deploymentId())
                .add("messages", messages)
                .add("claims", claims));
        return out.build();
    }

    private HttpProblem fail(String reason) {
        return fail(List.of(reason));
    }

    private HttpProblem fail(List<String> reasons) {
        if (platform.flavor() == Flavor.CANVAS) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            reasons.forEach(errors::add);
            return HttpProblem.json(422, String.join("; ", reasons),
                    Json.createObjectBuilder().add("errors", errors).build().toString());
        }
        return HttpProblem.badRequest(String.join("; ", reasons));
    }

    private static void check(List<String> errors, boolean ok, String reason) {
        if (!ok) {
            errors.add(reason);
        }
    }

    private static String string(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static URI uri(JsonObject o, String name) {
        String value = string(o, name);
        return value != null && isUrl(value) ? URI.create(value) : null;
    }

    private static boolean isUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static JsonArray array(JsonObject o, String name) {
        return o.get(name) instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
    }

    private static List<String> strings(JsonObject o, String name) {
        return array(o, name).stream().filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString()).toList();
    }

    private static String randomAlphanumeric(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
