package org.invigil.registration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.invigil.outbound.control.PlatformHttp;
import org.invigil.registration.entity.PlatformEndpoints;
import org.invigil.registration.entity.PlatformRegistration;

/** The registered platforms. */
@ApplicationScoped
public class Platforms {

    private static final Logger LOG = Logger.getLogger(Platforms.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PlatformHttp http;

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
    public List<PlatformRegistration> all() {
        return em.createQuery("select p from PlatformRegistration p order by p.issuer, p.clientId",
                PlatformRegistration.class).getResultList();
    }

    /**
     * Creates the registration (issuer, client id) or updates its endpoints, and adds the deployments. Every
     * address is checked against the outbound policy before it is stored.
     */
    @Transactional
    public PlatformRegistration register(PlatformDetails details, PlatformRegistration.Source source) {
        requireText(details.issuer(), "issuer");
        requireText(details.clientId(), "client id");
        http.address(details.issuer(), "The issuer");
        PlatformEndpoints endpoints = details.endpoints();
        http.address(endpoints.authorizationEndpoint(), "The authorization endpoint");
        http.address(endpoints.tokenEndpoint(), "The token endpoint");
        http.address(endpoints.jwksUri(), "The JWKS URL");
        PlatformRegistration registration = find(details.issuer(), details.clientId()).orElse(null);
        if (registration == null) {
            registration = new PlatformRegistration(details.issuer(), details.clientId(), endpoints, source,
                    clock.instant());
            em.persist(registration);
        } else {
            registration.update(endpoints, clock.instant());
        }
        registration.describe(details.name(), details.productFamilyCode());
        if (!details.scopes().isEmpty()) {
            registration.grantScopes(details.scopes());
        }
        for (String deployment : details.deploymentIds()) {
            if (deployment != null && !deployment.isBlank()) {
                registration.addDeployment(deployment.trim());
            }
        }
        PlatformRegistration stored = registration;
        LOG.info(() -> "Platform registered (" + source + "): issuer " + stored.issuer() + ", client "
                + stored.clientId() + ", deployments " + stored.deployments());
        return registration;
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new RegistrationRefused("registration_incomplete", "The " + what + " is missing.");
        }
    }
}
