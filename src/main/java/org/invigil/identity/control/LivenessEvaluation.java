package org.invigil.identity.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.invigil.identity.entity.LivenessSample;

/**
 * Judges a liveness challenge from the measurements of its frames. Each step needs at least
 * {@value #MIN_FACE_FRAMES} frames with exactly one face. A blink is the eyes closing to at most
 * {@value #BLINK_RATIO} of their open size; a turn is the head's yaw moving at least {@value #TURN_DEGREES}° from its
 * straight-ahead position (taken from the blink step) in the asked direction. Yaw is positive when the face turns
 * to the person's own left. A photo held to the camera cannot blink or turn, and fails. Both thresholds are checked
 * on real frames in {@code LivenessOnRealFramesTest}: with Face Mesh, eyes really closed read 0.70 of their open size
 * and a still photo's eye openness wavers by less than 4% under camera noise; a head turned about 35° reads 19-21°
 * of yaw.
 *
 * <p>Each frame's face is also compared with the identity capture and the reference photo: frames of another person
 * never count towards a step, and {@value #MIN_FACE_FRAMES} or more of them fail the whole challenge as a different
 * face (someone else making the movements for the student).
 */
public final class LivenessEvaluation {

    public static final int MIN_FACE_FRAMES = 3;
    static final double BLINK_RATIO = 0.80;
    static final double TURN_DEGREES = 15;

    public static final List<String> STEPS = List.of("blink", "turn-left", "turn-right");

    /**
     * @param differentFace the movements were made by a face other than the identity capture's or the reference's
     * @param otherShare    the share of the burst's face frames whose face was another person (0 to 1)
     */
    public record Verdict(boolean passed, List<String> failedSteps, String message, boolean differentFace,
                          double otherShare) {

        public Verdict(boolean passed, List<String> failedSteps, String message) {
            this(passed, failedSteps, message, false, 0);
        }
    }

    public static final String DIFFERENT_FACE = "The face making the movements was not the face of your identity "
            + "check. The movements must be made by you, alone in front of the camera.";

    private LivenessEvaluation() {
    }

    public static Verdict of(List<String> steps, List<LivenessSample> all) {
        long withFace = all.stream().filter(sample -> sample.faceCount() >= 1).count();
        long others = all.stream().filter(sample -> sample.faceCount() >= 1 && sample.otherPerson()).count();
        if (others >= MIN_FACE_FRAMES) {
            return new Verdict(false, List.copyOf(steps), DIFFERENT_FACE, true, (double) others / withFace);
        }
        List<LivenessSample> samples = all.stream().filter(sample -> !sample.otherPerson()).toList();
        List<String> failed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Optional<Double> straight = median(onStep(samples, steps.indexOf("blink")).stream()
                .map(LivenessSample::yaw).flatMap(Optional::stream).toList());
        for (int index = 0; index < steps.size(); index++) {
            String step = steps.get(index);
            List<LivenessSample> frames = onStep(samples, index);
            if (frames.size() < MIN_FACE_FRAMES) {
                failed.add(step);
                notes.add(describe(step) + ": your face was not clearly visible");
                continue;
            }
            boolean ok = switch (step) {
                case "blink" -> blinked(frames);
                case "turn-left" -> straight.isPresent() && turned(frames, straight.get(), +1);
                case "turn-right" -> straight.isPresent() && turned(frames, straight.get(), -1);
                default -> false;
            };
            if (!ok) {
                failed.add(step);
                notes.add(describe(step) + ": we could not see it");
            }
        }
        if (failed.isEmpty()) {
            return new Verdict(true, List.of(), "Liveness confirmed.");
        }
        return new Verdict(false, failed, String.join("; ", notes) + ".");
    }

    static boolean blinked(List<LivenessSample> frames) {
        List<Double> eyes = frames.stream().map(LivenessSample::eyeOpenness).flatMap(Optional::stream).toList();
        if (eyes.size() < MIN_FACE_FRAMES) {
            return false;
        }
        double open = eyes.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double closed = eyes.stream().mapToDouble(Double::doubleValue).min().orElse(open);
        return open > 0.15 && closed <= open * BLINK_RATIO;
    }

    static boolean turned(List<LivenessSample> frames, double straight, int direction) {
        return frames.stream().map(LivenessSample::yaw).flatMap(Optional::stream)
                .anyMatch(yaw -> (yaw - straight) * direction >= TURN_DEGREES);
    }

    private static List<LivenessSample> onStep(List<LivenessSample> samples, int step) {
        return samples.stream().filter(sample -> sample.step() == step && sample.faceCount() == 1).toList();
    }

    private static Optional<Double> median(List<Double> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = values.stream().sorted().toList();
        return Optional.of(sorted.get(sorted.size() / 2));
    }

    public static String describe(String step) {
        return switch (step) {
            case "blink" -> "Blink";
            case "turn-left" -> "Turn your head to your left";
            case "turn-right" -> "Turn your head to your right";
            default -> step.toUpperCase(Locale.ROOT);
        };
    }
}
