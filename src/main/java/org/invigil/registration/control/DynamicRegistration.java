package org.invigil.registration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.outbound.control.HttpAnswer;
import org.invigil.outbound.control.PlatformHttp;
import org.invigil.registration.entity.PlatformEndpoints;
import org.invigil.registration.entity.PlatformRegistration;
import org.invigil.json.control.BoundedJson;
import org.invigil.refusal.entity.Refusal.Kind;
import org.invigil.registration.entity.ToolAddress;

/**
 * The tool's side of LTI Dynamic Registration 1.0: read the platform's OpenID configuration (§3.4), post the tool
 * configuration to its registration endpoint (§3.5), and keep the client id and deployment it answers with (§3.6).
 */
@ApplicationScoped
public class DynamicRegistration {

    static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";

    @Inject
    PlatformHttp http;

    @Inject
    Platforms platforms;

    @Inject
    RegistrationLinks links;

    /**
     * Whether only a one-time link issued by the tool administrator ({@code POST /api/admin/registration-links})
     * may register; the plain registration URL then explains how to get one.
     */
    @Inject
    @ConfigProperty(name = "invigil.registration.require-link", defaultValue = "false")
    boolean requireLink;

    /**
     * Issuers shared by many hosts: Canvas cloud serves every tenant's configuration from the tenant's host under the
     * one issuer {@code https://canvas.instructure.com}. Any other issuer must be on the configuration URL's host.
     */
    @Inject
    @ConfigProperty(name = "invigil.registration.shared-issuers",
            defaultValue = "https://canvas.instructure.com,https://canvas.beta.instructure.com,"
                    + "https://canvas.test.instructure.com")
    List<String> sharedIssuers;

    /** A registration made: what the platform said of itself, and what Invigil stored. */
    public record Registered(PlatformConfiguration platform, PlatformRegistration registration) {
    }

    /**
     * The confirmation step: lets a registration begin through the plain URL ({@code link} null) or a one-time
     * link, then reads the platform's configuration. A plain registration when links are required, and a link that
     * is unknown, used or expired, are refused before anything is fetched.
     */
    public PlatformConfiguration discover(String link, String openidConfigurationUrl, String registrationToken) {
        admit(link);
        return discover(openidConfigurationUrl, registrationToken);
    }

    /** Registers through the plain URL or a one-time link, which is used up only if the registration succeeds. */
    public Registered register(String link, String openidConfigurationUrl, String registrationToken,
                               ToolAddress tool) {
        PlatformConfiguration platform = discover(link, openidConfigurationUrl, registrationToken);
        if (link == null) {
            return new Registered(platform, register(platform, registrationToken, tool));
        }
        links.claim(link);
        try {
            PlatformRegistration registered = register(platform, registrationToken, tool);
            links.registered(link, registered.id());
            return new Registered(platform, registered);
        } catch (RuntimeException failed) {
            links.release(link);
            throw failed;
        }
    }

    void admit(String link) {
        if (link == null) {
            if (requireLink) {
                throw new RegistrationRefused(Kind.NOT_YOURS, "registration_link_required",
                        "A registration link is required",
                        "This Invigil registers LMSs only through a one-time registration link. Ask Invigil's "
                                + "administrator for a link and paste that into your LMS instead.");
            }
            return;
        }
        links.requireUsable(link);
    }

