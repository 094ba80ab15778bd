package org.invigil.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.invigil.crypto.control.Aead;
import org.invigil.identity.control.Descriptors;
import org.invigil.identity.control.Pictures;
import org.invigil.ids.entity.SessionId;
import org.invigil.monitoring.entity.Observation;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.session.entity.SessionState;
import org.invigil.vision.control.MonitoredFrame;
import org.invigil.vision.entity.FaceDescriptor;
import org.invigil.vision.entity.FrameAnalysis;
import org.invigil.vision.entity.IdentityComparison;

/**
 * Receives a monitoring frame exactly once: analyses it, keeps the analysis as an observation, runs the frame rules
 * and drops the frame — unless an incident takes it as evidence, sealed. Every {@value #IDENTITY_EVERY}th frame (and
 * the first after a gap without a face, and every frame while the last comparison was not a match) is also compared
 * with the person verified at the start. While staff have paused monitoring a frame is received (so it is not sent
 * again) and dropped unanalysed.
 */
@ApplicationScoped
public class FrameIngestion {

    public static final int MAX_WIDTH = 640;
    public static final int MAX_HEIGHT = 480;
    static final int IDENTITY_EVERY = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    Pictures pictures;

    @Inject
    Receipts receipts;

    @Inject
    ProctoringSessions sessions;

    @Inject
    RecentFrames recentFrames;

    @Inject
    Observations observations;

    Clock clock = Clock.systemUTC();

    /**
     * Ingests one frame and answers the session's state after it: "monitoring", or "paused" when staff paused
     * monitoring, in which case the frame was received but dropped unanalysed.
     */
    public SessionState ingest(SessionId sessionId, long sequence, Instant capturedAt, byte[] jpeg) {
        ItemBounds.requireSequence(sequence);
        ProctoringSession session = sessions.byId(sessionId);
        if (!session.isMonitoring() && !session.isPaused()) {
            throw MonitoringRefused.notMonitoring(session.state().id());
        }
        if (receipts.seen(sessionId.value(), sequence)) {
            throw MonitoringRefused.replayed(sequence);
        }
        if (session.isPaused()) {
            return observations.receiveWithoutAnalysis(sessionId.value(), sequence);
        }
        boolean identityDue = identityDue(session, sequence);
        MonitoredFrame frame = pictures.monitor(sessionId, jpeg, identityDue);
        FrameAnalysis analysis = frame.analysis();
        if (analysis.width() > MAX_WIDTH || analysis.height() > MAX_HEIGHT) {
            throw MonitoringRefused.malformed("frame_dimensions", "Frames must be at most " + MAX_WIDTH + "x"
                    + MAX_HEIGHT + " pixels; this one is " + analysis.width() + "x" + analysis.height() + ".");
        }
        Instant at = ItemBounds.capturedAt(capturedAt, clock.instant());
        Optional<IdentityComparison> identity = analysis.faceCount() == 1
                ? frame.described().map(face -> pictures.compare(face.descriptor(), baseline(session)))
                : Optional.empty();
        recentFrames.add(sessionId.value(), new RecentFrames.Frame(sequence, at, jpeg));
        return observations.record(sessionId.value(), sequence, at, analysis, identity);
    }

    /**
     * Whether this frame's face is compared with the attempt's baseline: every {@value #IDENTITY_EVERY}th frame,
     * and every frame after one that did not show exactly one face or whose comparison did not match, until one
     * matches again.
     */
    private boolean identityDue(ProctoringSession session, long sequence) {
        if (session.sealedBaselineDescriptor().isEmpty()) {
            return false;
        }
        if (sequence % IDENTITY_EVERY == 0) {
            return true;
        }
        boolean afterGap = em.createQuery("select o.faceCount from Observation o where o.sessionId = :session "
                        + "order by o.capturedAt desc", Integer.class)
                .setParameter("session", session.id()).setMaxResults(1).getResultStream()
                .findFirst().map(count -> count != 1).orElse(true);
        if (afterGap) {
            return true;
        }
        return em.createQuery("select o.identityVerdict from Observation o where o.sessionId = :session "
                        + "and o.identityVerdict is not null order by o.capturedAt desc", String.class)
                .setParameter("session", session.id()).setMaxResults(1).getResultStream()
                .findFirst().map(verdict -> !verdict.equals("MATCH")).orElse(false);
    }

    private FaceDescriptor baseline(ProctoringSession session) {
        return Descriptors.decode(Aead.open(sessions.dataKey(session), session.sealedBaselineDescriptor().orElseThrow(),
                baselineAad(session.sessionId())));
    }

    public static byte[] baselineAad(SessionId sessionId) {
        String sessionIdValue = sessionId.value();
        return ("baseline-descriptor/" + sessionIdValue).getBytes(StandardCharsets.UTF_8);
    }
}
