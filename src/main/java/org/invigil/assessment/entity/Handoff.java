package org.invigil.assessment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an attempt that began with LtiStartProctoring must give back to its platform: where the assessment starts
 * ({@code start_assessment_url}), the platform's {@code session_data} and {@code attempt_number} to echo exactly, the
 * resource link as received, and the Assessment Control Service with the actions the platform takes, if it offered
 * one. One per attempt; a repeated launch of the same attempt replaces what the platform sent before.
 */
@Entity
@Table(name = "assessment_handoff")
public class Handoff {

    /** The longest {@code session_data} kept (a platform-signed JWT fits many times over). */
    public static final int MAX_SESSION_DATA = 8000;
    public static final int MAX_URL = 2000;

    @Id
    @Column(name = "session_id")
    private String sessionId;

    @Column(name = "registration_id", nullable = false)
    private String registrationId;

    @Column(name = "deployment_id", nullable = false)
    private String deploymentId;

    @Column(name = "link_id", nullable = false)
    private String linkId;

    @Column(name = "link_title")
    private String linkTitle;

    @Column(name = "link_description")
    private String linkDescription;

    @Column(name = "attempt_number", nullable = false)
    private int attemptNumber;

    @Column(name = "session_data")
    private String sessionData;

    @Column(name = "start_url", nullable = false)
    private String startUrl;

    @Column(name = "control_url")
    private String controlUrl;

    @Column(name = "control_actions")
    private String controlActions;

    @Column(name = "launched_at", nullable = false)
    private Instant launchedAt;

    @Column(name = "handed_back_at")
    private Instant handedBackAt;

    @Column(name = "platform_status")
    private String platformStatus;

    @Version
    private int version;

    protected Handoff() {
    }

    public Handoff(String sessionId, String registrationId, Launch launch, Instant now) {
        this.sessionId = sessionId;
        this.registrationId = registrationId;
        relaunched(launch, now);
    }

    /**
     * The LtiStartProctoring claims of one launch, as received.
     *
     * @param controlUrl     the Assessment Control Service, if the platform offered one
     * @param controlActions the actions it takes there ({@code pause}, {@code resume}, {@code terminate}, ...)
     */
    public record Launch(String deploymentId, String linkId, Optional<String> linkTitle,
                         Optional<String> linkDescription, int attemptNumber, Optional<String> sessionData,
                         String startUrl, Optional<String> controlUrl, Set<String> controlActions) {
        public Launch {
            if (sessionData.map(String::length).orElse(0) > MAX_SESSION_DATA) {
                throw new IllegalArgumentException("session_data is longer than " + MAX_SESSION_DATA + " characters");
            }
            if (startUrl.length() > MAX_URL || controlUrl.map(String::length).orElse(0) > MAX_URL) {
                throw new IllegalArgumentException("a Proctoring Services URL is longer than " + MAX_URL
                        + " characters");
            }
            if (!startUrl.matches("(?i)https?://\\S+")
                    || controlUrl.filter(url -> !url.matches("(?i)https?://\\S+")).isPresent()) {
                throw new IllegalArgumentException("a Proctoring Services URL is not an http(s) address");
            }
            controlActions = Set.copyOf(controlActions);
        }
    }

    /** The same attempt launched again: what the platform sends now is what goes back. */
    public void relaunched(Launch launch, Instant now) {
        this.deploymentId = launch.deploymentId();
        this.linkId = launch.linkId();
        this.linkTitle = launch.linkTitle().orElse(null);
        this.linkDescription = launch.linkDescription().orElse(null);
        this.attemptNumber = launch.attemptNumber();
        this.sessionData = launch.sessionData().orElse(null);
        this.startUrl = launch.startUrl();
        this.controlUrl = launch.controlUrl().orElse(null);
        this.controlActions = String.join(" ", new TreeSet<>(launch.controlActions()));
        this.launchedAt = now;
    }

    /** The learner was sent to the assessment (the first time is kept). */
    public void handedBack(Instant at) {
        if (handedBackAt == null) {
            handedBackAt = at;
        }
    }

    /** The attempt's state as the platform last answered it ({@code running}, {@code paused}, {@code terminated}). */
    public void platformAnswered(String status) {
        this.platformStatus = status;
    }

    /** Whether the platform takes this action at its Assessment Control Service. */
    public boolean controls(String action) {
        return controlUrl != null && controlActions().contains(action);
    }

    public Set<String> controlActions() {
        return controlActions == null || controlActions.isBlank() ? Set.of()
                : Arrays.stream(controlActions.split(" ")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public String sessionId() {
        return sessionId;
    }

    public String registrationId() {
        return registrationId;
    }

    public String deploymentId() {
        return deploymentId;
    }

    public String linkId() {
        return linkId;
    }

    public Optional<String> linkTitle() {
        return Optional.ofNullable(linkTitle);
    }

    public Optional<String> linkDescription() {
        return Optional.ofNullable(linkDescription);
    }

    public int attemptNumber() {
        return attemptNumber;
    }

    public Optional<String> sessionData() {
        return Optional.ofNullable(sessionData);
    }

    public String startUrl() {
        return startUrl;
    }

    public Optional<String> controlUrl() {
        return Optional.ofNullable(controlUrl);
    }

    public Instant launchedAt() {
        return launchedAt;
    }

    public Optional<Instant> handedBackAt() {
        return Optional.ofNullable(handedBackAt);
    }

    public Optional<String> platformStatus() {
        return Optional.ofNullable(platformStatus);
    }
}
