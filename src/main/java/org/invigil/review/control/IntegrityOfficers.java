package org.invigil.review.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.invigil.ids.entity.PlatformId;
import org.invigil.ids.entity.UserId;
import org.invigil.review.entity.IntegrityOfficer;

/** The people designated integrity officers of each platform by the tool administrator. */
@ApplicationScoped
public class IntegrityOfficers {

    @PersistenceContext
    EntityManager em;

    @Transactional
    public boolean isDesignated(PlatformId platformId, UserId userId) {
        String userIdValue = userId.value();
        String platformIdValue = platformId.value();
        return em.find(IntegrityOfficer.class, new IntegrityOfficer.Key(platformIdValue, userIdValue)) != null;
    }

    @Transactional
    public void designate(String platformId, String userId) {
        if (!isDesignated(PlatformId.of(platformId), UserId.of(userId))) {
            em.persist(new IntegrityOfficer(platformId, userId));
        }
    }

    @Transactional
    public boolean revoke(String platformId, String userId) {
        IntegrityOfficer officer = em.find(IntegrityOfficer.class, new IntegrityOfficer.Key(platformId, userId));
        if (officer == null) {
            return false;
        }
        em.remove(officer);
        return true;
    }

    @Transactional
    public List<String> of(String platformId) {
        return em.createQuery("select o.userId from IntegrityOfficer o where o.platformId = :platform order by o.userId",
                String.class).setParameter("platform", platformId).getResultList();
    }
}
