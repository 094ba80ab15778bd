package org.invigil.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.invigil.exam.entity.Check;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.PlatformId;
import org.invigil.ids.entity.SessionId;
import org.invigil.ids.entity.UserId;

/**
 * One student's proctored attempt at one exam. The journey only moves forward, and never dead-ends: a check that
 * cannot be passed (poor camera, no reference photo, failed attempts) hands the decision to a human and lets the
 * student continue.
 */
@Entity
@Table(name = "proctoring_session")
public class ProctoringSession {

    @Id
    private String id;

    @Column(name = "exam_id", nullable = false)
    private String examId;

    @Column(name = "platform_id", nullable = false)
    private String platformId;

    @Column(name = "context_id")
    private String contextId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "user_name", nullable = false)
    private String userName;

    private String email;

    @Column(name = "lms_picture")
    private String lmsPicture;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionState state;

    @Column(name = "consent_version")
    private String consentVersion;

    @Column(name = "consented_at")
    private Instant consentedAt;

    // What the student agreed to: a running attempt never gets a check or a retention beyond it.
    @Column(name = "consented_checks")
    private String consentedChecks;

    @Column(name = "consented_retention_days")
    private Integer consentedRetentionDays;

    @Column(name = "declined_at")
    private Instant declinedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_status", nullable = false)
    private IdentityStatus identityStatus;

    @Column(name = "identity_attempts", nullable = false)
    private int identityAttempts;

    @Column(name = "identity_similarity")
    private Double identitySimilarity;

    // Eager on purpose: with a lazy basic attribute EclipseLink silently dropped updates of the other columns of this
    // entity (the baseline descriptor was never stored). The picture is small (~30 KB).
    @jakarta.persistence.Lob
    @Column(name = "identity_capture")
    private byte[] sealedIdentityCapture;

    @Column(name = "liveness_attempts", nullable = false)
    private int livenessAttempts;

    @Column(name = "liveness_passed")
    private Boolean livenessPassed;

    @Column(name = "wrapped_data_key", nullable = false)
    private byte[] wrappedDataKey;

    @Column(name = "baseline_descriptor")
    private byte[] sealedBaselineDescriptor;

    @Column(name = "baseline_yaw")
    private Double baselineYaw;

    @Column(name = "baseline_pitch")
    private Double baselinePitch;

    @Column(name = "monitoring_started_at")
    private Instant monitoringStartedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Column(name = "end_reason")
    private String endReason;

    @Column(name = "paused_at")
    private Instant pausedAt;

    @Column(name = "pause_reason")
    private String pauseReason;

    @Column(name = "resumed_at")
    private Instant resumedAt;

    @Column(name = "paused_seconds", nullable = false)
    private long pausedSeconds;

    @Column(name = "last_frame_at")
    private Instant lastFrameAt;

    @Column(name = "last_event_at")
    private Instant lastEventAt;

    @Column(name = "purged_at")
    private Instant purgedAt;

    @Column(name = "monitor_blocks", nullable = false)
    private int monitorBlocks;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected ProctoringSession() {
    }

    public ProctoringSession(String examId, String platformId, String contextId, String userId, String userName,
                             String email, String lmsPicture, boolean identityRequired, byte[] wrappedDataKey,
                             Instant now) {
        this.id = UUID.randomUUID().toString();
        this.examId = examId;
        this.platformId = platformId;
        this.contextId = contextId;
        this.userId = userId;
        this.userName = userName;
        this.email = email;
        this.lmsPicture = lmsPicture;
        this.state = SessionState.CONSENT;
        this.identityStatus = identityRequired ? IdentityStatus.PENDING : IdentityStatus.NOT_REQUIRED;
        this.wrappedDataKey = wrappedDataKey.clone();
        this.createdAt = now;
    }

    /**
     * A name for a student the platform launched without one (Open edX sends an anonymous id only): taken only while
     * the attempt's name is still that id, so a name the launch gave is never overwritten. Whether it changed.
     */
    public boolean learnName(String name) {
        if (name == null || name.isBlank() || !userId.equals(userName) || name.equals(userName)) {
            return false;
        }
        this.userName = name;
        return true;
    }

    /**
     * The student agreed to the consent text of {@code version}, which named these checks and this retention; the
     * journey goes on to the system check.
     */
    public void consent(String version, Instant at, Set<Check> checks, int retentionDays) {
        require(SessionState.CONSENT, "give consent");
        this.consentVersion = version;
        this.consentedAt = at;
        this.consentedChecks = checks.stream().map(Check::id).sorted().collect(Collectors.joining(","));
        this.consentedRetentionDays = retentionDays;
        this.state = SessionState.SYSTEM_CHECK;
    }

    /**
     * The checks that apply now: those in force for the student, less any the student did not consent to (an
     * instructor who switches a check on during the exam does not switch it on for attempts already under way;
     * switching one off applies at once).
     */
    public Set<Check> withinConsent(Set<Check> inForce) {
        return withinConsent(inForce, consentedChecks);
    }

    /** {@link #withinConsent(Set)} for the consented checks as stored ({@code null}: not consented yet). */
    public static Set<Check> withinConsent(Set<Check> inForce, String consentedChecks) {
        Set<Check> active = inForce.isEmpty() ? EnumSet.noneOf(Check.class) : EnumSet.copyOf(inForce);
        if (consentedChecks != null) {
            Set<Check> consented = EnumSet.noneOf(Check.class);
            Arrays.stream(consentedChecks.split(",")).map(Check::of).forEach(check -> check.ifPresent(consented::add));
            active.retainAll(consented);
        }
        return active;
    }

    /** How long the evidence is kept: the exam's retention now, never longer than the student was told. */
    public int retentionDays(int examRetentionDays) {
        return consentedRetentionDays == null ? examRetentionDays : Math.min(examRetentionDays, consentedRetentionDays);
    }

    /** The student declined: recorded, shown to the instructor, and final for this attempt. */
    public void decline(String version, Instant at) {
        require(SessionState.CONSENT, "decline");
        this.consentVersion = version;
        this.declinedAt = at;
        this.state = SessionState.DECLINED;
    }

    /** The camera delivered a picture; the journey moves on whatever the advice (never a dead end). */
    public void passSystemCheck(boolean identityStep, boolean livenessStep) {
        require(SessionState.SYSTEM_CHECK, "finish the system check");
        advanceFrom(SessionState.SYSTEM_CHECK, identityStep, livenessStep);
    }

    public void recordIdentityAttempt(IdentityStatus outcome, Double similarity, boolean livenessStep) {
        require(SessionState.IDENTITY, "check identity");
        identityAttempts++;
        identitySimilarity = similarity;
        identityStatus = outcome;
        if (outcome != IdentityStatus.PENDING) {
            advanceFrom(SessionState.IDENTITY, true, livenessStep);
        }
    }

    /** The capture was unusable (no face, several faces): no attempt is used up. */
    public void retryIdentity() {
        require(SessionState.IDENTITY, "check identity");
    }

    public void requestIdentityReview(boolean livenessStep) {
        require(SessionState.IDENTITY, "ask for a review");
        identityStatus = IdentityStatus.NEEDS_REVIEW;
        advanceFrom(SessionState.IDENTITY, true, livenessStep);
    }

    public void recordLivenessAttempt(boolean passed, boolean lastAttempt) {
        require(SessionState.LIVENESS, "take the liveness check");
        livenessAttempts++;
        if (passed || lastAttempt) {
            livenessPassed = passed;
            state = SessionState.READY;
        }
    }

    public void requestLivenessReview() {
        require(SessionState.LIVENESS, "ask for a review");
        livenessPassed = false;
        state = SessionState.READY;
    }

    /** The picture taken at the identity check, sealed under the session's key, for the reviewer's comparison. */
    public void keepIdentityCapture(byte[] sealed) {
        this.sealedIdentityCapture = sealed.clone();
    }

    /** Binds the sealed identity picture to this session. */
    public byte[] identityCaptureAssociatedData() {
        return ("identity-capture/" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public Optional<byte[]> sealedIdentityCapture() {
        return Optional.ofNullable(sealedIdentityCapture).map(byte[]::clone);
    }

    public void keepBaselineDescriptor(byte[] sealed) {
        this.sealedBaselineDescriptor = sealed.clone();
    }

    public void startMonitoring(Instant at) {
        require(SessionState.READY, "start monitoring");
        state = SessionState.MONITORING;
        monitoringStartedAt = at;
    }

    /** The head pose the looking-away rule compares against: how the student sat at the start. */
    public void calibrate(double yaw, double pitch) {
        if (baselineYaw == null) {
            baselineYaw = yaw;
            baselinePitch = pitch;
        }
    }

    public void frameReceived(Instant at) {
        if (lastFrameAt == null || at.isAfter(lastFrameAt)) {
            lastFrameAt = at;
        }
    }

    public void eventReceived(Instant at) {
        if (lastEventAt == null || at.isAfter(lastEventAt)) {
            lastEventAt = at;
        }
    }

    /**
     * Staff pause monitoring, with the reason the student is shown. While paused nothing the monitor sends is analysed
     * and no rule can raise an incident.
     */
    public void pause(Instant at, String reason) {
        require(SessionState.MONITORING, "pause monitoring");
        state = SessionState.PAUSED;
        pausedAt = at;
        pauseReason = reason;
    }

    /** Monitoring goes on; the rules look only at what comes after this moment. */
    public void resume(Instant at) {
        require(SessionState.PAUSED, "resume monitoring");
        closePause(at);
        state = SessionState.MONITORING;
        resumedAt = at;
    }

    private void closePause(Instant at) {
        if (pausedAt != null) {
            pausedSeconds += Math.max(0, Duration.between(pausedAt, at).toSeconds());
        }
        pausedAt = null;
        pauseReason = null;
    }

    /** The student ends the attempt; ending twice is harmless. */
    public boolean end(Instant at) {
        return end(at, EndReason.STUDENT);
    }

    /** Ends the attempt for that reason; false (and nothing changes) if it had ended already. */
    public boolean end(Instant at, EndReason reason) {
        if (state == SessionState.ENDED || state == SessionState.DECLINED) {
            return false;
        }
        if (state == SessionState.PAUSED) {
            closePause(at);
        }
        state = SessionState.ENDED;
        endedAt = at;
        endReason = reason.id();
        return true;
    }

    /**
     * The close time the platform sent with the student's latest launch: the platform's date as it stands at launch
     * time (a date changed in the LMS arrives with the next launch), so it comes before the one set in Invigil.
     */
    public void closesAt(Instant at) {
        if (state != SessionState.ENDED && state != SessionState.DECLINED) {
            closesAt = at;
        }
    }

    /** The close time the platform sent for this student, if it sent one. */
    public Optional<Instant> platformClosesAt() {
        return Optional.ofNullable(closesAt);
    }

    /** Why monitoring ended; empty while it runs (and for attempts ended before reasons were kept). */
    public Optional<EndReason> endReason() {
        return endReason == null ? Optional.empty() : EndReason.of(endReason);
    }

    /** Numbers per monitor block: a monitor would need a picture a second for thirty years to exhaust one. */
    public static final long MONITOR_BLOCK = 1_000_000_000L;

    /**
     * A block of sequence numbers for a new monitor (the companion window, the quiz page's embedded monitor, a
     * reload): each monitor counts in its own block, so two monitors never send the same number.
     */
    public long allocateMonitorBlock() {
        if (state != SessionState.READY && state != SessionState.MONITORING && state != SessionState.PAUSED) {
            throw new IllegalStateException("Cannot start a monitor in state " + state.id());
        }
        monitorBlocks++;
        return monitorBlocks * MONITOR_BLOCK + 1;
    }

    /** Whether the retention period after the end has passed, so the attempt's evidence must go. */
    public boolean isDueForPurge(Instant now, int retentionDays) {
        return purgedAt == null && endedAt != null && !endedAt.plus(Duration.ofDays(retentionDays)).isAfter(now);
    }

    /**
     * Whether the attempt never ended and nothing came from it (no step, picture or event) for longer than its
     * retention period, so its evidence must go like an ended attempt's.
     */
    public boolean isAbandoned(Instant now, int retentionDays) {
        return purgedAt == null && endedAt == null
                && !lastActivity().plus(Duration.ofDays(retentionDays)).isAfter(now);
    }

    /** The last moment anything happened in the attempt: created, a step, a picture, an event, a pause. */
    public Instant lastActivity() {
        return Stream.of(createdAt, consentedAt, declinedAt, monitoringStartedAt, lastFrameAt,
                        lastEventAt, pausedAt, resumedAt, endedAt)
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(createdAt);
    }

    /**
     * The evidence, analyses and face descriptor are deleted and the data key is destroyed (crypto-shredding:
     * whatever was sealed under it, in a backup or a copied row, can never be opened again); the incident list and
     * the result stay.
     */
    public void purged(Instant at) {
        purgedAt = at;
        sealedBaselineDescriptor = null;
        sealedIdentityCapture = null;
        Arrays.fill(wrappedDataKey, (byte) 0);
        wrappedDataKey = new byte[0];
    }

    /** Whether the data key still exists (it is destroyed with the evidence). */
    public boolean hasDataKey() {
        return wrappedDataKey.length > 0;
    }

    public Optional<Instant> purgedAt() {
        return Optional.ofNullable(purgedAt);
    }

    public boolean isMonitoring() {
        return state == SessionState.MONITORING;
    }

    public boolean isPaused() {
        return state == SessionState.PAUSED;
    }

    /** When the pause now running began, and why; empty unless paused. */
    public Optional<Instant> pausedAt() {
        return Optional.ofNullable(pausedAt);
    }

    public Optional<String> pauseReason() {
        return Optional.ofNullable(pauseReason);
    }

    /** The last resume, from which the rules look again. */
    public Optional<Instant> resumedAt() {
        return Optional.ofNullable(resumedAt);
    }

    /** Seconds monitoring was paused in all (pauses that ended). */
    public long pausedSeconds() {
        return pausedSeconds;
    }

    /**
     * Since when the camera should have sent a picture: the last picture, or a later start or resume of monitoring.
     */
    public Optional<Instant> expectingPicturesSince() {
        return Stream.of(lastFrameAt, monitoringStartedAt, resumedAt).filter(Objects::nonNull)
                .max(Instant::compareTo);
    }

    private void advanceFrom(SessionState from, boolean identityStep, boolean livenessStep) {
        if (from == SessionState.SYSTEM_CHECK && identityStep) {
            state = SessionState.IDENTITY;
        } else if (from != SessionState.LIVENESS && livenessStep) {
            state = SessionState.LIVENESS;
        } else {
            state = SessionState.READY;
        }
    }

    private void require(SessionState expected, String action) {
        if (state != expected) {
            throw new IllegalStateException("Cannot " + action + " in state " + state.id());
        }
    }

    /** The attempt's id as the value type other components take. */
    public SessionId sessionId() {
        return SessionId.of(id);
    }

    /** The exam of the attempt, as the value type other components take. */
    public ExamId exam() {
        return ExamId.of(examId);
    }

    /** The student, as their platform names them. */
    public UserId user() {
        return UserId.of(userId);
    }

    /** The platform registration the attempt came from. */
    public PlatformId platform() {
        return PlatformId.of(platformId);
    }

    public String id() {
        return id;
    }

    public String examId() {
        return examId;
    }

    public String platformId() {
        return platformId;
    }

    public Optional<String> contextId() {
        return Optional.ofNullable(contextId);
    }

    public String userId() {
        return userId;
    }

    public String userName() {
        return userName;
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public Optional<String> lmsPicture() {
        return Optional.ofNullable(lmsPicture);
    }

    public SessionState state() {
        return state;
    }

    public IdentityStatus identityStatus() {
        return identityStatus;
    }

    public int identityAttempts() {
        return identityAttempts;
    }

    public Optional<Double> identitySimilarity() {
        return Optional.ofNullable(identitySimilarity);
    }

    public int livenessAttempts() {
        return livenessAttempts;
    }

    public Optional<Boolean> livenessPassed() {
        return Optional.ofNullable(livenessPassed);
    }

    public byte[] wrappedDataKey() {
        return wrappedDataKey.clone();
    }

    public Optional<byte[]> sealedBaselineDescriptor() {
        return Optional.ofNullable(sealedBaselineDescriptor).map(byte[]::clone);
    }

    public Optional<Double> baselineYaw() {
        return Optional.ofNullable(baselineYaw);
    }

    public Optional<Double> baselinePitch() {
        return Optional.ofNullable(baselinePitch);
    }

    public Optional<Instant> consentedAt() {
        return Optional.ofNullable(consentedAt);
    }

    public Optional<Instant> declinedAt() {
        return Optional.ofNullable(declinedAt);
    }

    public Optional<String> consentVersion() {
        return Optional.ofNullable(consentVersion);
    }

    public Optional<Instant> monitoringStartedAt() {
        return Optional.ofNullable(monitoringStartedAt);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public Optional<Instant> lastFrameAt() {
        return Optional.ofNullable(lastFrameAt);
    }

    public Optional<Instant> lastEventAt() {
        return Optional.ofNullable(lastEventAt);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
