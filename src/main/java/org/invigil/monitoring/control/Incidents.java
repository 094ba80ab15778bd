package org.invigil.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.invigil.crypto.control.Aead;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.SessionId;
import org.invigil.monitoring.entity.EvidenceFrame;
import org.invigil.monitoring.entity.Incident;
import org.invigil.monitoring.entity.Rule;
import org.invigil.refusal.entity.Refusal.Kind;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.ProctoringSession;

/**
 * Opens, extends and closes incidents from what the rules find, and keeps their evidence frames sealed under the
 * session's data key. Repeated moments of one rule within {@link #MERGE_WINDOW} become one incident.
 */
@ApplicationScoped
public class Incidents {

    static final Duration MERGE_WINDOW = Duration.ofSeconds(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    ProctoringSessions sessions;

    /**
     * Brings the session's frame-rule incidents in line with the findings at {@code now}: open or extend the found
     * ones, close the others among {@code rulesInForce}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyFindings(ProctoringSession session, List<Finding> findings, Collection<Rule> rulesInForce,
                              Instant now, List<RecentFrames.Frame> frames) {
        Set<Rule> found = new HashSet<>();
        for (Finding finding : findings) {
            found.add(finding.rule());
            Incident incident = open(session.id(), finding.rule()).orElse(null);
            if (incident == null) {
                incident = new Incident(session.id(), finding.rule(), finding.since(), now, true, finding.detail(),
                        finding.detector(), finding.model(), finding.threshold(), finding.strength(),
                        finding.quality());
                em.persist(incident);
                keep(session, incident, frames.stream().filter(f -> !f.capturedAt().isBefore(finding.since())).toList());
            } else {
                incident.extend(now, finding.strength());
                keep(session, incident, frames.isEmpty() ? List.of() : List.of(frames.get(frames.size() - 1)));
            }
        }
        for (Rule rule : rulesInForce) {
            if (!found.contains(rule)) {
                open(session.id(), rule).ifPresent(incident -> incident.close(now));
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyEffect(ProctoringSession session, EventRules.Effect effect, String model,
                            List<RecentFrames.Frame> frames) {
        Optional<Incident> open = open(session.id(), effect.rule());
        switch (effect.change()) {
            case CLOSE -> open.ifPresent(incident -> incident.close(effect.until()));
            case OPEN -> {
                if (open.isEmpty()) {
                    Incident incident = new Incident(session.id(), effect.rule(), effect.since(), effect.until(), true,
                            effect.detail(), EventRules.DETECTOR, model, effect.threshold(), effect.strength(), null);
                    em.persist(incident);
                    keep(session, incident, frames);
                }
            }
            case MOMENT -> {
                Incident recent = latest(session.id(), effect.rule())
                        .filter(incident -> !incident.endedAt().plus(MERGE_WINDOW).isBefore(effect.since()))
                        .orElse(null);
                if (recent != null) {
                    recent.extend(effect.until(), effect.strength());
                } else {
                    Incident incident = new Incident(session.id(), effect.rule(), effect.since(), effect.until(),
                            false, effect.detail(), EventRules.DETECTOR, model, effect.threshold(),
                            effect.strength(), null);
                    em.persist(incident);
                    keep(session, incident, frames);
                }
            }
        }
    }

    /** An incident found outside the monitoring stream (at the identity check, by the camera-off sweep). */
    @Transactional(Transactional.TxType.REQUIRED)
    public Incident record(ProctoringSession session, Finding finding, Instant at, boolean open,
                           List<RecentFrames.Frame> frames) {
        Incident incident = new Incident(session.id(), finding.rule(), finding.since(), at, open, finding.detail(),
                finding.detector(), finding.model(), finding.threshold(), finding.strength(), finding.quality());
        em.persist(incident);
        keep(session, incident, frames);
        return incident;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Incident> open(String sessionId, Rule rule) {
        return em.createQuery("select i from Incident i where i.sessionId = :session and i.ruleId = :rule "
                        + "and i.open = true", Incident.class)
                .setParameter("session", sessionId).setParameter("rule", rule.id())
                .getResultStream().findFirst();
    }

    /** The rules of each attempt's open incidents and how many incidents each attempt has in all, for one exam. */
    public record Tally(Map<String, List<String>> open, Map<String, Integer> total) {
    }

    @Transactional
    public Tally tallyOfExam(ExamId examId) {
        String examIdValue = examId.value();
        Map<String, List<String>> open = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        em.createQuery("select i.sessionId, i.ruleId, i.open from Incident i, ProctoringSession s "
                        + "where i.sessionId = s.id and s.examId = :exam order by i.startedAt", Object[].class)
                .setParameter("exam", examIdValue).getResultList().forEach(row -> {
                    String session = (String) row[0];
                    total.merge(session, 1, Integer::sum);
                    if (Boolean.TRUE.equals(row[2])) {
                        open.computeIfAbsent(session, s -> new ArrayList<>()).add((String) row[1]);
                    }
                });
        return new Tally(open, total);
    }

    @Transactional
    public List<Incident> of(SessionId sessionId) {
        String sessionIdValue = sessionId.value();
        return em.createQuery("select i from Incident i where i.sessionId = :session order by i.startedAt",
                Incident.class).setParameter("session", sessionIdValue).getResultList();
    }

    @Transactional
    public List<EvidenceFrame> evidenceOf(String incidentId) {
        return em.createQuery("select e from EvidenceFrame e where e.incidentId = :incident order by e.capturedAt",
                EvidenceFrame.class).setParameter("incident", incidentId).getResultList();
    }

    /** The evidence frame, opened; only for a caller already allowed to see that session's evidence. */
    @Transactional
    public byte[] openEvidence(SessionId sessionId, String frameId) {
        EvidenceFrame frame = em.find(EvidenceFrame.class, frameId);
        if (frame == null || !frame.sessionId().equals(sessionId.value())) {
            throw new MonitoringRefused(Kind.UNKNOWN, "evidence_unknown", "No such evidence",
                    "There is no evidence frame " + frameId + " in this session.");
        }
        ProctoringSession session = sessions.byId(sessionId);
        return Aead.open(sessions.dataKey(session), frame.sealedJpeg(), frame.associatedData());
    }

    /**
     * Replaces the attempt's coverage incidents (part of the quiz not monitored) with these findings: coverage is
     * measured again whenever the result is, so its incidents are never counted twice. They have no evidence frames:
     * what they show is an absence.
     */
    @Transactional
    public void replaceCoverage(ProctoringSession session, List<Finding> findings, Instant at) {
        em.createQuery("delete from Incident i where i.sessionId = :session and i.ruleId in :rules")
                .setParameter("session", session.id())
                .setParameter("rules", Arrays.stream(Rule.values())
                        .filter(rule -> rule.kind() == Rule.Kind.COVERAGE).map(Rule::id).toList())
                .executeUpdate();
        for (Finding finding : findings) {
            if (finding.rule().kind() != Rule.Kind.COVERAGE) {
                throw new IllegalArgumentException("not a coverage finding: " + finding.rule().id());
            }
            record(session, finding, at, false, List.of());
        }
    }

    /** Closes every open incident of an ended session. */
    @Transactional
    public void closeAll(SessionId sessionId, Instant at) {
        String sessionIdValue = sessionId.value();
        em.createQuery("select i from Incident i where i.sessionId = :session and i.open = true", Incident.class)
                .setParameter("session", sessionIdValue).getResultList().forEach(incident -> incident.close(at));
    }

    private Optional<Incident> latest(String sessionId, Rule rule) {
        return em.createQuery("select i from Incident i where i.sessionId = :session and i.ruleId = :rule "
                        + "order by i.endedAt desc", Incident.class)
                .setParameter("session", sessionId).setParameter("rule", rule.id())
                .setMaxResults(1).getResultStream().findFirst();
    }

    private void keep(ProctoringSession session, Incident incident, List<RecentFrames.Frame> frames) {
        if (frames.isEmpty()) {
            return;
        }
        em.flush(); // the incident row first: evidence rows refer to it
        byte[] key = sessions.dataKey(session);
        for (RecentFrames.Frame frame : frames) {
            if (!incident.takeEvidenceSlot()) {
                return;
            }
            EvidenceFrame evidence = new EvidenceFrame(incident.id(), session.id(), frame.capturedAt());
            evidence.seal(Aead.seal(key, frame.jpeg(), evidence.associatedData()));
            em.persist(evidence);
        }
    }
}
