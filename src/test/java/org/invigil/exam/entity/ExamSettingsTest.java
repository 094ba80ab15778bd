package org.invigil.exam.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExamSettingsTest {

    static ExamSettings with(int interval, int noFace, double yaw, double pitch, int lookAway, int noise, int attempts,
                             int retention) {
        return new ExamSettings(interval, EnumSet.of(Check.CAMERA), noFace, yaw, pitch, lookAway, noise, attempts,
                retention, "", Optional.empty());
    }

    @Test
    void defaultsAreTheSafeOnes() {
        ExamSettings d = ExamSettings.defaults();
        assertFalse(d.enabled(Check.HEAD_POSE), "looking away to think is not cheating");
        assertEquals(3, d.frameIntervalSeconds());
        assertTrue(d.identityRequired());
        assertTrue(d.enabled(Check.LIVENESS));
        assertTrue(d.enabled(Check.CAMERA));
        assertEquals(30, d.retentionDays());
        assertEquals("", d.consentNote());
        assertEquals(Optional.empty(), d.quizUrl());
    }

    @Test
    void jsonRoundTripKeepsEverySetting() {
        ExamSettings settings = new ExamSettings(7, EnumSet.of(Check.HEAD_POSE, Check.CAMERA, Check.AUDIO), 45, 22.5,
                17.25, 9, 11, 5, 90, "Bring your student card.", Optional.of("https://lms.example.org/mod/quiz/1"),
                Optional.of(Instant.parse("2026-12-07T15:00:00Z")));
        ExamSettings read = ExamSettings.fromJson(settings.toJson());
        assertEquals(settings, read);
        assertEquals(settings.toJson(), read.toJson());
    }

    @Test
    void jsonRoundTripKeepsNoChecksAtAll() {
        ExamSettings none = ExamSettings.defaults().withChecks(Set.of());
        assertEquals(Set.of(), ExamSettings.fromJson(none.toJson()).checks(),
                "an empty list of checks is not a missing one");
    }

    @Test
    void olderJsonWithoutMembersTakesTheDefaults() {
        assertEquals(ExamSettings.defaults(), ExamSettings.fromJson("{}"));
        ExamSettings d = ExamSettings.defaults();
        ExamSettings expected = new ExamSettings(5, d.checks(), d.noFaceSeconds(), d.lookAwayYawDegrees(),
                d.lookAwayPitchDegrees(), d.lookAwaySeconds(), d.noiseSeconds(), d.identityAttempts(), 14,
                d.consentNote(), d.quizUrl());
        assertEquals(expected, ExamSettings.fromJson("{\"frameIntervalSeconds\":5,\"retentionDays\":14}"));
    }

    @Test
    void unknownCheckIdsInJsonAreIgnored() {
        ExamSettings read = ExamSettings.fromJson("{\"checks\":[\"camera\",\"telepathy\",42]}");
        assertEquals(Set.of(Check.CAMERA), read.checks());
    }

    @Test
    void jsonOutOfBoundsIsRejectedToo() {
        assertThrows(IllegalArgumentException.class, () -> ExamSettings.fromJson("{\"frameIntervalSeconds\":0}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "frame interval 1    | 1,  10, 30, 20,   2,   5,  3,   30 | The frame interval must be between 2 and 60 seconds, not 1.",
            "frame interval 61   | 61, 10, 30, 20,   2,   5,  3,   30 | The frame interval must be between 2 and 60 seconds, not 61.",
            "no face 2           | 3,   2, 30, 20,   2,   5,  3,   30 | The no-face time must be between 3 and 600 seconds, not 2.",
            "no face 601         | 3, 601, 30, 20,   2,   5,  3,   30 | The no-face time must be between 3 and 600 seconds, not 601.",
            "look away 0         | 3,  10, 30, 20,   0,   5,  3,   30 | The looking-away time must be between 1 and 120 seconds, not 0.",
            "look away 121       | 3,  10, 30, 20, 121,   5,  3,   30 | The looking-away time must be between 1 and 120 seconds, not 121.",
            "noise 0             | 3,  10, 30, 20,   2,   0,  3,   30 | The noise time must be between 1 and 120 seconds, not 0.",
            "attempts 0          | 3,  10, 30, 20,   2,   5,  0,   30 | The number of identity attempts must be between 1 and 10, not 0.",
            "attempts 11         | 3,  10, 30, 20,   2,   5, 11,   30 | The number of identity attempts must be between 1 and 10, not 11.",
            "retention 0         | 3,  10, 30, 20,   2,   5,  3,    0 | The retention must be between 1 and 3650 days, not 0.",
            "retention 3651      | 3,  10, 30, 20,   2,   5,  3, 3651 | The retention must be between 1 and 3650 days, not 3651.",
            "yaw 4               | 3,  10,  4, 20,   2,   5,  3,   30 | The looking-away angles must be between 5 and 90 degrees.",
            "pitch 91            | 3,  10, 30, 91,   2,   5,  3,   30 | The looking-away angles must be between 5 and 90 degrees."})
    void outOfBoundsSettingsAreRejectedWithAClearMessage(String what, String values, String message) {
        String[] v = values.split(",");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> with(
                Integer.parseInt(v[0].strip()), Integer.parseInt(v[1].strip()), Double.parseDouble(v[2].strip()),
                Double.parseDouble(v[3].strip()), Integer.parseInt(v[4].strip()), Integer.parseInt(v[5].strip()),
                Integer.parseInt(v[6].strip()), Integer.parseInt(v[7].strip())));
        assertEquals(message, refused.getMessage());
    }

    @Test
    void theBoundsThemselvesAreAllowed() {
        with(ExamSettings.MIN_FRAME_INTERVAL, 3, 5, 5, 1, 1, 1, 1);
        with(ExamSettings.MAX_FRAME_INTERVAL, 600, 90, 90, 120, 120, 10, 3650);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, -30})
    void undefinedAnglesAreRejected(double angle) {
        assertThrows(IllegalArgumentException.class, () -> with(3, 10, angle, 20, 2, 5, 3, 30));
        assertThrows(IllegalArgumentException.class, () -> with(3, 10, 30, angle, 2, 5, 3, 30));
    }

    @Test
    void theConsentNoteIsTrimmedAndLimited() {
        ExamSettings spaced = new ExamSettings(3, Set.of(), 10, 30, 20, 2, 5, 3, 30, "  Be on time.\n",
                Optional.empty());
        assertEquals("Be on time.", spaced.consentNote());
        ExamSettings none = new ExamSettings(3, Set.of(), 10, 30, 20, 2, 5, 3, 30, null, Optional.empty());
        assertEquals("", none.consentNote());
        String tooLong = "x".repeat(2001);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ExamSettings(3, Set.of(), 10, 30, 20, 2, 5, 3, 30, tooLong, Optional.empty()));
        assertTrue(refused.getMessage().contains("2000"), refused.getMessage());
    }

    @Test
    void aBlankQuizUrlIsNoQuizUrl() {
        assertEquals(Optional.empty(), ExamSettings.defaults().withQuizUrl(Optional.of("   ")).quizUrl());
        assertEquals(Optional.of("https://lms.example.org/q"),
                ExamSettings.defaults().withQuizUrl(Optional.of(" https://lms.example.org/q ")).quizUrl());
    }

    @Test
    void theChecksCannotBeChangedFromOutside() {
        Set<Check> mutable = EnumSet.of(Check.CAMERA);
        ExamSettings settings = ExamSettings.defaults().withChecks(mutable);
        mutable.add(Check.HEAD_POSE);
        assertFalse(settings.enabled(Check.HEAD_POSE));
        assertThrows(UnsupportedOperationException.class, () -> settings.checks().add(Check.AUDIO));
    }

    @Test
    void changingTheFrameIntervalKeepsTheRest() {
        ExamSettings changed = ExamSettings.defaults().withFrameInterval(10);
        assertEquals(10, changed.frameIntervalSeconds());
        assertEquals(ExamSettings.defaults(), changed.withFrameInterval(3));
        assertThrows(IllegalArgumentException.class, () -> ExamSettings.defaults().withFrameInterval(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-12-07T15:00:00Z      | 2026-12-07T15:00:00Z",
        "2026-12-07 15:00          | 2026-12-07T15:00:00Z",
        "2026-12-07T16:00+01:00    | 2026-12-07T15:00:00Z",
        "2026-12-07T15:00:00.000Z  | 2026-12-07T15:00:00Z",
        "2026-12-07T10:00:00-05:00 | 2026-12-07T15:00:00Z"})
    void aCloseTimeIsReadAsPeopleAndPlatformsWriteIt(String text, String instant) {
        assertEquals(Optional.of(Instant.parse(instant)), ExamSettings.closeTime(text));
    }

    @Test
    void anEmptyCloseTimeIsNoneAndNonsenseIsRefusedInWords() {
        assertEquals(Optional.empty(), ExamSettings.closeTime("  "));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ExamSettings.closeTime("next Tuesday"));
        assertTrue(refused.getMessage().startsWith("The close time must be a date and time"), refused.getMessage());
        assertTrue(refused.getMessage().contains("\"next Tuesday\""), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExamSettings.fromJson("{\"closesAt\": \"3026-01-01T00:00Z\"}"));
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> ExamSettings.fromJson("{\"closesAt\": 1765119600}"));
        assertTrue(number.getMessage().startsWith("The close time must be"), number.getMessage());
        assertEquals(Optional.empty(), ExamSettings.fromJson("{\"closesAt\": null}").closesAt());
    }

    @Test
    void settingsWithoutACloseTimeSayNone() {
        assertEquals(Optional.empty(), ExamSettings.defaults().closesAt());
        assertFalse(ExamSettings.defaults().toJson().contains("closesAt"));
        assertEquals(Optional.empty(), ExamSettings.fromJson("{}").closesAt());
    }
}
