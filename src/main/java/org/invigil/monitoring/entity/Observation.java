package org.invigil.monitoring.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** What the analysis of one frame found. The frame itself is not kept unless it became evidence. */
@Entity
@Table(name = "observation")
@IdClass(SessionItemKey.class)
public class Observation {

    @Id
    @Column(name = "session_id")
    private String sessionId;

    @Id
    @Column(name = "sequence_no")
    private long sequence;

    @Column(name = "captured_at", nullable = false)
    private Instant capturedAt;

    @Column(name = "face_count", nullable = false)
    private int faceCount;

    @Column(name = "min_face_confidence")
    private Double minFaceConfidence;

    @Column(name = "identity_score")
    private Double identityScore;

    @Column(name = "identity_verdict")
    private String identityVerdict;

    private Double yaw;

    private Double pitch;

    @Column(nullable = false)
    private double brightness;

    @Column(nullable = false)
    private double contrast;

    @Column(nullable = false)
    private double sharpness;

    @Column(name = "fingerprint_exact", nullable = false)
    private long fingerprintExact;

    @Column(name = "fingerprint_perceptual", nullable = false)
    private long fingerprintPerceptual;

    protected Observation() {
    }

    public Observation(String sessionId, long sequence, Instant capturedAt, int faceCount, Double minFaceConfidence,
                       Double identityScore, String identityVerdict, Double yaw, Double pitch, double brightness,
                       double contrast, double sharpness, long fingerprintExact, long fingerprintPerceptual) {
        this.sessionId = sessionId;
        this.sequence = sequence;
        this.capturedAt = capturedAt;
        this.faceCount = faceCount;
        this.minFaceConfidence = minFaceConfidence;
        this.identityScore = identityScore;
        this.identityVerdict = identityVerdict;
        this.yaw = yaw;
        this.pitch = pitch;
        this.brightness = brightness;
        this.contrast = contrast;
        this.sharpness = sharpness;
        this.fingerprintExact = fingerprintExact;
        this.fingerprintPerceptual = fingerprintPerceptual;
    }

    public String sessionId() {
        return sessionId;
    }

    public long sequence() {
        return sequence;
    }

    public Instant capturedAt() {
        return capturedAt;
    }

    public int faceCount() {
        return faceCount;
    }

    public Optional<Double> minFaceConfidence() {
        return Optional.ofNullable(minFaceConfidence);
    }

    public Optional<Double> identityScore() {
        return Optional.ofNullable(identityScore);
    }

    public Optional<String> identityVerdict() {
        return Optional.ofNullable(identityVerdict);
    }

    public Optional<Double> yaw() {
        return Optional.ofNullable(yaw);
    }

    public Optional<Double> pitch() {
        return Optional.ofNullable(pitch);
    }

    public double brightness() {
        return brightness;
    }

    public double contrast() {
        return contrast;
    }

    public double sharpness() {
        return sharpness;
    }

    public long fingerprintExact() {
        return fingerprintExact;
    }

    public long fingerprintPerceptual() {
        return fingerprintPerceptual;
    }

    /** A compact statement of capture quality, for incidents. */
    public String qualitySummary() {
        return String.format(Locale.ROOT, "brightness %.0f/255, contrast %.0f, sharpness %.0f", brightness,
                contrast, sharpness);
    }
}
