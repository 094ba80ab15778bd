package org.invigil.monitoring.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Something a rule noticed, with everything a reviewer needs to judge it: when (start and end), which rule, in
 * plain words, which detector and model version, the threshold in force, how strong (0–1, computed as its rule's
 * {@link Rule#strength()} says), the capture quality, and how many evidence frames back it.
 */
@Entity
@Table(name = "incident")
public class Incident {

    /** Evidence frames kept per incident at most: the first ones, which show how it began. */
    public static final int MAX_EVIDENCE = 5;

    @Id
    private String id;

    @Column(name = "session_id", nullable = false)
    private String sessionId;

    @Column(name = "rule_id", nullable = false)
    private String ruleId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Rule.Kind kind;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at", nullable = false)
    private Instant endedAt;

    @Column(name = "still_open", nullable = false)
    private boolean open;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String detector;

    @Column(name = "model_version")
    private String modelVersion;

    @Column(name = "threshold_text", nullable = false)
    private String threshold;

    /** The strength (the column keeps its first name, {@code confidence}). */
    @Column(name = "confidence", nullable = false)
    private double strength;

    @Column(name = "capture_quality")
    private String captureQuality;

    @Column(name = "evidence_count", nullable = false)
    private int evidenceCount;

    @Version
    private int version;

    protected Incident() {
    }

    public Incident(String sessionId, Rule rule, Instant startedAt, Instant seenAt, boolean open, String detail,
                    String detector, String modelVersion, String threshold, double strength, String captureQuality) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.ruleId = rule.id();
        this.kind = rule.kind();
        this.startedAt = startedAt;
        this.endedAt = seenAt.isBefore(startedAt) ? startedAt : seenAt;
        this.open = open;
        this.description = detail == null || detail.isBlank() ? rule.description() : rule.description() + " " + detail;
        this.detector = detector;
        this.modelVersion = modelVersion;
        this.threshold = threshold;
        this.strength = Math.max(0, Math.min(1, strength));
        this.captureQuality = captureQuality;
    }

    /** The condition still holds at {@code seenAt}: the incident lasts until then. */
    public void extend(Instant seenAt, double latestStrength) {
        if (seenAt.isAfter(endedAt)) {
            endedAt = seenAt;
        }
        strength = Math.max(strength, Math.max(0, Math.min(1, latestStrength)));
    }

    public void close(Instant at) {
        if (open) {
            open = false;
            if (at.isAfter(endedAt)) {
                endedAt = at;
            }
        }
    }

    /** Whether one more evidence frame may be kept, and counts it. */
    public boolean takeEvidenceSlot() {
        if (evidenceCount >= MAX_EVIDENCE) {
            return false;
        }
        evidenceCount++;
        return true;
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public Optional<Rule> rule() {
        return Rule.of(ruleId);
    }

    public String ruleId() {
        return ruleId;
    }

    public Rule.Kind kind() {
        return kind;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public boolean isOpen() {
        return open;
    }

    public String description() {
        return description;
    }

    public String detector() {
        return detector;
    }

    public Optional<String> modelVersion() {
        return Optional.ofNullable(modelVersion);
    }

    public String threshold() {
        return threshold;
    }

    /** 0–1, the highest the rule found while the incident lasted; how it is computed: {@link #strengthBasis()}. */
    public double strength() {
        return strength;
    }

    /** How the strength is computed, in words (the rule's formula or measurement). */
    public String strengthBasis() {
        return rule().map(Rule::strength).orElse("not known for this rule");
    }

    public Optional<String> captureQuality() {
        return Optional.ofNullable(captureQuality);
    }

    public int evidenceCount() {
        return evidenceCount;
    }
}