    PlatformConfiguration discover(String openidConfigurationUrl, String registrationToken) {
        if (openidConfigurationUrl == null || openidConfigurationUrl.isBlank()) {
            throw new RegistrationRefused("openid_configuration_missing", "This is Invigil's registration URL. "
                    + "Open it from your LMS's LTI Dynamic Registration (the LMS adds the openid_configuration "
                    + "parameter), not directly.");
        }
        URI url = http.address(openidConfigurationUrl, "The openid_configuration URL");
        HttpAnswer answer = http.get(url, bearer(registrationToken, Map.of("Accept", "application/json")));
        if (!answer.isSuccess()) {
            throw new RegistrationRefused(Kind.UPSTREAM_FAILED, "openid_configuration_unavailable",
                    "The platform's configuration could not be read",
                    "The platform answered HTTP " + answer.status() + " for its OpenID configuration at " + url
                            + ".");
        }
        JsonObject json = parseObject(answer.body(), "openid_configuration_malformed",
                "The platform's OpenID configuration at " + url + " is not a JSON object.");
        String issuer = required(json, "issuer");
        String authorization = required(json, "authorization_endpoint");
        String token = required(json, "token_endpoint");
        String jwks = required(json, "jwks_uri");
        String registration = required(json, "registration_endpoint");
        checkIssuer(issuer, url);
        List<String> algorithms = strings(json, "id_token_signing_alg_values_supported");
        if (!algorithms.isEmpty() && !algorithms.contains("RS256")) {
            throw new RegistrationRefused("platform_unsupported",
                    "The platform does not sign id_tokens with RS256 (it offers " + algorithms + "); LTI 1.3 requires it.");
        }
        List<String> authMethods = strings(json, "token_endpoint_auth_methods_supported");
        if (!authMethods.isEmpty() && !authMethods.contains("private_key_jwt")) {
            throw new RegistrationRefused("platform_unsupported",
                    "The platform's token endpoint does not accept private_key_jwt (it offers " + authMethods + ").");
        }
        JsonObject lti = json.get(PLATFORM_CONFIGURATION) instanceof JsonObject object ? object : null;
        if (lti == null) {
            throw new RegistrationRefused("openid_configuration_malformed", "The platform's OpenID configuration "
                    + "has no " + PLATFORM_CONFIGURATION + " member: it is not an LTI platform configuration.");
        }
        List<String> messages = new ArrayList<>();
        if (lti.get("messages_supported") instanceof JsonArray array) {
            for (JsonValue message : array) {
                if (message instanceof JsonObject m && m.get("type") instanceof JsonString type) {
                    messages.add(type.getString());
                }
            }
        }
        String audience = json.get("authorization_server") instanceof JsonString server ? server.getString() : null;
        return new PlatformConfiguration(url.toString(), issuer, authorization, token, jwks, registration, audience,
                lti.getString("product_family_code", null), lti.getString("version", null),
                strings(json, "scopes_supported"), messages);
    }

    /** Posts the tool configuration and stores the registration the platform answers with. */
    PlatformRegistration register(PlatformConfiguration platform, String registrationToken, ToolAddress tool) {
        JsonObject configuration = ToolConfiguration.of(tool);
        Set<String> requested = new LinkedHashSet<>(ToolConfiguration.SCOPES);
        if (!platform.scopesSupported().isEmpty()) {
            requested.retainAll(platform.scopesSupported());
            JsonObjectBuilder narrowed = Json.createObjectBuilder(configuration);
            narrowed.add("scope", String.join(" ", requested));
            configuration = narrowed.build();
        }
        URI endpoint = http.address(platform.registrationEndpoint(), "The platform's registration endpoint");
        HttpAnswer answer = http.post(endpoint, "application/json", configuration.toString(),
                bearer(registrationToken, Map.of("Accept", "application/json")));
        if (!answer.isSuccess()) {
            throw new RegistrationRefused(answer.status() >= 500 ? Kind.UPSTREAM_FAILED : Kind.UNUSABLE,
                    "registration_refused",
                    "The platform refused the registration",
                    platform.displayName() + " refused the registration (HTTP " + answer.status() + "): "
                            + refusalReasons(answer));
        }
        JsonObject response = parseObject(answer.body(), "registration_response_malformed",
                "The platform accepted the registration but its answer is not a JSON object.");
        String clientId = response.get("client_id") instanceof JsonString id ? id.getString() : null;
        if (clientId == null || clientId.isBlank()) {
            throw new RegistrationRefused(Kind.UNUSABLE, "registration_response_malformed",
                    "The platform's answer is incomplete", "The platform's registration answer has no client_id.");
        }
        List<String> deployments = new ArrayList<>();
        if (response.get(ToolConfiguration.LTI_TOOL_CONFIGURATION) instanceof JsonObject answered
                && answered.get("deployment_id") != null) {
            JsonValue deployment = answered.get("deployment_id");
            deployments.add(deployment instanceof JsonString text ? text.getString() : deployment.toString());
        }
        Set<String> granted = response.get("scope") instanceof JsonString scope && !scope.getString().isBlank()
                ? new LinkedHashSet<>(List.of(scope.getString().trim().split("\\s+")))
                : requested;
        PlatformEndpoints endpoints = new PlatformEndpoints(platform.authorizationEndpoint(),
                platform.tokenEndpoint(), platform.jwksUri(), platform.tokenAudience());
        return platforms.create(new PlatformDetails(platform.issuer(), clientId, deployments, endpoints,
                platform.displayName(), platform.productFamilyCode(), granted), platform.configurationUrl());
    }

