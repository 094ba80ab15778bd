package org.invigil.monitoring.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.ExamSettings;
import org.invigil.monitoring.entity.Observation;
import org.invigil.monitoring.entity.Rule;

/**
 * The rules over frame analyses. Each looks at the trailing run of recent observations that meet its condition and
 * finds the condition holding when the run is long enough; a single odd frame never makes an incident. Poor capture
 * (dark, blurred) is reported as insufficient evidence and suppresses the face rules, so a dim room never reads as
 * "no face".
 */
public final class FrameRules {

    static final double COVERED_BRIGHTNESS = 25;
    static final double COVERED_CONTRAST = 10;
    static final double DARK_BRIGHTNESS = 45;
    static final double BLURRED_SHARPNESS = 12;
    static final int FROZEN_FRAMES = 3;

    /** The recent observations of one session, oldest first, and what the rules compare against. */
    public record Timeline(List<Observation> observations, ExamSettings settings, Set<Check> active,
                           Optional<Double> baselineYaw, Optional<Double> baselinePitch, String detector,
                           String model) {
        Observation latest() {
            return observations.get(observations.size() - 1);
        }

        Duration interval() {
            return Duration.ofSeconds(settings.frameIntervalSeconds());
        }
    }

    private FrameRules() {
    }

    /** The frame rules that apply to this session: those of its active checks. */
    public static List<Rule> applicable(Set<Check> active) {
        return List.of(Rule.NO_FACE, Rule.SEVERAL_FACES, Rule.DIFFERENT_PERSON, Rule.LOOKING_AWAY,
                        Rule.CAMERA_COVERED, Rule.CAMERA_FROZEN, Rule.CAMERA_DARK, Rule.CAMERA_BLURRED).stream()
                .filter(rule -> active.contains(rule.check())).toList();
    }

    public static List<Finding> evaluate(Timeline timeline) {
        List<Finding> findings = new ArrayList<>();
        if (timeline.observations().isEmpty()) {
            return findings;
        }
        for (Rule rule : applicable(timeline.active())) {
            Optional<Finding> finding = switch (rule) {
                case NO_FACE -> noFace(timeline);
                case SEVERAL_FACES -> severalFaces(timeline);
                case DIFFERENT_PERSON -> differentPerson(timeline);
                case LOOKING_AWAY -> lookingAway(timeline);
                case CAMERA_COVERED -> coveredRun(timeline);
                case CAMERA_DARK -> coveredRun(timeline).isPresent() ? Optional.empty()
                        : quality(timeline, Rule.CAMERA_DARK, o -> dark(o) || covered(o),
                        "brightness < " + DARK_BRIGHTNESS + " of 255");
                case CAMERA_BLURRED -> quality(timeline, Rule.CAMERA_BLURRED, FrameRules::blurred,
                        "sharpness (variance of the Laplacian at 320 px) < " + BLURRED_SHARPNESS);
                case CAMERA_FROZEN -> frozen(timeline);
                default -> Optional.empty();
            };
            finding.ifPresent(findings::add);
        }
        return findings;
    }

    static Optional<Finding> noFace(Timeline t) {
        List<Observation> run = trailing(t.observations(), o -> o.faceCount() == 0 && usable(o));
        Duration seen = span(run, t.interval());
        Duration limit = Duration.ofSeconds(t.settings().noFaceSeconds());
        if (run.size() < 2 || seen.compareTo(limit) < 0) {
            return Optional.empty();
        }
        return Optional.of(finding(t, Rule.NO_FACE, run, growing(seen, limit), "no face for " + limit.toSeconds()
                + " s", "No face in " + run.size() + " pictures over " + seen.toSeconds() + " s."));
    }

    static Optional<Finding> severalFaces(Timeline t) {
        List<Observation> run = trailing(t.observations(), o -> o.faceCount() >= 2);
        if (run.size() < 2) {
            return Optional.empty();
        }
        // measured: the lowest face score, the detector's or Face Mesh's presence (every picture with faces has one)
        double strength = run.stream().map(Observation::minFaceConfidence).flatMap(Optional::stream)
                .mapToDouble(Double::doubleValue).min().orElse(0.5);
        int most = run.stream().mapToInt(Observation::faceCount).max().orElse(2);
        return Optional.of(finding(t, Rule.SEVERAL_FACES, run, strength, "2 or more faces in 2 pictures in a row",
                "Up to " + most + " faces in " + run.size() + " pictures in a row."));
    }

    static Optional<Finding> differentPerson(Timeline t) {
        List<Observation> compared = t.observations().stream().filter(o -> o.identityVerdict().isPresent()).toList();
        List<Observation> run = trailing(compared, o -> !o.identityVerdict().get().equals("MATCH"));
        long clearMisses = run.stream().filter(o -> o.identityVerdict().get().equals("NO_MATCH")).count();
        if (run.size() < 2 || clearMisses == 0 && run.size() < 3) {
            return Optional.empty();
        }
        double meanScore = run.stream().mapToDouble(o -> o.identityScore().orElse(0.0)).average().orElse(0);
        return Optional.of(finding(t, Rule.DIFFERENT_PERSON, run, 0.6 + 0.4 * clearMisses / run.size(),
                "2 comparisons in a row without a match, at least one a clear mismatch (or 3 inconclusive)",
                String.format(Locale.ROOT, "%d comparisons in a row did not match (%d clearly; mean score %.2f).",
                        run.size(), clearMisses, meanScore)));
    }

