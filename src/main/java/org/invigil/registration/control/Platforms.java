package org.invigil.registration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.audit.control.AuditLog;
import org.invigil.audit.entity.AuditEntry;
import org.invigil.ids.entity.PlatformId;
import org.invigil.outbound.control.PlatformHttp;
import org.invigil.refusal.entity.Refusal.Kind;
import org.invigil.registration.entity.Origins;
import org.invigil.registration.entity.PlatformEndpoints;
import org.invigil.registration.entity.PlatformRegistration;

/** The registered platforms. */
@ApplicationScoped
public class Platforms {

    private static final Logger LOG = Logger.getLogger(Platforms.class.getName());

    @PersistenceContext
    EntityManager em;

    static final String ADMINISTRATOR = "tool-administrator";
    static final String ADMINISTRATOR_NAME = "Tool administrator (admin API)";

    @Inject
    PlatformHttp http;

    @Inject
    AuditLog audit;

    /**
     * Origins that may frame Invigil's screens besides the registered platforms' (unusual set-ups), separated by
     * commas or spaces. (Payara's config producer has no {@code Optional<List<…>>}.)
     */
    @Inject
    @ConfigProperty(name = "invigil.frame-ancestors")
    Optional<String> extraFrameAncestors;

    private volatile Cached frameAncestors;

    Clock clock = Clock.systemUTC();

    @Transactional
    public Optional<PlatformRegistration> find(String issuer, String clientId) {
        return em.createQuery("select p from PlatformRegistration p where p.issuer = :issuer and p.clientId = :clientId",
                        PlatformRegistration.class)
                .setParameter("issuer", issuer)
                .setParameter("clientId", clientId)
                .getResultStream().findFirst();
    }

    @Transactional
    public List<PlatformRegistration> byIssuer(String issuer) {
        return em.createQuery("select p from PlatformRegistration p where p.issuer = :issuer",
                        PlatformRegistration.class)
                .setParameter("issuer", issuer)
                .getResultList();
    }

    @Transactional
    public Optional<PlatformRegistration> byId(String id) {
        return Optional.ofNullable(em.find(PlatformRegistration.class, id));
    }

    @Transactional
    /** The registration with this id; {@link RegistrationRefused#unknownPlatform} when there is none. */
    public PlatformRegistration require(String id) {
        return byId(id).orElseThrow(() -> RegistrationRefused.unknownPlatform(id));
    }

    public List<PlatformRegistration> all() {
        return em.createQuery("select p from PlatformRegistration p order by p.issuer, p.clientId",
                PlatformRegistration.class).getResultList();
    }

    /**
     * Dynamic Registration: creates a new registration and never touches an existing one. Its endpoints and keys
     * are what the platform's configuration said; a registration that exists already for the same issuer and client
     * id is refused (its endpoints would otherwise be anybody's to replace: the registration page needs no login and
     * client ids are public). Changing a registration is the tool administrator's act ({@link #put}).
     */
    @Transactional
    public PlatformRegistration create(PlatformDetails details, String origin) {
        check(details);
        Optional<PlatformRegistration> existing = find(details.issuer(), details.clientId());
        if (existing.isPresent()) {
            LOG.warning(() -> "Dynamic Registration refused: issuer " + details.issuer() + ", client "
                    + details.clientId() + " is registered already (from " + origin + ")");
            throw new RegistrationRefused(Kind.NOT_NOW, "platform_already_registered",
                    "This platform is registered already",
                    "Invigil already has a registration for issuer " + details.issuer() + " with client id "
                            + details.clientId() + ". Dynamic Registration only creates new registrations; an "
                            + "existing one is changed by Invigil's administrator (PUT /api/admin/platforms).");
        }
        PlatformRegistration registration = new PlatformRegistration(details.issuer(), details.clientId(),
                details.endpoints(), PlatformRegistration.Source.DYNAMIC, clock.instant());
        describe(registration, details);
        em.persist(registration);
        frameAncestors = null;
        audit.recordSystem("dynamic-registration", "Dynamic Registration", registration.platform(),
                "platform.registered",
                subject(registration), "Registered by Dynamic Registration from " + origin + ": "
                        + summary(registration));
        LOG.info(() -> "Platform registered (dynamic, from " + origin + "): issuer " + registration.issuer()
                + ", client " + registration.clientId() + ", deployments " + registration.deployments());
        return registration;
    }

