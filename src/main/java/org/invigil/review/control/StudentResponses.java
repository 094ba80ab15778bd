package org.invigil.review.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.invigil.access.entity.ToolSession;
import org.invigil.monitoring.entity.Incident;
import org.invigil.review.entity.Decision;
import org.invigil.review.entity.ResponseWindow;
import org.invigil.review.entity.StudentResponse;
import org.invigil.session.control.SessionRefusals;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.session.entity.SessionState;

/**
 * The student's side of a review: their responses, written until a reviewer's final decision, and the decisions
 * they read. Callers have already checked that the person may see the attempt; writing checks again that the
 * attempt is the student's own.
 */
@ApplicationScoped
public class StudentResponses {

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** An attempt's decisions and responses, oldest first, and whether it still takes responses. */
    public record Exchange(List<Decision> decisions, List<StudentResponse> responses, ResponseWindow window) {

        /** The decision on the whole attempt that counts: the latest one. */
        public Optional<Decision> attemptDecision() {
            return decisions.stream().filter(decision -> decision.incidentId().isEmpty())
                    .reduce((first, second) -> second);
        }
    }

    @Transactional
    public Exchange of(ProctoringSession attempt, List<Incident> incidents) {
        List<Decision> decisions = decisions(attempt.id());
        List<StudentResponse> responses = responses(attempt.id());
        return new Exchange(decisions, responses, window(attempt, incidents, decisions, responses.size()));
    }

    /** The responses to an attempt, for its reviewers. */
    @Transactional
    public List<StudentResponse> responses(String sessionId) {
        return em.createQuery("select r from StudentResponse r where r.sessionId = :session order by r.writtenAt",
                StudentResponse.class).setParameter("session", sessionId).getResultList();
    }

    /**
     * Writes the student's response to their own attempt, about one incident or ({@code incidentId} empty) the
     * whole attempt; refused once a reviewer has decided finally.
     */
    @Transactional
    public StudentResponse write(ToolSession student, ProctoringSession attempt, List<Incident> incidents,
                                 String incidentId, String text) {
        if (student.isStaff()) {
            throw SessionRefusals.notALearner();
        }
        if (!attempt.userId().equals(student.userId())) {
            throw SessionRefusals.notYours();
        }
        List<Decision> decisions = decisions(attempt.id());
        ResponseWindow window = window(attempt, incidents, decisions, responses(attempt.id()).size());
        try {
            StudentResponse response = StudentResponse.write(window, attempt.id(), incidentId, student.userId(),
                    student.userName(), text, clock.instant());
            em.persist(response);
            return response;
        } catch (StudentResponse.Refused e) {
            throw new ResponseRefused(e.reason());
        }
    }

    private static ResponseWindow window(ProctoringSession attempt, List<Incident> incidents,
                                         List<Decision> decisions, int written) {
        boolean finished = attempt.state() == SessionState.ENDED || attempt.state() == SessionState.DECLINED;
        Set<String> ids = incidents.stream().map(Incident::id).collect(Collectors.toSet());
        return ResponseWindow.of(finished, decisions, written, ids);
    }

    private List<Decision> decisions(String sessionId) {
        return em.createQuery("select d from Decision d where d.sessionId = :session order by d.decidedAt",
                Decision.class).setParameter("session", sessionId).getResultList();
    }
}
