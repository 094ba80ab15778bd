package org.invigil.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.invigil.ids.entity.SessionId;
import org.invigil.monitoring.entity.QuizPage;
import org.invigil.monitoring.entity.QuizSighting;

/**
 * What monitoring publishes about an attempt's time: when the monitor was seen alive (a frame analysed, at its capture
 * time; a heartbeat; any item received, at its arrival) and when the exam-page agent saw the student on a quiz page. The integrity result measures coverage from it.
 */
@ApplicationScoped
public class Timelines {

    /** A quiz page seen at a time. */
    public record Sighting(QuizPage page, Instant at) {
    }

    /** Live moments (sorted) and quiz-page sightings (sorted) of one attempt. */
    public record Timeline(List<Instant> live, List<Sighting> sightings) {
    }

    @PersistenceContext
    EntityManager em;

    /** Records a sighting; false if the same page at the same time was recorded already. */
    @Transactional
    public boolean recordSighting(SessionId sessionId, QuizPage page, Instant at) {
        String sessionIdValue = sessionId.value();
        boolean known = !em.createQuery("select q.id from QuizSighting q where q.sessionId = :session "
                        + "and q.page = :page and q.seenAt = :at", String.class)
                .setParameter("session", sessionIdValue).setParameter("page", page).setParameter("at", at)
                .setMaxResults(1).getResultList().isEmpty();
        if (known) {
            return false;
        }
        em.persist(new QuizSighting(sessionIdValue, page, at));
        return true;
    }

    @Transactional
    public Timeline of(SessionId sessionId) {
        String sessionIdValue = sessionId.value();
        List<Instant> live = new ArrayList<>(em.createQuery("select o.capturedAt from Observation o "
                + "where o.sessionId = :session", Instant.class).setParameter("session", sessionIdValue)
                .getResultList());
        live.addAll(em.createQuery("select e.occurredAt from BrowserEvent e where e.sessionId = :session "
                        + "and e.type = 'heartbeat'", Instant.class).setParameter("session", sessionIdValue)
                .getResultList());
        // an item received is a sign too, dated by the server's clock: a frame counts even before its analysis is done
        live.addAll(em.createQuery("select r.receivedAt from ReceivedItem r where r.sessionId = :session",
                Instant.class).setParameter("session", sessionIdValue).getResultList());
        live.sort(null);
        List<Sighting> sightings = em.createQuery("select q from QuizSighting q where q.sessionId = :session "
                        + "order by q.seenAt", QuizSighting.class).setParameter("session", sessionIdValue)
                .getResultStream().map(q -> new Sighting(q.page(), q.seenAt())).toList();
        return new Timeline(List.copyOf(live), sightings);
    }
}