    static Optional<Finding> lookingAway(Timeline t) {
        if (t.baselineYaw().isEmpty() || t.baselinePitch().isEmpty()) {
            return Optional.empty();
        }
        double yawLimit = t.settings().lookAwayYawDegrees();
        double pitchLimit = t.settings().lookAwayPitchDegrees();
        double baseYaw = t.baselineYaw().get();
        double basePitch = t.baselinePitch().get();
        List<Observation> run = trailing(t.observations(), o -> o.faceCount() >= 1 && o.yaw().isPresent()
                && (Math.abs(o.yaw().get() - baseYaw) > yawLimit
                || Math.abs(o.pitch().orElse(basePitch) - basePitch) > pitchLimit));
        Duration seen = span(run, t.interval());
        Duration limit = Duration.ofSeconds(t.settings().lookAwaySeconds());
        if (run.size() < 2 || seen.compareTo(limit) < 0) {
            return Optional.empty();
        }
        double worstYaw = run.stream().mapToDouble(o -> Math.abs(o.yaw().get() - baseYaw)).max().orElse(0);
        return Optional.of(finding(t, Rule.LOOKING_AWAY, run, growing(seen, limit), String.format(Locale.ROOT,
                "head turned > %.0f° (yaw) or > %.0f° (pitch) from the start for %d s", yawLimit, pitchLimit,
                limit.toSeconds()), String.format(Locale.ROOT, "Turned up to %.0f° from the starting position.",
                worstYaw)));
    }

    static Optional<Finding> quality(Timeline t, Rule rule, Predicate<Observation> condition, String threshold) {
        List<Observation> run = trailing(t.observations(), condition);
        if (run.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(finding(t, rule, run, Math.min(1, 0.5 + 0.1 * run.size()), threshold + " in 2 pictures in a row",
                run.size() + " pictures in a row."));
    }

    /**
     * A covered lens: dim, flat pictures in a row, at least one of them dark enough to count as covered. A camera
     * whose exposure flickers around the covered threshold stays covered rather than alternating with "dark".
     */
    static Optional<Finding> coveredRun(Timeline t) {
        List<Observation> run = trailing(t.observations(), o -> o.brightness() < DARK_BRIGHTNESS
                && o.contrast() < COVERED_CONTRAST);
        if (run.size() < 2 || run.stream().noneMatch(FrameRules::covered)) {
            return Optional.empty();
        }
        return Optional.of(finding(t, Rule.CAMERA_COVERED, run, Math.min(1, 0.5 + 0.1 * run.size()),
                "brightness < " + COVERED_BRIGHTNESS + " and contrast < " + COVERED_CONTRAST + " (then dim and flat) in "
                        + "2 pictures in a row", run.size() + " pictures in a row."));
    }

    static Optional<Finding> frozen(Timeline t) {
        List<Observation> all = t.observations();
        int identical = 1;
        for (int i = all.size() - 1; i > 0 && all.get(i).fingerprintExact() == all.get(i - 1).fingerprintExact(); i--) {
            identical++;
        }
        if (identical < FROZEN_FRAMES) {
            return Optional.empty();
        }
        List<Observation> run = all.subList(all.size() - identical, all.size());
        return Optional.of(finding(t, Rule.CAMERA_FROZEN, run, Math.min(1, 0.7 + 0.05 * identical),
                FROZEN_FRAMES + " pixel-identical pictures in a row (a live camera always has noise)",
                identical + " identical pictures in a row."));
    }

    public static boolean covered(Observation o) {
        return o.brightness() < COVERED_BRIGHTNESS && o.contrast() < COVERED_CONTRAST;
    }

    public static boolean dark(Observation o) {
        return o.brightness() < DARK_BRIGHTNESS && !covered(o);
    }

    public static boolean blurred(Observation o) {
        return o.sharpness() < BLURRED_SHARPNESS && !dark(o) && !covered(o);
    }

    public static boolean usable(Observation o) {
        return !covered(o) && !dark(o) && !blurred(o);
    }

    private static Finding finding(Timeline t, Rule rule, List<Observation> run, double strength, String threshold,
                                   String detail) {
        Instant since = run.get(0).capturedAt();
        return new Finding(rule, since, strength, threshold, t.detector(), t.model(), t.latest().qualitySummary(),
                detail);
    }

    /** The newest observations that all meet the condition, oldest first. */
    static List<Observation> trailing(List<Observation> observations, Predicate<Observation> condition) {
        int start = observations.size();
        while (start > 0 && condition.test(observations.get(start - 1))) {
            start--;
        }
        return observations.subList(start, observations.size());
    }

    /** How long a run of pictures covers: from the first to the last, plus the last picture's own interval. */
    static Duration span(List<Observation> run, Duration interval) {
        if (run.isEmpty()) {
            return Duration.ZERO;
        }
        return Duration.between(run.get(0).capturedAt(), run.get(run.size() - 1).capturedAt()).plus(interval);
    }

    /** A rule strength that grows from 0.5 at the threshold to 1 at twice the threshold. */
    static double growing(Duration seen, Duration limit) {
        double ratio = (double) seen.toMillis() / Math.max(1, limit.toMillis());
        return Math.max(0.5, Math.min(1, ratio / 2));
    }
}
