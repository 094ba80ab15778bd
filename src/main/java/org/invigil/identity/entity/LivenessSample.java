package org.invigil.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * What one liveness frame showed: faces, head yaw, eye openness, and how its face compared with the identity capture
 * and the reference photo. The frame itself is dropped.
 */
@Entity
@Table(name = "liveness_sample")
@IdClass(LivenessSample.Key.class)
public class LivenessSample {

    @Id
    @Column(name = "challenge_id")
    private String challengeId;

    @Id
    @Column(name = "step_no")
    private int step;

    @Id
    @Column(name = "frame_no")
    private int frame;

    @Column(name = "face_count", nullable = false)
    private int faceCount;

    private Double yaw;

    @Column(name = "eye_openness")
    private Double eyeOpenness;

    @Column(name = "identity_score")
    private Double identityScore;

    @Column(name = "reference_score")
    private Double referenceScore;

    @Column(name = "other_person", nullable = false)
    private boolean otherPerson;

    protected LivenessSample() {
    }

    public LivenessSample(String challengeId, int step, int frame, int faceCount, Double yaw, Double eyeOpenness) {
        this.challengeId = challengeId;
        this.step = step;
        this.frame = frame;
        this.faceCount = faceCount;
        this.yaw = yaw;
        this.eyeOpenness = eyeOpenness;
    }

    /**
     * A frame whose face was compared: {@code identityScore} with the identity capture, {@code referenceScore} with
     * the reference photo (null where there was nothing to compare with); {@code otherPerson} when either comparison
     * said "no match".
     */
    public LivenessSample(String challengeId, int step, int frame, int faceCount, Double yaw, Double eyeOpenness,
                          Double identityScore, Double referenceScore, boolean otherPerson) {
        this(challengeId, step, frame, faceCount, yaw, eyeOpenness);
        this.identityScore = identityScore;
        this.referenceScore = referenceScore;
        this.otherPerson = otherPerson;
    }

    public int step() {
        return step;
    }

    public int frame() {
        return frame;
    }

    public int faceCount() {
        return faceCount;
    }

    public Optional<Double> yaw() {
        return Optional.ofNullable(yaw);
    }

    public Optional<Double> eyeOpenness() {
        return Optional.ofNullable(eyeOpenness);
    }

    public Optional<Double> identityScore() {
        return Optional.ofNullable(identityScore);
    }

    public Optional<Double> referenceScore() {
        return Optional.ofNullable(referenceScore);
    }

    /** The face in this frame was not the student's (by the identity capture or the reference photo). */
    public boolean otherPerson() {
        return otherPerson;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String challengeId;
        private int step;
        private int frame;

        public Key() {
        }

        public Key(String challengeId, int step, int frame) {
            this.challengeId = challengeId;
            this.step = step;
            this.frame = frame;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.challengeId.equals(challengeId) && key.step == step
                    && key.frame == frame;
        }

        @Override
        public int hashCode() {
            return Objects.hash(challengeId, step, frame);
        }
    }
}
