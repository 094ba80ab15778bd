package org.invigil.review.boundary;

import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.ExamSettings;

/** The settings screen's form: what the fields hold between requests, turned into {@link ExamSettings} on save. */
public class SettingsForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter CLOSE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private final Map<String, Boolean> enabled = new HashMap<>();
    private Integer frameIntervalSeconds;
    private Integer noFaceSeconds;
    private Double lookAwayYawDegrees;
    private Double lookAwayPitchDegrees;
    private Integer lookAwaySeconds;
    private Integer noiseSeconds;
    private Integer identityAttempts;
    private Integer retentionDays;
    private String consentNote;
    private String quizUrl;
    private String closesAt;

    static SettingsForm of(ExamSettings settings) {
        SettingsForm form = new SettingsForm();
        for (Check check : Check.values()) {
            form.enabled.put(check.id(), settings.enabled(check));
        }
        form.frameIntervalSeconds = settings.frameIntervalSeconds();
        form.noFaceSeconds = settings.noFaceSeconds();
        form.lookAwayYawDegrees = settings.lookAwayYawDegrees();
        form.lookAwayPitchDegrees = settings.lookAwayPitchDegrees();
        form.lookAwaySeconds = settings.lookAwaySeconds();
        form.noiseSeconds = settings.noiseSeconds();
        form.identityAttempts = settings.identityAttempts();
        form.retentionDays = settings.retentionDays();
        form.consentNote = settings.consentNote();
        form.quizUrl = settings.quizUrl().orElse("");
        form.closesAt = settings.closesAt().map(CLOSE_TIME::format).orElse("");
        return form;
    }

    /** The settings the form describes; {@link IllegalArgumentException} says in plain words which value is wrong. */
    ExamSettings toSettings() {
        Set<Check> checks = EnumSet.noneOf(Check.class);
        for (Check check : Check.values()) {
            if (Boolean.TRUE.equals(enabled.get(check.id()))) {
                checks.add(check);
            }
        }
        return new ExamSettings(required(frameIntervalSeconds, "The frame interval"), checks,
                required(noFaceSeconds, "The no-face time"), required(lookAwayYawDegrees, "The looking-away angles"),
                required(lookAwayPitchDegrees, "The looking-away angles"),
                required(lookAwaySeconds, "The looking-away time"), required(noiseSeconds, "The noise time"),
                required(identityAttempts, "The number of identity attempts"),
                required(retentionDays, "The retention"), consentNote, Optional.ofNullable(quizUrl),
                ExamSettings.closeTime(closesAt));
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required.");
        }
        return value;
    }

    public Map<String, Boolean> getEnabled() {
        return enabled;
    }

    public Integer getFrameIntervalSeconds() {
        return frameIntervalSeconds;
    }

    public void setFrameIntervalSeconds(Integer frameIntervalSeconds) {
        this.frameIntervalSeconds = frameIntervalSeconds;
    }

    public Integer getNoFaceSeconds() {
        return noFaceSeconds;
    }

    public void setNoFaceSeconds(Integer noFaceSeconds) {
        this.noFaceSeconds = noFaceSeconds;
    }

    public Double getLookAwayYawDegrees() {
        return lookAwayYawDegrees;
    }

    public void setLookAwayYawDegrees(Double lookAwayYawDegrees) {
        this.lookAwayYawDegrees = lookAwayYawDegrees;
    }

    public Double getLookAwayPitchDegrees() {
        return lookAwayPitchDegrees;
    }

    public void setLookAwayPitchDegrees(Double lookAwayPitchDegrees) {
        this.lookAwayPitchDegrees = lookAwayPitchDegrees;
    }

    public Integer getLookAwaySeconds() {
        return lookAwaySeconds;
    }

    public void setLookAwaySeconds(Integer lookAwaySeconds) {
        this.lookAwaySeconds = lookAwaySeconds;
    }

    public Integer getNoiseSeconds() {
        return noiseSeconds;
    }

    public void setNoiseSeconds(Integer noiseSeconds) {
        this.noiseSeconds = noiseSeconds;
    }

    public Integer getIdentityAttempts() {
        return identityAttempts;
    }

    public void setIdentityAttempts(Integer identityAttempts) {
        this.identityAttempts = identityAttempts;
    }

    public Integer getRetentionDays() {
        return retentionDays;
    }

    public void setRetentionDays(Integer retentionDays) {
        this.retentionDays = retentionDays;
    }

    public String getConsentNote() {
        return consentNote;
    }

    public void setConsentNote(String consentNote) {
        this.consentNote = consentNote;
    }

    public String getQuizUrl() {
        return quizUrl;
    }

    public void setQuizUrl(String quizUrl) {
        this.quizUrl = quizUrl;
    }

    public String getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(String closesAt) {
        this.closesAt = closesAt;
    }
}
