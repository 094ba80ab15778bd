package org.invigil.exam.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a change of an exam's settings changed, in the words the audit log keeps: {@code frame interval 3 → 5 s;
 * checks: head pose on, audio off}. Only what differs is named; the consent note is quoted (shortened when long).
 */
public record SettingsChanges(List<String> changes) {

    static final int QUOTED_NOTE = 200;

    public SettingsChanges {
        changes = List.copyOf(changes);
    }

    public static SettingsChanges between(ExamSettings before, ExamSettings after) {
        List<String> changes = new ArrayList<>();
        number(changes, "frame interval", before.frameIntervalSeconds(), after.frameIntervalSeconds(), " s");
        List<String> checks = new ArrayList<>();
        for (Check check : Check.values()) {
            if (before.enabled(check) != after.enabled(check)) {
                checks.add(check.id().replace('-', ' ') + (after.enabled(check) ? " on" : " off"));
            }
        }
        if (!checks.isEmpty()) {
            changes.add("checks: " + String.join(", ", checks));
        }
        number(changes, "no-face time", before.noFaceSeconds(), after.noFaceSeconds(), " s");
        degrees(changes, "looking-away turn", before.lookAwayYawDegrees(), after.lookAwayYawDegrees());
        degrees(changes, "looking-away tilt", before.lookAwayPitchDegrees(), after.lookAwayPitchDegrees());
        number(changes, "looking-away time", before.lookAwaySeconds(), after.lookAwaySeconds(), " s");
        number(changes, "noise time", before.noiseSeconds(), after.noiseSeconds(), " s");
        number(changes, "identity attempts", before.identityAttempts(), after.identityAttempts(), "");
        number(changes, "retention", before.retentionDays(), after.retentionDays(), " days");
        if (!before.consentNote().equals(after.consentNote())) {
            changes.add(after.consentNote().isEmpty() ? "consent note removed"
                    : (before.consentNote().isEmpty() ? "consent note set: " : "consent note changed: ")
                    + quoted(after.consentNote()));
        }
        if (!before.quizUrl().equals(after.quizUrl())) {
            changes.add("quiz address " + address(before.quizUrl()) + " → " + address(after.quizUrl()));
        }
        if (!before.closesAt().equals(after.closesAt())) {
            changes.add("close time " + closeTime(before.closesAt()) + " → " + closeTime(after.closesAt()));
        }
        return new SettingsChanges(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes joined by "; ", or "saved without change". */
    public String summary() {
        return isEmpty() ? "saved without change" : String.join("; ", changes);
    }

    private static void number(List<String> changes, String what, int before, int after, String unit) {
        if (before != after) {
            changes.add(what + " " + before + " → " + after + unit);
        }
    }

    private static void degrees(List<String> changes, String what, double before, double after) {
        if (Double.compare(before, after) != 0) {
            changes.add(what + " " + plain(before) + " → " + plain(after) + "°");
        }
    }

    /** 30.0 as "30", 22.5 as "22.5". */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String quoted(String note) {
        String oneLine = note.replaceAll("\\s+", " ");
        return "\"" + (oneLine.length() <= QUOTED_NOTE ? oneLine : oneLine.substring(0, QUOTED_NOTE - 1) + "…") + "\"";
    }

    /** "2026-12-07 15:00 UTC", or "none". */
    public static String closeTime(Optional<Instant> at) {
        return at.map(CLOSE_TIME::format).orElse("none");
    }

    private static final DateTimeFormatter CLOSE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static String address(Optional<String> url) {
        return url.orElse("none");
    }
}