    /**
     * The tool administrator's registration (admin API): creates the registration (issuer, client id) or changes
     * its endpoints, and adds deployments. Every change is audited with what it changed.
     */
    @Transactional
    public PlatformRegistration put(PlatformDetails details) {
        check(details);
        PlatformRegistration registration = find(details.issuer(), details.clientId()).orElse(null);
        if (registration == null) {
            registration = new PlatformRegistration(details.issuer(), details.clientId(), details.endpoints(),
                    PlatformRegistration.Source.MANUAL, clock.instant());
            describe(registration, details);
            em.persist(registration);
            audit.recordSystem(ADMINISTRATOR, ADMINISTRATOR_NAME, registration.platform(), "platform.registered",
                    subject(registration), "Registered by the administrator: " + summary(registration));
        } else {
            String before = summary(registration);
            registration.reconfigure(details.endpoints(), clock.instant());
            describe(registration, details);
            String after = summary(registration);
            if (!before.equals(after)) {
                audit.recordSystem(ADMINISTRATOR, ADMINISTRATOR_NAME, registration.platform(), "platform.changed",
                        subject(registration), "Changed by the administrator. Before: " + before + ". After: " + after);
            }
        }
        PlatformRegistration stored = registration;
        LOG.info(() -> "Platform registered (manual): issuer " + stored.issuer() + ", client " + stored.clientId()
                + ", deployments " + stored.deployments());
        frameAncestors = null;
        return registration;
    }

    /**
     * Remembers the origin of a page of the platform's, seen in one of its own signed launches (the launch's
     * return URL, the deep-linking return URL), as one that may frame Invigil's screens for it. Only a verified
     * launch calls this, so only the platform itself adds origins to its registration.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void learnOrigin(PlatformId registrationId, String pageUrl) {
        String registrationIdValue = registrationId.value();
        Optional<String> origin = Origins.of(pageUrl);
        if (origin.isEmpty()) {
            return;
        }
        PlatformRegistration registration = em.find(PlatformRegistration.class, registrationIdValue);
        if (registration != null && registration.learnOrigin(origin.get())) {
            frameAncestors = null;
            LOG.info(() -> "Platform " + registration.issuer() + " (client " + registration.clientId()
                    + ") was seen at " + origin.get() + "; its screens may be framed there");
        }
    }

    /**
     * The origins that may frame Invigil's screens (Content-Security-Policy {@code frame-ancestors}): every
     * registered platform's, plus {@code invigil.frame-ancestors}. Read at most every 30 seconds, so that a platform
     * registered on another node is framed within that time.
     */
    public Set<String> frameAncestors() {
        Cached cached = frameAncestors;
        if (cached == null || cached.readAt().plusSeconds(30).isBefore(clock.instant())) {
            cached = new Cached(frameAncestors(all(), extraFrameAncestors.orElse("")), clock.instant());
            frameAncestors = cached;
        }
        return cached.origins();
    }

    /** The platforms' frame origins and the extra ones (commas or spaces between them), each once, sorted. */
    static Set<String> frameAncestors(List<PlatformRegistration> platforms, String extra) {
        Set<String> origins = new TreeSet<>();
        platforms.forEach(platform -> origins.addAll(platform.frameOrigins()));
        Arrays.stream(extra.split("[,\\s]+")).map(Origins::of).flatMap(Optional::stream)
                .forEach(origins::add);
        return Collections.unmodifiableSet(origins);
    }

    private record Cached(Set<String> origins, Instant readAt) {
    }

    /** What the audit log says about a platform's registration, oldest first. */
    @Transactional
    public List<AuditEntry> history(PlatformRegistration registration) {
        return audit.about(subject(registration));
    }

    private void check(PlatformDetails details) {
        requireText(details.issuer(), "issuer");
        requireText(details.clientId(), "client id");
        Issuers.parse(details.issuer());
        PlatformEndpoints endpoints = details.endpoints();
        http.address(endpoints.authorizationEndpoint(), "The authorization endpoint");
        http.address(endpoints.tokenEndpoint(), "The token endpoint");
        http.address(endpoints.jwksUri(), "The JWKS URL");
    }

    private static void describe(PlatformRegistration registration, PlatformDetails details) {
        registration.describe(details.name(), details.productFamilyCode());
        if (!details.scopes().isEmpty()) {
            registration.grantScopes(details.scopes());
        }
        for (String deployment : details.deploymentIds()) {
            if (deployment != null && !deployment.isBlank()) {
                registration.addDeployment(deployment.trim());
            }
        }
    }

    private static String subject(PlatformRegistration registration) {
        return "platform:" + registration.id();
    }

    private static String summary(PlatformRegistration registration) {
        PlatformEndpoints endpoints = registration.endpoints();
        return "issuer " + registration.issuer() + ", client " + registration.clientId() + ", deployments "
                + registration.deployments() + ", authorization " + endpoints.authorizationEndpoint() + ", token "
                + endpoints.tokenEndpoint() + (endpoints.tokenAudience() == null ? ""
                : " (audience " + endpoints.tokenAudience() + ")") + ", JWKS " + endpoints.jwksUri()
                + ", scopes " + registration.scopes();
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new RegistrationRefused("registration_incomplete", "The " + what + " is missing.");
        }
    }
}
