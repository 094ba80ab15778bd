package org.invigil.exam.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsChangesTest {

    static final ExamSettings DEFAULTS = ExamSettings.defaults();

    @Test
    void namesTheFrameIntervalAndTheChecksSwitchedOnAndOff() {
        ExamSettings after = DEFAULTS.withFrameInterval(5)
                .withChecks(EnumSet.of(Check.CAMERA, Check.IDENTITY, Check.LIVENESS, Check.BROWSER, Check.HEAD_POSE));
        assertEquals("frame interval 3 → 5 s; checks: head pose on, audio off",
                SettingsChanges.between(DEFAULTS, after).summary());
    }

    @Test
    void namesEveryThresholdWithItsUnit() {
        ExamSettings after = new ExamSettings(3, DEFAULTS.checks(), 20, 22.5, 15, 4, 8, 2, 60, "", Optional.empty());
        assertEquals(List.of("no-face time 10 → 20 s", "looking-away turn 30 → 22.5°", "looking-away tilt 20 → 15°",
                "looking-away time 2 → 4 s", "noise time 5 → 8 s", "identity attempts 3 → 2", "retention 30 → 60 days"),
                SettingsChanges.between(DEFAULTS, after).changes());
    }

    @Test
    void quotesTheConsentNoteAndNamesTheQuizAddressBeforeAndAfter() {
        ExamSettings noted = new ExamSettings(3, DEFAULTS.checks(), 10, 30, 20, 2, 5, 3, 30,
                "Questions to the course office,\n room 12.", Optional.of("https://lms.example.edu/mod/quiz/view.php?id=4"));
        assertEquals("consent note set: \"Questions to the course office, room 12.\"; quiz address none → "
                + "https://lms.example.edu/mod/quiz/view.php?id=4", SettingsChanges.between(DEFAULTS, noted).summary());
        assertEquals("consent note removed; quiz address https://lms.example.edu/mod/quiz/view.php?id=4 → none",
                SettingsChanges.between(noted, DEFAULTS).summary());
    }

    @Test
    void shortensALongConsentNote() {
        ExamSettings long1 = new ExamSettings(3, DEFAULTS.checks(), 10, 30, 20, 2, 5, 3, 30, "a".repeat(1500),
                Optional.empty());
        ExamSettings long2 = new ExamSettings(3, DEFAULTS.checks(), 10, 30, 20, 2, 5, 3, 30, "b".repeat(1500),
                Optional.empty());
        String summary = SettingsChanges.between(long1, long2).summary();
        assertTrue(summary.startsWith("consent note changed: \"bbb"), summary);
        assertTrue(summary.endsWith("…\""), summary);
        assertEquals("consent note changed: ".length() + SettingsChanges.QUOTED_NOTE + 2, summary.length());
    }

    @Test
    void namesTheCloseTimeBeforeAndAfterInUtc() {
        ExamSettings closing = new ExamSettings(3, DEFAULTS.checks(), 10, 30, 20, 2, 5, 3, 30, "", Optional.empty(),
                Optional.of(Instant.parse("2026-12-07T15:00:00Z")));
        assertEquals("close time none → 2026-12-07 15:00 UTC", SettingsChanges.between(DEFAULTS, closing).summary());
        assertEquals("close time 2026-12-07 15:00 UTC → none", SettingsChanges.between(closing, DEFAULTS).summary());
    }

    @Test
    void aSaveThatChangesNothingSaysSo() {
        SettingsChanges none = SettingsChanges.between(DEFAULTS, ExamSettings.fromJson(DEFAULTS.toJson()));
        assertTrue(none.isEmpty());
        assertEquals("saved without change", none.summary());
    }
}
