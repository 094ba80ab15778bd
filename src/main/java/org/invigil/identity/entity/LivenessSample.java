package org.invigil.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/** What one liveness frame showed: faces, head yaw, eye openness. The frame itself is dropped. */
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
