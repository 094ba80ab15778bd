package org.invigil.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.invigil.identity.entity.LivenessChallenge;
import org.invigil.identity.entity.LivenessSample;
import org.invigil.vision.entity.Face;
import org.invigil.vision.entity.FrameAnalysis;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/**
 * The liveness challenge: a random order of a blink and two head turns, each shown to the student and captured as
 * a short burst. Each frame is analysed as it arrives and only its measurements are kept.
 */
@ApplicationScoped
public class Liveness {

    public static final int FRAMES_PER_STEP = 8;
    public static final int FRAME_INTERVAL_MS = 150;
    static final Duration VALID_FOR = Duration.ofMinutes(5);

    private final SecureRandom random = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Pictures pictures;

    Clock clock = Clock.systemUTC();

    @Transactional
    public LivenessChallenge start(String sessionId) {
        List<String> steps = new ArrayList<>(LivenessEvaluation.STEPS);
        Collections.shuffle(steps, random);
        LivenessChallenge challenge = new LivenessChallenge(sessionId, steps, clock.instant(),
                clock.instant().plus(VALID_FOR));
        em.persist(challenge);
        return challenge;
    }

    /** Analyses one frame of a step and keeps what it showed. */
    @Transactional
    public void frame(String sessionId, String challengeId, int step, byte[] jpeg) {
        LivenessChallenge challenge = challenge(sessionId, challengeId);
        if (step < 0 || step >= challenge.steps().size()) {
            throw new ProblemException(Problem.badRequest("liveness_step", "The step must be between 0 and "
                    + (challenge.steps().size() - 1) + "."));
        }
        long taken = em.createQuery("select count(s) from LivenessSample s where s.challengeId = :c and s.step = :s",
                Long.class).setParameter("c", challengeId).setParameter("s", step).getSingleResult();
        if (taken >= FRAMES_PER_STEP * 2) {
            throw new ProblemException(new Problem(409, "liveness_frames", "Enough pictures",
                    "This step already has all the pictures it needs."));
        }
        FrameAnalysis analysis = pictures.analyse(jpeg);
        Face face = analysis.faces().isEmpty() ? null : analysis.faces().get(0);
        em.persist(new LivenessSample(challengeId, step, (int) taken, analysis.faceCount(),
                face == null ? null : face.pose().map(pose -> pose.yaw()).orElse(null),
                face == null ? null : face.eyes().map(eyes -> eyes.mean()).orElse(null)));
    }

    @Transactional
    public LivenessEvaluation.Verdict complete(String sessionId, String challengeId) {
        LivenessChallenge challenge = challenge(sessionId, challengeId);
        List<LivenessSample> samples = em.createQuery("select s from LivenessSample s where s.challengeId = :c",
                LivenessSample.class).setParameter("c", challengeId).getResultList();
        LivenessEvaluation.Verdict verdict = LivenessEvaluation.of(challenge.steps(), samples);
        em.remove(challenge);
        return verdict;
    }

    private LivenessChallenge challenge(String sessionId, String challengeId) {
        LivenessChallenge challenge = em.find(LivenessChallenge.class, challengeId);
        if (challenge == null || !challenge.sessionId().equals(sessionId)) {
            throw new ProblemException(new Problem(404, "liveness_unknown", "No such challenge",
                    "This liveness challenge does not exist or is finished; start a new one."));
        }
        if (challenge.expired(clock.instant())) {
            throw new ProblemException(new Problem(409, "liveness_expired", "Challenge expired",
                    "This liveness challenge has expired; start a new one."));
        }
        return challenge;
    }
}
