package org.invigil.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.identity.entity.LivenessChallenge;
import org.invigil.identity.entity.LivenessSample;
import org.invigil.ids.entity.SessionId;
import org.invigil.refusal.entity.Refusal.Kind;
import org.invigil.vision.entity.DescribedFace;
import org.invigil.vision.entity.Face;
import org.invigil.vision.entity.FaceDescriptor;
import org.invigil.vision.entity.IdentityComparison;
import org.invigil.vision.entity.IdentityVerdict;

/**
 * The liveness challenge: a random order of a blink and two head turns, handed out one step at a time and captured
 * as a short burst each. The server times every step from its own clock: a step takes frames only once it was issued
 * and only within its window ({@code invigil.liveness.step-seconds}), so a clip recorded beforehand and posted for
 * steps the client was never told cannot pass. Each frame is analysed as it arrives, its face compared with the
 * identity capture and the reference photo, and only its measurements are kept.
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

    @Inject
    @ConfigProperty(name = "invigil.liveness.step-seconds", defaultValue = "12")
    int stepSeconds = 12;

    Clock clock = Clock.systemUTC();

    /** How long a step takes frames after the server issued it. */
    public Duration stepWindow() {
        return Duration.ofSeconds(Math.max(2, stepSeconds));
    }

    @Transactional
    public LivenessChallenge start(SessionId sessionId) {
        String sessionIdValue = sessionId.value();
        List<String> steps = new ArrayList<>(LivenessEvaluation.STEPS);
        Collections.shuffle(steps, random);
        LivenessChallenge challenge = new LivenessChallenge(sessionIdValue, steps, clock.instant(),
                clock.instant().plus(VALID_FOR));
        em.persist(challenge);
        return challenge;
    }

    /** Closes the open step and issues the next one, timed from now. */
    @Transactional
    public LivenessChallenge next(SessionId sessionId, String challengeId) {
        String sessionIdValue = sessionId.value();
        LivenessChallenge challenge = challenge(sessionIdValue, challengeId);
        if (!challenge.issueNext(clock.instant())) {
            throw new LivenessRefused(Kind.NOT_NOW, "liveness_no_more_steps", "No more steps",
                    "All " + challenge.steps().size() + " steps were given; finish the challenge.");
        }
        return challenge;
    }

    /**
     * Analyses one frame of the open step and keeps what it showed, with its face compared with the identity
     * capture's and the reference's descriptors (either may be absent).
     */
    @Transactional
    public void frame(SessionId sessionId, String challengeId, int step, byte[] jpeg, Optional<FaceDescriptor> identity,
                      Optional<FaceDescriptor> reference) {
        String sessionIdValue = sessionId.value();
        Instant arrived = clock.instant();
        LivenessChallenge challenge = challenge(sessionIdValue, challengeId);
        if (step < 0 || step >= challenge.steps().size()) {
            throw new LivenessRefused(Kind.INVALID, "liveness_step", "Bad request",
                    "The step must be between 0 and " + (challenge.steps().size() - 1) + ".");
        }
        Optional<String> refusal = challenge.refusal(step, arrived, stepWindow());
        if (refusal.isPresent()) {
            throw refusal.get().equals("not-issued")
                    ? new LivenessRefused(Kind.NOT_NOW, "liveness_step_not_issued", "Step not given yet",
                    "Step " + step + " has not been given yet; the open step is " + challenge.currentStep()
                            + ". Follow the steps as the server gives them.")
                    : new LivenessRefused(Kind.NOT_NOW, "liveness_step_closed", "Step closed",
                    "Step " + step + " no longer takes pictures: each step takes them for " + stepWindow().toSeconds()
                            + " s after it is given, and only until the next step is asked for.");
        }
        long taken = em.createQuery("select count(s) from LivenessSample s where s.challengeId = :c and s.step = :s",
                Long.class).setParameter("c", challengeId).setParameter("s", step).getSingleResult();
        if (taken >= FRAMES_PER_STEP * 2) {
            throw new LivenessRefused(Kind.NOT_NOW, "liveness_frames", "Enough pictures",
                    "This step already has all the pictures it needs.");
        }
        List<DescribedFace> faces = pictures.describe(jpeg);
        em.persist(sample(challengeId, step, (int) taken, faces, identity, reference, pictures::compare));
    }

    /**
     * What one frame showed, its largest face compared with the identity capture's and the reference's descriptors
     * (of the same model; either may be absent) by {@code compare}.
     */
    public static LivenessSample sample(String challengeId, int step, int frame, List<DescribedFace> faces,
                                        Optional<FaceDescriptor> identity, Optional<FaceDescriptor> reference,
                                        BiFunction<FaceDescriptor, FaceDescriptor, IdentityComparison> compare) {
        Optional<DescribedFace> largest = IdentityCheck.largest(faces);
        Optional<IdentityComparison> byIdentity = largest.flatMap(f -> comparable(f.descriptor(), identity, compare));
        Optional<IdentityComparison> byReference = largest.flatMap(f -> comparable(f.descriptor(), reference, compare));
        boolean other = byIdentity.map(c -> c.verdict() == IdentityVerdict.NO_MATCH).orElse(false)
                || byReference.map(c -> c.verdict() == IdentityVerdict.NO_MATCH).orElse(false);
        Face face = largest.map(DescribedFace::face).orElse(null);
        return new LivenessSample(challengeId, step, frame, faces.size(),
                face == null ? null : face.pose().map(pose -> pose.yaw()).orElse(null),
                face == null ? null : face.eyes().map(eyes -> eyes.mean()).orElse(null),
                byIdentity.map(IdentityComparison::score).orElse(null),
                byReference.map(IdentityComparison::score).orElse(null), other);
    }

    private static Optional<IdentityComparison> comparable(FaceDescriptor face, Optional<FaceDescriptor> known,
            BiFunction<FaceDescriptor, FaceDescriptor, IdentityComparison> compare) {
        return known.filter(k -> k.model().equals(face.model())).map(k -> compare.apply(face, k));
    }

    @Transactional
    public LivenessEvaluation.Verdict complete(SessionId sessionId, String challengeId) {
        String sessionIdValue = sessionId.value();
        LivenessChallenge challenge = challenge(sessionIdValue, challengeId);
        List<LivenessSample> samples = em.createQuery("select s from LivenessSample s where s.challengeId = :c",
                LivenessSample.class).setParameter("c", challengeId).getResultList();
        LivenessEvaluation.Verdict verdict = LivenessEvaluation.of(challenge.steps(), samples);
        em.remove(challenge);
        return verdict;
    }

    private LivenessChallenge challenge(String sessionId, String challengeId) {
        LivenessChallenge challenge = em.find(LivenessChallenge.class, challengeId);
        if (challenge == null || !challenge.sessionId().equals(sessionId)) {
            throw new LivenessRefused(Kind.UNKNOWN, "liveness_unknown", "No such challenge",
                    "This liveness challenge does not exist or is finished; start a new one.");
        }
        if (challenge.expired(clock.instant())) {
            throw new LivenessRefused(Kind.NOT_NOW, "liveness_expired", "Challenge expired",
                    "This liveness challenge has expired; start a new one.");
        }
        return challenge;
    }
}