    /**
     * The issuer must be the origin of the configuration URL (scheme, host and port): a configuration served from
     * another port of the same host, or from another host, cannot speak for that issuer. The exception is an issuer
     * that many hosts share (Canvas cloud); registrations under it are told apart by client id and never touch one
     * another, since Dynamic Registration only creates.
     */
    private void checkIssuer(String issuer, URI configurationUrl) {
        URI issuerUri = Issuers.parse(issuer);
        if (Issuers.sameOrigin(issuerUri, configurationUrl)) {
            return;
        }
        String normalised = Issuers.withoutTrailingSlash(issuer);
        if (sharedIssuers.stream().map(String::trim).map(Issuers::withoutTrailingSlash).anyMatch(normalised::equals)) {
            return;
        }
        throw new RegistrationRefused("issuer_mismatch", "The platform's issuer " + issuer
                + " is not the origin of its configuration URL (" + configurationUrl.getScheme() + "://"
                + configurationUrl.getRawAuthority() + "); Dynamic Registration requires them to match, port "
                + "included.");
    }

    /**
     * The reasons a platform gave in words: Canvas answers {@code 422 {"errors": [...]}}, RFC 7591 platforms
     * {@code {"error", "error_description"}}. Only those members are quoted (300 characters at most); any other body
     * is not, so that the registration page never relays what some other server said.
     */
    static String refusalReasons(HttpAnswer answer) {
        try {
            JsonObject json = BoundedJson.object(answer.body());
            List<String> reasons = new ArrayList<>();
            if (json.get("errors") instanceof JsonArray errors) {
                for (JsonValue error : errors) {
                    reasons.add(describe(error));
                }
            } else if (json.get("errors") instanceof JsonObject errors) {
                errors.forEach((field, value) -> reasons.add(field + ": " + describe(value)));
            }
            if (json.get("error") instanceof JsonString error) {
                String description = json.getString("error_description", "");
                reasons.add(description.isBlank() ? error.getString() : error.getString() + ": " + description);
            }
            if (json.get("message") instanceof JsonString message) {
                reasons.add(message.getString());
            }
            if (!reasons.isEmpty()) {
                String joined = String.join("; ", reasons).replaceAll("\\s+", " ");
                return joined.length() > 300 ? joined.substring(0, 300) + "…" : joined;
            }
        } catch (RuntimeException notJson) {
            // not a refusal in words: the body itself is never quoted
        }
        return "no reason Invigil could read";
    }

    private static String describe(JsonValue value) {
        if (value instanceof JsonString text) {
            return text.getString();
        }
        if (value instanceof JsonObject object) {
            String message = object.getString("message", null);
            String field = object.getString("field", object.getString("attribute", null));
            if (message != null) {
                return field == null ? message : field + ": " + message;
            }
        }
        if (value instanceof JsonArray array) {
            List<String> parts = new ArrayList<>();
            array.forEach(item -> parts.add(describe(item)));
            return String.join(", ", parts);
        }
        return value.toString();
    }

    private static Map<String, String> bearer(String token, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        if (token != null && !token.isBlank()) {
            all.put("Authorization", "Bearer " + token);
        }
        return all;
    }

    private static JsonObject parseObject(String body, String code, String detail) {
        try {
            return BoundedJson.object(body);
        } catch (JsonException | IllegalStateException e) {
            throw new RegistrationRefused(Kind.UNUSABLE, code, "The platform's answer is not usable", detail);
        }
    }

    private static String required(JsonObject json, String member) {
        if (json.get(member) instanceof JsonString value && !value.getString().isBlank()) {
            return value.getString();
        }
        throw new RegistrationRefused(Kind.UNUSABLE, "openid_configuration_malformed",
                "The platform's configuration is incomplete",
                "The platform's OpenID configuration has no " + member + ".");
    }

    private static List<String> strings(JsonObject json, String member) {
        List<String> values = new ArrayList<>();
        if (json.get(member) instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString text) {
                    values.add(text.getString());
                }
            }
        }
        return values;
    }
}
