package org.invigil.simulator;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A tool as the platform knows it: the result of dynamic registration ({@link DynamicRegistrationEndpoint}) or of
 * a manual registration in test code:
 *
 * <pre>{@code
 * platform.registerTool(new ToolRegistration("client-1")
 *         .deploymentIds("1")
 *         .initiateLoginUri(URI.create(tool + "/lti/login"))
 *         .redirectUris(URI.create(tool + "/lti/launch"))
 *         .jwksUri(URI.create(tool + "/lti/jwks"))
 *         .targetLinkUri(URI.create(tool + "/lti/launch"))
 *         .scopes(ToolRegistration.ALL_SERVICE_SCOPES));
 * }</pre>
 *
 * Moodle keys tools by a numeric {@link #typeId()} that appears as {@code ?type_id=} in service URLs. A proctoring
 * tool that calls the Assessment Control Service also registers {@link AssessmentControlService#SCOPE}.
 */
public final class ToolRegistration {
    /** Every AGS and NRPS scope the simulator supports. */
    public static final Set<String> ALL_SERVICE_SCOPES = Set.of(
            AssignmentAndGradeService.SCOPE_LINEITEM,
            AssignmentAndGradeService.SCOPE_LINEITEM_READONLY,
            AssignmentAndGradeService.SCOPE_RESULT_READONLY,
            AssignmentAndGradeService.SCOPE_SCORE,
            NamesAndRoles.SCOPE);

    /** A message type the tool registered ({@code messages} in the DR tool configuration). */
    public record Message(String type, URI targetLinkUri, String label, JsonObject json) {
    }

    private final String clientId;
    private volatile int typeId;
    private final List<String> deploymentIds = new ArrayList<>();
    private volatile URI initiateLoginUri;
    private final List<URI> redirectUris = new ArrayList<>();
    private volatile URI jwksUri;
    private volatile URI targetLinkUri;
    private final Set<String> scopes = new LinkedHashSet<>();
    private volatile String domain;
    private volatile String clientName = "Tool";
    private volatile String privacyLevel;
    private final List<String> claims = new ArrayList<>();
    private final List<Message> messages = new ArrayList<>();
    private final Map<String, String> customParameters = new LinkedHashMap<>();
    private volatile boolean active = true;
    private volatile JsonObject registrationRequest;
    private volatile JsonObject registrationResponse;

    public ToolRegistration(String clientId) {
        this.clientId = Objects.requireNonNull(clientId);
    }

    public synchronized ToolRegistration deploymentIds(String... ids) {
        deploymentIds.addAll(List.of(ids));
        return this;
    }

    public ToolRegistration initiateLoginUri(URI uri) {
        this.initiateLoginUri = uri;
        return this;
    }

    public synchronized ToolRegistration redirectUris(URI... uris) {
        redirectUris.addAll(List.of(uris));
        return this;
    }

    public ToolRegistration jwksUri(URI uri) {
        this.jwksUri = uri;
        return this;
    }

    public ToolRegistration targetLinkUri(URI uri) {
        this.targetLinkUri = uri;
        return this;
    }

    public synchronized ToolRegistration scopes(String... values) {
        scopes.addAll(List.of(values));
        return this;
    }

    public synchronized ToolRegistration scopes(Set<String> values) {
        scopes.addAll(values);
        return this;
    }

    public ToolRegistration domain(String value) {
        this.domain = value;
        return this;
    }

    public ToolRegistration clientName(String value) {
        this.clientName = value;
        return this;
    }

    /** Canvas privacy level: public | name_only | email_only | anonymous; {@code null} behaves like public. */
    public ToolRegistration privacyLevel(String value) {
        this.privacyLevel = value;
        return this;
    }

    public synchronized ToolRegistration claims(String... values) {
        claims.addAll(List.of(values));
        return this;
    }

    public synchronized ToolRegistration message(Message message) {
        messages.add(message);
        return this;
    }

    /** A tool-level custom parameter, merged into every launch's {@code custom} claim. */
    public synchronized ToolRegistration customParameter(String name, String value) {
        customParameters.put(name, value);
        return this;
    }

    /** Activates a tool that dynamic registration left pending (Moodle flavour); launches of pending tools fail. */
    public ToolRegistration activate() {
        this.active = true;
        return this;
    }

    ToolRegistration pending() {
        this.active = false;
        return this;
    }

    ToolRegistration typeId(int value) {
        this.typeId = value;
        return this;
    }

    ToolRegistration registrationExchange(JsonObject request, JsonObject response) {
        this.registrationRequest = request;
        this.registrationResponse = response;
        return this;
    }

    public String clientId() {
        return clientId;
    }

    /** Moodle's tool type id, the {@code type_id} query parameter of service URLs. */
    public int typeId() {
        return typeId;
    }

    public synchronized List<String> deploymentIds() {
        return List.copyOf(deploymentIds);
    }

    /** The first deployment id, used by launches unless they name another. */
    public synchronized String deploymentId() {
        if (deploymentIds.isEmpty()) {
            throw new IllegalStateException("tool " + clientId + " has no deployment");
        }
        return deploymentIds.get(0);
    }

    public URI initiateLoginUri() {
        return initiateLoginUri;
    }

    public synchronized List<URI> redirectUris() {
        return List.copyOf(redirectUris);
    }

    public URI jwksUri() {
        return jwksUri;
    }

    public URI targetLinkUri() {
        return targetLinkUri;
    }

    public synchronized Set<String> scopes() {
        return Set.copyOf(scopes);
    }

    public Optional<String> domain() {
        return Optional.ofNullable(domain);
    }

    public String clientName() {
        return clientName;
    }

    public Optional<String> privacyLevel() {
        return Optional.ofNullable(privacyLevel);
    }

    public synchronized List<String> claims() {
        return List.copyOf(claims);
    }

    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    /** The registered message of that type, e.g. {@code LtiDeepLinkingRequest}. */
    public synchronized Optional<Message> message(String type) {
        return messages.stream().filter(m -> m.type().equals(type)).findFirst();
    }

    public synchronized Map<String, String> customParameters() {
        return Map.copyOf(customParameters);
    }

    public boolean isActive() {
        return active;
    }

    /** The JSON the tool posted to {@code /register}, if registered dynamically. */
    public Optional<JsonObject> registrationRequest() {
        return Optional.ofNullable(registrationRequest);
    }

    /** The JSON the platform answered to {@code /register}, if registered dynamically. */
    public Optional<JsonObject> registrationResponse() {
        return Optional.ofNullable(registrationResponse);
    }

    @Override
    public String toString() {
        return "ToolRegistration[" + clientId + " type " + typeId + " " + targetLinkUri + "]";
    }
}
