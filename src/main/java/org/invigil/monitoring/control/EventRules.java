package org.invigil.monitoring.control;

import static org.invigil.json.control.BoundedJson.JSON;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.ExamSettings;
import org.invigil.monitoring.entity.Rule;

/**
 * The rules over browser events: a hidden page or lost focus is an incident from the event until the page is back;
 * fullscreen exit, copy/cut/paste, print and several screens are moments; the camera stopping opens a camera-off
 * incident; voices or noise count when they lasted the set time. A monitoring gap (the monitor's own timer came
 * late: the computer slept, the browser froze the page) is Invigil's gap in monitoring, kept with the events and never
 * an incident of the student's. Content (what was copied, what was said) is never received.
 */
public final class EventRules {

    public static final Set<String> TYPES = Set.of("page-hidden", "page-visible", "focus-lost", "focus-regained",
            "fullscreen-exit", "fullscreen-enter", "copy", "cut", "paste", "print", "context-menu",
            "multiple-screens", "camera-ended", "camera-muted", "camera-unmuted", "heartbeat", "audio-voice",
            "audio-noise", "monitoring-gap");

    static final String DETECTOR = "Invigil browser client";

    /** What an event does to the incidents of a rule. */
    public enum Change { OPEN, CLOSE, MOMENT }

    public record Effect(Rule rule, Change change, Instant since, Instant until, double strength, String threshold,
                         String detail) {
    }

    private EventRules() {
    }

    public static List<Effect> of(String type, Instant at, Optional<String> data, ExamSettings settings,
                                  Set<Check> active) {
        List<Effect> effects = switch (type) {
            case "page-hidden" -> List.of(open(Rule.TAB_HIDDEN, at, "The page was hidden."));
            case "page-visible" -> List.of(close(Rule.TAB_HIDDEN, at));
            case "focus-lost" -> List.of(open(Rule.FOCUS_LOST, at, "The page lost focus."));
            case "focus-regained" -> List.of(close(Rule.FOCUS_LOST, at));
            case "fullscreen-exit" -> List.of(moment(Rule.FULLSCREEN_EXIT, at, at, "Left full screen."));
            case "copy", "cut", "paste" -> List.of(moment(Rule.COPY_PASTE, at, at,
                    "Event: " + type + " (the content is not recorded)."));
            case "print" -> List.of(moment(Rule.PRINT, at, at, "The print dialog was opened."));
            case "multiple-screens" -> number(data, "screens").filter(screens -> screens > 1)
                    .map(screens -> List.of(moment(Rule.SEVERAL_SCREENS, at, at,
                            "The browser reported " + screens.intValue() + " screens.")))
                    .orElse(List.of());
            case "camera-ended", "camera-muted" -> List.of(open(Rule.CAMERA_OFF, at,
                    "The browser reported the camera " + (type.equals("camera-ended") ? "stopped." : "muted.")));
            case "camera-unmuted" -> List.of(close(Rule.CAMERA_OFF, at));
            case "audio-voice", "audio-noise" -> noise(type, at, data, settings);
            case "monitoring-gap" -> List.of(); // Invigil's own gap, not the student's behaviour
            default -> List.of();
        };
        return effects.stream().filter(effect -> active.contains(effect.rule().check())).toList();
    }

    private static List<Effect> noise(String type, Instant at, Optional<String> data, ExamSettings settings) {
        double millis = number(data, "durationMs").orElse(0.0);
        Optional<Double> level = number(data, "level");
        if (millis < settings.noiseSeconds() * 1000.0) {
            return List.of();
        }
        String what = type.equals("audio-voice") ? "Voices" : "Noise";
        // measured: twice the level, 0.5-1; without a level the formula's floor, and the detail says so
        return List.of(new Effect(Rule.NOISE, Change.MOMENT, at.minusMillis((long) millis), at,
                level.map(l -> Math.max(0.5, Math.min(1, l * 2))).orElse(0.5),
                "sound for " + settings.noiseSeconds() + " s or longer",
                String.format(Locale.ROOT, "%s for %.0f s (%s).", what, millis / 1000,
                        level.map(l -> String.format(Locale.ROOT, "level %.2f", l)).orElse("level not reported"))));
    }

    private static Effect open(Rule rule, Instant at, String detail) {
        return new Effect(rule, Change.OPEN, at, at, 1.0, "reported by the browser", detail);
    }

    private static Effect close(Rule rule, Instant at) {
        return new Effect(rule, Change.CLOSE, at, at, 1.0, "reported by the browser", "");
    }

    private static Effect moment(Rule rule, Instant since, Instant until, String detail) {
        return new Effect(rule, Change.MOMENT, since, until, 1.0, "reported by the browser", detail);
    }

    static Optional<Double> number(Optional<String> data, String member) {
        if (data.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonObject json = JSON.createReader(new StringReader(data.get())).readObject();
            return json.get(member) instanceof JsonNumber value ? Optional.of(value.doubleValue()) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }
}
