package org.invigil.monitoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.ExamSettings;
import org.invigil.monitoring.control.EventRules.Change;
import org.invigil.monitoring.control.EventRules.Effect;
import org.invigil.monitoring.entity.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventRulesTest {

    static final Instant AT = Instant.parse("2025-03-03T09:30:00Z");

    ExamSettings settings = ExamSettings.defaults();
    Set<Check> active = EnumSet.allOf(Check.class);

    List<Effect> of(String type, String data) {
        return EventRules.of(type, AT, Optional.ofNullable(data), settings, active);
    }

    Effect only(String type, String data) {
        List<Effect> effects = of(type, data);
        assertEquals(1, effects.size(), effects.toString());
        return effects.get(0);
    }

    @ParameterizedTest(name = "{0} -> {2} {1}")
    @CsvSource({
            "page-hidden,     TAB_HIDDEN,      OPEN",
            "page-visible,    TAB_HIDDEN,      CLOSE",
            "focus-lost,      FOCUS_LOST,      OPEN",
            "focus-regained,  FOCUS_LOST,      CLOSE",
            "camera-ended,    CAMERA_OFF,      OPEN",
            "camera-muted,    CAMERA_OFF,      OPEN",
            "camera-unmuted,  CAMERA_OFF,      CLOSE",
            "fullscreen-exit, FULLSCREEN_EXIT, MOMENT",
            "copy,            COPY_PASTE,      MOMENT",
            "cut,             COPY_PASTE,      MOMENT",
            "paste,           COPY_PASTE,      MOMENT",
            "print,           PRINT,           MOMENT"})
    void eachEventOpensClosesOrMarksAMomentOfItsRule(String type, Rule rule, Change change) {
        Effect effect = only(type, null);
        assertEquals(rule, effect.rule());
        assertEquals(change, effect.change());
        assertEquals(AT, effect.since());
        assertEquals(AT, effect.until());
        assertEquals(1.0, effect.strength(), "the browser reports it; there is no guessing");
        assertFalse(effect.threshold().isBlank());
    }

    @Test
    void theCameraOffIncidentSaysWhetherTheCameraStoppedOrWasMuted() {
        assertTrue(only("camera-ended", null).detail().contains("stopped"));
        assertTrue(only("camera-muted", null).detail().contains("muted"));
    }

    @Test
    void noiseWithoutALevelTakesTheFormulasFloorAndSaysSo() {
        Effect noise = only("audio-noise", "{\"durationMs\":9000}");
        assertEquals(0.5, noise.strength(), 1e-9, "no measured level, so no more than the floor");
        assertTrue(noise.detail().contains("level not reported"), noise.detail());
        assertEquals(0.8, only("audio-noise", "{\"durationMs\":9000,\"level\":0.4}").strength(), 1e-9,
                "twice the measured level");
    }

    @Test
    void aMonitoringGapIsInvigilsOwnAndNeverAnIncident() {
        assertTrue(EventRules.TYPES.contains("monitoring-gap"), "the monitor may report it");
        assertTrue(of("monitoring-gap", "{\"seconds\":60,\"reason\":\"hidden\"}").isEmpty());
        assertTrue(of("monitoring-gap", null).isEmpty());
    }

    @Test
    void copyAndPasteNameTheEventButNeverTheContent() {
        Effect paste = only("paste", "{\"text\":\"the answer is 42\"}");
        assertTrue(paste.detail().contains("paste"));
        assertFalse(paste.detail().contains("42"));
    }

    @Test
    void noiseCountsOnlyWhenItLastedTheSetTime() {
        int limitMs = settings.noiseSeconds() * 1000;
        assertTrue(of("audio-noise", "{\"durationMs\":" + (limitMs - 1) + ",\"level\":0.9}").isEmpty());
        Effect noise = only("audio-noise", "{\"durationMs\":" + limitMs + ",\"level\":0.9}");
        assertEquals(Rule.NOISE, noise.rule());
        assertEquals(Change.MOMENT, noise.change());
        assertEquals(AT.minusMillis(limitMs), noise.since(), "the sound began that long before the report");
        assertEquals(AT, noise.until());
    }

    @Test
    void theNoiseTimeFollowsTheSettings() {
        settings = new ExamSettings(3, settings.checks(), 10, 30, 20, 2, 20, 3, 30, "", Optional.empty());
        assertTrue(of("audio-voice", "{\"durationMs\":15000}").isEmpty(), "15 s with 20 s set");
        assertEquals(Duration.ofSeconds(25),
                Duration.between(only("audio-voice", "{\"durationMs\":25000}").since(), AT));
    }

    @Test
    void voicesAndNoiseAreToldApart() {
        assertTrue(only("audio-voice", "{\"durationMs\":8000}").detail().startsWith("Voices"));
        assertTrue(only("audio-noise", "{\"durationMs\":8000}").detail().startsWith("Noise"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{\"durationMs\":\"9000\"}", "{\"level\":1}"})
    void noiseWithoutAReadableDurationDoesNothing(String data) {
        assertTrue(of("audio-noise", data).isEmpty());
        assertTrue(of("audio-noise", null).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.1, 0.25, 0.5, 0.9, 1, 3})
    void noiseConfidenceStaysWithinHalfAndOne(double level) {
        double confidence = only("audio-voice", "{\"durationMs\":9000,\"level\":" + level + "}").strength();
        assertTrue(confidence >= 0.5 && confidence <= 1, String.valueOf(confidence));
    }

    @Test
    void louderNoiseIsSurer() {
        double quiet = only("audio-voice", "{\"durationMs\":9000,\"level\":0.3}").strength();
        double loud = only("audio-voice", "{\"durationMs\":9000,\"level\":0.45}").strength();
        assertTrue(loud > quiet, loud + " > " + quiet);
    }

    @Test
    void severalScreensOnlyWhenTheBrowserReportsMoreThanOne() {
        assertTrue(of("multiple-screens", "{\"screens\":1}").isEmpty());
        assertTrue(of("multiple-screens", "{\"screens\":0}").isEmpty());
        Effect two = only("multiple-screens", "{\"screens\":2}");
        assertEquals(Rule.SEVERAL_SCREENS, two.rule());
        assertEquals(Change.MOMENT, two.change());
        assertTrue(only("multiple-screens", "{\"screens\":3}").detail().contains("3 screens"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"screens\":\"2\"}", "screens=2"})
    void severalScreensWithoutACountDoNothing(String data) {
        assertTrue(of("multiple-screens", data).isEmpty());
        assertTrue(of("multiple-screens", null).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"heartbeat", "context-menu", "fullscreen-enter", "teleport", "PAGE-HIDDEN", ""})
    void heartbeatsAndUnknownTypesDoNothing(String type) {
        assertTrue(of(type, "{\"screens\":4,\"durationMs\":60000}").isEmpty());
    }

    @ParameterizedTest(name = "{0} with {1} off")
    @CsvSource({
            "page-hidden,      BROWSER",
            "page-visible,     BROWSER",
            "focus-lost,       BROWSER",
            "copy,             BROWSER",
            "print,            BROWSER",
            "fullscreen-exit,  BROWSER",
            "camera-ended,     CAMERA",
            "camera-unmuted,   CAMERA",
            "audio-voice,      AUDIO",
            "audio-noise,      AUDIO",
            "multiple-screens, BROWSER"})
    void aCheckSwitchedOffFiltersItsEffectsOut(String type, Check off) {
        String data = "{\"screens\":2,\"durationMs\":60000}";
        assertFalse(of(type, data).isEmpty(), "has an effect with every check on");
        active = EnumSet.complementOf(EnumSet.of(off));
        assertTrue(of(type, data).isEmpty());
    }

    @Test
    void everyKnownTypeIsHandledAndOnlyActiveRulesComeOut() {
        Set<Check> onlyCamera = EnumSet.of(Check.CAMERA);
        for (String type : EventRules.TYPES) {
            List<Effect> effects = EventRules.of(type, AT, Optional.of("{\"screens\":2,\"durationMs\":60000}"),
                    settings, onlyCamera);
            assertTrue(effects.stream().allMatch(e -> e.rule().check() == Check.CAMERA), type + ": " + effects);
        }
    }
}
