package org.invigil.registration.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.invigil.ids.entity.PlatformId;

/**
 * One registration of Invigil in a platform: the pair (issuer, client_id) with the deployments the platform made of
 * it. Canvas shares one issuer between all its cloud tenants, so the client id, not the issuer, tells them apart.
 */
@Entity
@Table(name = "platform")
public class PlatformRegistration {

    public enum Source { DYNAMIC, MANUAL }

    @Id
    private String id;

    @Column(nullable = false)
    private String issuer;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    private String name;

    @Column(name = "product_family_code")
    private String productFamilyCode;

    @Column(name = "authorization_endpoint", nullable = false)
    private String authorizationEndpoint;

    @Column(name = "token_endpoint", nullable = false)
    private String tokenEndpoint;

    @Column(name = "token_audience")
    private String tokenAudience;

    @Column(name = "jwks_uri", nullable = false)
    private String jwksUri;

    private String scopes;

    /** Origins this platform's pages were seen at in its own signed launches; space-separated. */
    @Column(name = "lms_origins")
    private String lmsOrigins;

    @Enumerated(EnumType.STRING)
    @Column(name = "registered_by", nullable = false)
    private Source registeredBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "platform_deployment", joinColumns = @JoinColumn(name = "platform_id"))
    @Column(name = "deployment_id")
    private Set<String> deployments = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected PlatformRegistration() {
    }

    public PlatformRegistration(String issuer, String clientId, PlatformEndpoints endpoints, Source source,
                                Instant now) {
        this.id = UUID.randomUUID().toString();
        this.issuer = issuer;
        this.clientId = clientId;
        this.registeredBy = source;
        this.createdAt = now;
        reconfigure(endpoints, now);
    }

    /** New endpoints and keys: the tool administrator's act only, never Dynamic Registration's. */
    public void reconfigure(PlatformEndpoints endpoints, Instant now) {
        this.authorizationEndpoint = endpoints.authorizationEndpoint();
        this.tokenEndpoint = endpoints.tokenEndpoint();
        this.jwksUri = endpoints.jwksUri();
        this.tokenAudience = endpoints.tokenAudience();
        this.updatedAt = now;
    }

    public void describe(String name, String productFamilyCode) {
        if (name != null && !name.isBlank()) {
            this.name = name;
        }
        if (productFamilyCode != null && !productFamilyCode.isBlank()) {
            this.productFamilyCode = productFamilyCode;
        }
    }

    public void grantScopes(Set<String> granted) {
        this.scopes = granted.isEmpty() ? null : String.join(" ", new TreeSet<>(granted));
    }

    /** At most this many learned origins are kept: a platform has a few hosts, not many. */
    public static final int MAX_LEARNED_ORIGINS = 10;

    /**
     * Remembers a web origin ({@code https://host[:port]}) the platform's pages were seen at in one of its own
     * signed launches; returns false if it was known, or if the platform has its fill of origins.
     */
    public boolean learnOrigin(String origin) {
        Set<String> learned = learnedOrigins();
        if (learned.contains(origin) || learned.size() >= MAX_LEARNED_ORIGINS) {
            return false;
        }
        learned.add(origin);
        this.lmsOrigins = String.join(" ", learned);
        return true;
    }

    public Set<String> learnedOrigins() {
        return lmsOrigins == null || lmsOrigins.isBlank() ? new LinkedHashSet<>()
                : new LinkedHashSet<>(Arrays.asList(lmsOrigins.trim().split(" ")));
    }

    /**
     * The origins whose pages may frame Invigil's screens for this platform: its issuer's, its authorization
     * endpoint's (where the platform's own pages are), and those learned from its launches.
     */
    public Set<String> frameOrigins() {
        Set<String> origins = new LinkedHashSet<>();
        Origins.of(issuer).ifPresent(origins::add);
        Origins.of(authorizationEndpoint).ifPresent(origins::add);
        origins.addAll(learnedOrigins());
        return origins;
    }

    /** Adds a deployment; returns false if it was known already. */
    public boolean addDeployment(String deploymentId) {
        return deployments.add(deploymentId);
    }

    public boolean knowsDeployment(String deploymentId) {
        return deploymentId != null && deployments.contains(deploymentId);
    }

    public PlatformEndpoints endpoints() {
        return new PlatformEndpoints(authorizationEndpoint, tokenEndpoint, jwksUri, tokenAudience);
    }

    /** The {@code aud} of our client assertions (Security Framework §4.1.1). */
    public String tokenAudience() {
        return tokenAudience == null || tokenAudience.isBlank() ? tokenEndpoint : tokenAudience;
    }

    /** The scopes the platform granted at registration; empty if it did not say (manual registration). */
    public Set<String> scopes() {
        return scopes == null ? Set.of() : new TreeSet<>(Arrays.asList(scopes.split(" ")));
    }

    /** The registration's id as the value type other components take. */
    public PlatformId platform() {
        return PlatformId.of(id);
    }

    public String id() {
        return id;
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public String name() {
        return name;
    }

    public String productFamilyCode() {
        return productFamilyCode;
    }

    public Source registeredBy() {
        return registeredBy;
    }

    public Set<String> deployments() {
        return Collections.unmodifiableSet(deployments);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
