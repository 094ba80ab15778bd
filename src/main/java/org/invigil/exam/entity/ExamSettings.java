package org.invigil.exam.entity;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * How an exam is proctored. The defaults are the safe ones: head pose is off (looking away to think is not
 * cheating), identity and liveness are on, frames every 3 s, evidence kept 30 days.
 *
 * @param frameIntervalSeconds seconds between webcam frames (2..60)
 * @param checks               the checks switched on
 * @param noFaceSeconds        how long no face may be seen before it is an incident
 * @param lookAwayYawDegrees   head turn left/right against the calibrated start that counts as looking away
 * @param lookAwayPitchDegrees head tilt up/down against the calibrated start that counts as looking away
 * @param lookAwaySeconds      how long a turn must be held to count
 * @param noiseSeconds         how long voices or noise must last to count
 * @param identityAttempts     how many identity and liveness attempts a student has before human review
 * @param retentionDays        how long evidence is kept after the exam
 * @param consentNote          the instructor's own words added to the consent page, may be empty
 * @param quizUrl              the LMS quiz this exam protects, where the exam-page agent embeds the monitor
 * @param closesAt             when the quiz closes, as the instructor set it: attempts still running then (plus the
 *                             student's extra time and a grace) end by themselves; a close time the platform sends
 *                             with the student's launch comes first
 */
public record ExamSettings(int frameIntervalSeconds, Set<Check> checks, int noFaceSeconds, double lookAwayYawDegrees,
                           double lookAwayPitchDegrees, int lookAwaySeconds, int noiseSeconds, int identityAttempts,
                           int retentionDays, String consentNote, Optional<String> quizUrl,
                           Optional<Instant> closesAt) {

    /** JSON-P's provider, looked up once: {@code Json.create...} looks it up again through the class path each call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final int MIN_FRAME_INTERVAL = 2;
    public static final int MAX_FRAME_INTERVAL = 60;

    public ExamSettings {
        within("The frame interval", frameIntervalSeconds, MIN_FRAME_INTERVAL, MAX_FRAME_INTERVAL, "seconds");
        within("The no-face time", noFaceSeconds, 3, 600, "seconds");
        within("The looking-away time", lookAwaySeconds, 1, 120, "seconds");
        within("The noise time", noiseSeconds, 1, 120, "seconds");
        within("The number of identity attempts", identityAttempts, 1, 10, "");
        within("The retention", retentionDays, 1, 3650, "days");
        if (!(lookAwayYawDegrees >= 5 && lookAwayYawDegrees <= 90) || !(lookAwayPitchDegrees >= 5
                && lookAwayPitchDegrees <= 90)) {
            throw new IllegalArgumentException("The looking-away angles must be between 5 and 90 degrees.");
        }
        checks = checks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(checks));
        consentNote = consentNote == null ? "" : consentNote.strip();
        if (consentNote.length() > 2000) {
            throw new IllegalArgumentException("The consent note must be at most 2000 characters.");
        }
        quizUrl = quizUrl.map(String::strip).filter(url -> !url.isEmpty());
        if (quizUrl.isPresent() && !quizUrl.get().matches("(?i)https?://\\S+") || quizUrl.map(String::length).orElse(0) > 1000) {
            throw new IllegalArgumentException("The quiz address must be an http(s) URL of at most 1000 characters.");
        }
        closesAt = closesAt == null ? Optional.empty() : closesAt;
        if (closesAt.filter(at -> at.isBefore(EARLIEST_CLOSE) || at.isAfter(LATEST_CLOSE)).isPresent()) {
            throw new IllegalArgumentException("The close time must be between 2000 and 2999.");
        }
    }

    /** Settings without a close time. */
    public ExamSettings(int frameIntervalSeconds, Set<Check> checks, int noFaceSeconds, double lookAwayYawDegrees,
                        double lookAwayPitchDegrees, int lookAwaySeconds, int noiseSeconds, int identityAttempts,
                        int retentionDays, String consentNote, Optional<String> quizUrl) {
        this(frameIntervalSeconds, checks, noFaceSeconds, lookAwayYawDegrees, lookAwayPitchDegrees, lookAwaySeconds,
                noiseSeconds, identityAttempts, retentionDays, consentNote, quizUrl, Optional.empty());
    }

    private static final Instant EARLIEST_CLOSE = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST_CLOSE = Instant.parse("2999-12-31T23:59:59Z");

    /**
     * A close time as a person or a platform writes it: ISO 8601 with an offset ({@code 2026-12-07T15:00:00Z},
     * {@code 2026-12-07T16:00+01:00}) or without one, then UTC ({@code 2026-12-07 15:00}); empty text is no close
     * time. Anything else is refused in words.
     */
    public static Optional<Instant> closeTime(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String iso = text.strip().replace(' ', 'T');
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("The close time must be a date and time such as "
                        + "2026-12-07 15:00 (UTC) or 2026-12-07T16:00+01:00, not \"" + shortened(text.strip()) + "\".");
            }
        }
    }

    /** The close time of settings JSON: absent or null is none, text is read as {@link #closeTime(String)}. */
    private static Optional<Instant> closeTime(JsonObject json) {
        JsonValue value = json.getOrDefault("closesAt", JsonValue.NULL);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString text)) {
            throw new IllegalArgumentException("The close time must be a date and time as text, such as "
                    + "\"2026-12-07T15:00:00Z\", or null.");
        }
        return closeTime(text.getString());
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }

    public static ExamSettings defaults() {
        return new ExamSettings(3, EnumSet.of(Check.CAMERA, Check.IDENTITY, Check.LIVENESS, Check.BROWSER, Check.AUDIO),
                10, 30, 20, 2, 5, 3, 30, "", Optional.empty());
    }

    public boolean enabled(Check check) {
        return checks.contains(check);
    }

    public boolean identityRequired() {
        return enabled(Check.IDENTITY);
    }

    public ExamSettings withFrameInterval(int seconds) {
        return new ExamSettings(seconds, checks, noFaceSeconds, lookAwayYawDegrees, lookAwayPitchDegrees,
                lookAwaySeconds, noiseSeconds, identityAttempts, retentionDays, consentNote, quizUrl, closesAt);
    }

    public ExamSettings withChecks(Set<Check> enabled) {
        return new ExamSettings(frameIntervalSeconds, enabled, noFaceSeconds, lookAwayYawDegrees, lookAwayPitchDegrees,
                lookAwaySeconds, noiseSeconds, identityAttempts, retentionDays, consentNote, quizUrl, closesAt);
    }

    public ExamSettings withQuizUrl(Optional<String> url) {
        return new ExamSettings(frameIntervalSeconds, checks, noFaceSeconds, lookAwayYawDegrees, lookAwayPitchDegrees,
                lookAwaySeconds, noiseSeconds, identityAttempts, retentionDays, consentNote, url, closesAt);
    }

    public String toJson() {
        JsonArrayBuilder enabled = JSON.createArrayBuilder();
        checks.stream().sorted().forEach(check -> enabled.add(check.id()));
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("frameIntervalSeconds", frameIntervalSeconds)
                .add("checks", enabled)
                .add("noFaceSeconds", noFaceSeconds)
                .add("lookAwayYawDegrees", lookAwayYawDegrees)
                .add("lookAwayPitchDegrees", lookAwayPitchDegrees)
                .add("lookAwaySeconds", lookAwaySeconds)
                .add("noiseSeconds", noiseSeconds)
                .add("identityAttempts", identityAttempts)
                .add("retentionDays", retentionDays)
                .add("consentNote", consentNote);
        quizUrl.ifPresent(url -> json.add("quizUrl", url));
        closesAt.ifPresent(at -> json.add("closesAt", at.toString()));
        return json.build().toString();
    }

    /** Reads settings written by {@link #toJson}; members missing from older rows take their defaults. */
    public static ExamSettings fromJson(String text) {
        ExamSettings d = defaults();
        JsonObject json = JSON.createReader(new StringReader(text)).readObject();
        Set<Check> checks = d.checks();
        if (json.containsKey("checks")) {
            checks = EnumSet.noneOf(Check.class);
            for (JsonValue value : json.getJsonArray("checks")) {
                if (value instanceof JsonString id) {
                    Check.of(id.getString()).ifPresent(checks::add);
                }
            }
        }
        return new ExamSettings(json.getInt("frameIntervalSeconds", d.frameIntervalSeconds()), checks,
                json.getInt("noFaceSeconds", d.noFaceSeconds()),
                json.containsKey("lookAwayYawDegrees") ? json.getJsonNumber("lookAwayYawDegrees").doubleValue()
                        : d.lookAwayYawDegrees(),
                json.containsKey("lookAwayPitchDegrees") ? json.getJsonNumber("lookAwayPitchDegrees").doubleValue()
                        : d.lookAwayPitchDegrees(),
                json.getInt("lookAwaySeconds", d.lookAwaySeconds()), json.getInt("noiseSeconds", d.noiseSeconds()),
                json.getInt("identityAttempts", d.identityAttempts()), json.getInt("retentionDays", d.retentionDays()),
                json.getString("consentNote", ""), Optional.ofNullable(json.getString("quizUrl", null)),
                closeTime(json));
    }

    private static void within(String what, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max
                    + (unit.isEmpty() ? "" : " " + unit) + ", not " + value + ".");
        }
    }
}
