package org.invigil.assessment.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.invigil.assessment.entity.Handoff;
import org.invigil.ids.entity.PlatformId;
import org.invigil.ids.entity.SessionId;

/** The attempts that began with LtiStartProctoring, and what each gives back to its platform. */
@ApplicationScoped
public class Handoffs {

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /**
     * An LtiStartProctoring launch of this attempt: kept, or, when the platform launches the same attempt again,
     * what it sends now replaces what it sent before.
     */
    @Transactional
    public Handoff record(SessionId sessionId, PlatformId platformId, Handoff.Launch launch) {
        String sessionIdValue = sessionId.value();
        Handoff handoff = em.find(Handoff.class, sessionIdValue);
        if (handoff == null) {
            handoff = new Handoff(sessionIdValue, platformId.value(), launch, clock.instant());
            em.persist(handoff);
        } else {
            handoff.relaunched(launch, clock.instant());
        }
        return handoff;
    }

    /** The attempt's hand-back, if it began with LtiStartProctoring. */
    @Transactional
    public Optional<Handoff> of(SessionId sessionId) {
        return Optional.ofNullable(em.find(Handoff.class, sessionId.value()));
    }
}
