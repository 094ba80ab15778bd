package org.invigil.assessment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.invigil.outbound.entity.Retries;

/**
 * One Assessment Control Service request on its way to the platform (Proctoring Services 1.0 §6.1): an action on
 * the attempt, when it happened, how severe and why. Messages of one attempt go in the order they were made; each
 * failed attempt pushes one back (5 s doubling to an hour); a platform's refusal (4xx) ends it, kept with the answer.
 */
@Entity
@Table(name = "assessment_control")
public class ControlMessage {

    static final Retries.Backoff BACKOFF = new Retries.Backoff(Duration.ofSeconds(5), Duration.ofHours(1));
    public static final int MAX_REASON = 1000;

    /** The actions of the Assessment Control Service (§6.1.1). */
    public enum Action {
        PAUSE, RESUME, TERMINATE, UPDATE, FLAG;

        /** The spec's word: {@code pause}, {@code resume}, ... */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    private String id;

    @Column(name = "session_id", nullable = false)
    private String sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Action action;

    @Column(name = "incident_time", nullable = false)
    private Instant incidentTime;

    @Column(name = "severity")
    private Double severity;

    @Column(name = "reason_code")
    private String reasonCode;

    @Column(name = "reason_msg")
    private String reasonMessage;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private Retries retries;

    @Column(name = "answered_status")
    private String answeredStatus;

    @Column(name = "refused", nullable = false)
    private boolean refused;

    @Version
    private int version;

    protected ControlMessage() {
    }

    public ControlMessage(String sessionId, Action action, Instant incidentTime, Optional<Double> severity,
                          Optional<String> reasonCode, Optional<String> reasonMessage, Instant now) {
        if (severity.filter(s -> !(s >= 0 && s <= 1)).isPresent()) {
            throw new IllegalArgumentException("incident_severity is between 0 and 1, got " + severity.get());
        }
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.action = action;
        this.incidentTime = incidentTime;
        this.severity = severity.orElse(null);
        this.reasonCode = reasonCode.orElse(null);
        this.reasonMessage = reasonMessage.map(text -> text.length() <= MAX_REASON ? text
                : text.substring(0, MAX_REASON - 1) + "…").orElse(null);
        this.createdAt = now;
        this.retries = Retries.dueAt(now);
    }

    /** Takes the message for one delivery attempt unless it is done or another node holds it. */
    public boolean claim(Instant now, Duration hold) {
        return !refused && retries.claim(now, hold);
    }

    /** The platform took it and answered the attempt's {@code status}. */
    public void delivered(Instant at, String status) {
        retries.delivered(at);
        answeredStatus = status;
    }

    /** No answer, or one that may change (5xx, a timeout): tried again after the back-off. */
    public void failed(Instant at, String error) {
        retries.failed(error);
        retries.dueAgain(at, BACKOFF);
    }

    /** The platform refused it (4xx): it is not sent again; the refusal is kept for the reviewer and the log. */
    public void refused(String why) {
        refused = true;
        retries.givenUp(why);
    }

    /** Whether a new request would say again what this one says (same action, severity and reason). */
    public boolean repeats(Action other, Optional<Double> otherSeverity, Optional<String> otherReason) {
        return action == other && severity().equals(otherSeverity) && reasonMessage().equals(otherReason.map(
                text -> text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…"));
    }

    /** Neither delivered nor refused. */
    public boolean pending() {
        return !refused && retries.deliveredAt().isEmpty();
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public Action action() {
        return action;
    }

    public Instant incidentTime() {
        return incidentTime;
    }

    public Optional<Double> severity() {
        return Optional.ofNullable(severity);
    }

    public Optional<String> reasonCode() {
        return Optional.ofNullable(reasonCode);
    }

    public Optional<String> reasonMessage() {
        return Optional.ofNullable(reasonMessage);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int attempts() {
        return retries.attempts();
    }

    public Instant dueAt() {
        return retries.dueAt();
    }

    public Optional<Instant> deliveredAt() {
        return retries.deliveredAt();
    }

    public Optional<String> lastError() {
        return retries.lastError();
    }

    public Optional<String> answeredStatus() {
        return Optional.ofNullable(answeredStatus);
    }

    public boolean isRefused() {
        return refused;
    }
}
