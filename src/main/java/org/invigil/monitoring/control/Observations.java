package org.invigil.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.Exam;
import org.invigil.exam.entity.ExamSettings;
import org.invigil.identity.control.Pictures;
import org.invigil.ids.entity.SessionId;
import org.invigil.monitoring.entity.Observation;
import org.invigil.monitoring.entity.Rule;
import org.invigil.persistence.control.RetryOnConflict;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.session.entity.SessionState;
import org.invigil.vision.entity.Face;
import org.invigil.vision.entity.FrameAnalysis;
import org.invigil.vision.entity.IdentityComparison;

/**
 * Stores a frame's analysis and runs the frame rules over the session's recent observations, in one transaction
 * with the receipt of its sequence number: either all of it happens, or none and the client may send it again.
 */
@ApplicationScoped
public class Observations {

    static final int RULE_WINDOW = 30;

    /** Enough recent frames for the longest time any rule of these settings waits for, and never fewer than 30. */
    static int window(ExamSettings settings) {
        int longest = Math.max(settings.noFaceSeconds(), settings.lookAwaySeconds());
        return Math.max(RULE_WINDOW, longest / settings.frameIntervalSeconds() + 4);
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Receipts receipts;

    @Inject
    ProctoringSessions sessions;

    @Inject
    Exams exams;

    @Inject
    Incidents incidents;

    @Inject
    RecentFrames recentFrames;

    Clock clock = Clock.systemUTC();

    /**
     * What the frame rules read of one frame's analysis (and its identity comparison, if one was made): the face
     * count, the least confident face, the first face's head pose, the capture quality and fingerprints.
     */
    public static Observation observation(String sessionId, long sequence, Instant at, FrameAnalysis analysis,
                                          Optional<IdentityComparison> identity) {
        Optional<Face> face = analysis.faces().stream().findFirst();
        return new Observation(sessionId, sequence, at, analysis.faceCount(),
                analysis.faces().stream().mapToDouble(Face::confidence).min().stream().boxed().findFirst().orElse(null),
                identity.map(IdentityComparison::score).orElse(null),
                identity.map(c -> c.verdict().name()).orElse(null),
                face.flatMap(Face::pose).map(p -> p.yaw()).orElse(null),
                face.flatMap(Face::pose).map(p -> p.pitch()).orElse(null),
                analysis.quality().brightness(), analysis.quality().contrast(), analysis.quality().sharpness(),
                analysis.quality().fingerprint().exact(), analysis.quality().fingerprint().perceptual());
    }

    /** Records only that the frame arrived (monitoring is paused): nothing of it is kept. */
    @RetryOnConflict
    @Transactional
    public SessionState receiveWithoutAnalysis(String sessionId, long sequence) {
        ProctoringSession session = sessions.byId(SessionId.of(sessionId));
        if (!receipts.record(sessionId, sequence, clock.instant())) {
            throw MonitoringRefused.replayed(sequence);
        }
        return session.state();
    }

    /** Keeps the analysis and runs the rules; answers the session's state (paused meanwhile: the analysis is dropped). */
    @RetryOnConflict
    @Transactional
    public SessionState record(String sessionId, long sequence, Instant at, FrameAnalysis analysis,
                               Optional<IdentityComparison> identity) {
        ProctoringSession session = sessions.byId(SessionId.of(sessionId));
        if (!receipts.record(sessionId, sequence, clock.instant())) {
            throw MonitoringRefused.replayed(sequence);
        }
        if (!session.isMonitoring()) {
            recentFrames.forget(session.sessionId()); // paused meanwhile: this frame must not become evidence later
            return session.state();
        }
        Optional<Face> face = analysis.faces().stream().findFirst();
        em.persist(observation(sessionId, sequence, at, analysis, identity));
        session.frameReceived(at);
        if (analysis.faceCount() == 1) {
            face.flatMap(Face::pose).ifPresent(pose -> session.calibrate(pose.yaw(), pose.pitch()));
        }
        incidents.open(sessionId, Rule.CAMERA_OFF).ifPresent(off -> off.close(at));
        Exam exam = exams.byId(session.exam()).orElseThrow();
        Set<Check> active = sessions.activeChecks(session, exam.settings());
        em.flush();
        // after a pause the rules start afresh: a face missing before it and after it is not one long absence
        List<Observation> window = new ArrayList<>(em.createQuery("select o from Observation o where o.sessionId = "
                        + ":session and o.capturedAt >= :since order by o.capturedAt desc", Observation.class)
                .setParameter("session", sessionId).setParameter("since", session.resumedAt().orElse(Instant.EPOCH))
                .setMaxResults(window(exam.settings())).getResultList());
        window.sort(Comparator.comparing(Observation::capturedAt));
        FrameRules.Timeline timeline = new FrameRules.Timeline(window, exam.settings(), active, session.baselineYaw(),
                session.baselinePitch(), "Invigil vision engine", Pictures.models(analysis));
        Instant evidenceFrom = session.resumedAt().filter(resumed -> resumed.isAfter(at.minusSeconds(60)))
                .orElse(at.minusSeconds(60)); // nothing from before a pause
        incidents.applyFindings(session, FrameRules.evaluate(timeline), FrameRules.applicable(active), at,
                recentFrames.since(sessionId, evidenceFrom));
        return session.state();
    }
}
