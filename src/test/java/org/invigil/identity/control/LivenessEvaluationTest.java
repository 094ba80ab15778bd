package org.invigil.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.invigil.identity.entity.LivenessSample;
import org.junit.jupiter.api.Test;

class LivenessEvaluationTest {

    static final List<String> IN_ORDER = LivenessEvaluation.STEPS;
    static final double OPEN = 0.30;

    /** The samples of one challenge, built step by step. */
    static final class Recording {
        final List<String> steps;
        final List<LivenessSample> samples = new ArrayList<>();

        Recording(List<String> steps) {
            this.steps = steps;
        }

        Recording frame(String step, int faces, Double yaw, Double eyes) {
            int index = steps.indexOf(step);
            int frame = (int) samples.stream().filter(s -> s.step() == index).count();
            samples.add(new LivenessSample("challenge-1", index, frame, faces, yaw, eyes));
            return this;
        }

        /** One face per frame, with these yaws, eyes open. */
        Recording yaws(String step, double... yaws) {
            for (double yaw : yaws) {
                frame(step, 1, yaw, OPEN);
            }
            return this;
        }

        /** One face per frame looking straight ahead (yaw 0), with these eye openings. */
        Recording eyes(String step, double... openings) {
            for (double eyes : openings) {
                frame(step, 1, 0.0, eyes);
            }
            return this;
        }

        /** A frame whose face the descriptors said was another person's. */
        Recording otherPerson(String step, double yaw, double eyes) {
            int index = steps.indexOf(step);
            int frame = (int) samples.stream().filter(s -> s.step() == index).count();
            samples.add(new LivenessSample("challenge-1", index, frame, 1, yaw, eyes, 0.8, 0.8, true));
            return this;
        }

        LivenessEvaluation.Verdict verdict() {
            return LivenessEvaluation.of(steps, samples);
        }
    }

    @Test
    void threeFramesOfAnotherPersonFailTheChallengeAsADifferentFace() {
        Recording proxy = alive(IN_ORDER).otherPerson("turn-left", 25, OPEN).otherPerson("turn-left", 26, OPEN)
                .otherPerson("turn-right", -25, OPEN);
        LivenessEvaluation.Verdict verdict = proxy.verdict();
        assertFalse(verdict.passed());
        assertTrue(verdict.differentFace());
        assertEquals(LivenessEvaluation.DIFFERENT_FACE, verdict.message());
        assertEquals(3.0 / 15, verdict.otherShare(), 1e-9);
    }

    @Test
    void aMovementMadeOnlyByAnotherPersonDoesNotCount() {
        Recording swap = new Recording(IN_ORDER).eyes("blink", OPEN, OPEN, 0.12, OPEN)
                .yaws("turn-left", 0, 1, 2).otherPerson("turn-left", 25, OPEN).otherPerson("turn-left", 26, OPEN)
                .yaws("turn-right", -3, -12, -21, -24);
        LivenessEvaluation.Verdict verdict = swap.verdict();
        assertFalse(verdict.differentFace(), "two frames are not yet a different face");
        assertEquals(List.of("turn-left"), verdict.failedSteps());
    }

    static Recording alive(List<String> steps) {
        return new Recording(steps)
                .eyes("blink", OPEN, OPEN, 0.12, OPEN)
                .yaws("turn-left", 2, 10, 22, 25)
                .yaws("turn-right", -3, -12, -21, -24);
    }

    @Test
    void aRealBlinkAndTurnsBothWaysPass() {
        LivenessEvaluation.Verdict verdict = alive(IN_ORDER).verdict();
        assertTrue(verdict.passed(), verdict.message());
        assertTrue(verdict.failedSteps().isEmpty());
    }

    @Test
    void theOrderOfTheStepsDoesNotMatter() {
        LivenessEvaluation.Verdict verdict = alive(List.of("turn-right", "blink", "turn-left")).verdict();
        assertTrue(verdict.passed(), verdict.message());
    }

    @Test
    void aStillPhotoFailsEveryStep() {
        Recording photo = new Recording(IN_ORDER);
        for (String step : IN_ORDER) {
            for (int i = 0; i < 5; i++) {
                photo.frame(step, 1, 3.5, 0.27);
            }
        }
        LivenessEvaluation.Verdict verdict = photo.verdict();
        assertFalse(verdict.passed());
        assertEquals(IN_ORDER, verdict.failedSteps());
    }

    @Test
    void aBlinkMustCloseTheEyesToAtMostFourFifthsOfTheirOpenSize() {
        Recording blink = new Recording(IN_ORDER).eyes("blink", OPEN, OPEN, OPEN * 0.79, OPEN)
                .yaws("turn-left", 0, 20, 20).yaws("turn-right", 0, -20, -20);
        assertTrue(blink.verdict().passed(), blink.verdict().message());
        Recording squint = new Recording(IN_ORDER).eyes("blink", OPEN, OPEN, OPEN * 0.85, OPEN)
                .yaws("turn-left", 0, 20, 20).yaws("turn-right", 0, -20, -20);
        assertEquals(List.of("blink"), squint.verdict().failedSteps());
    }

    @Test
    void eyesThatNeverLookOpenCannotBlink() {
        Recording recording = new Recording(IN_ORDER).eyes("blink", 0.12, 0.12, 0.05, 0.12)
                .yaws("turn-left", 0, 20).yaws("turn-left", 20).yaws("turn-right", 0, -20, -20);
        assertEquals(List.of("blink"), recording.verdict().failedSteps());
    }

    @Test
    void aTurnMustReachFifteenDegreesEachWay() {
        Recording enough = new Recording(IN_ORDER).eyes("blink", OPEN, OPEN, 0.1)
                .yaws("turn-left", 0, 8, 15).yaws("turn-right", 0, -8, -15);
        assertTrue(enough.verdict().passed(), enough.verdict().message());
        Recording shy = new Recording(IN_ORDER).eyes("blink", OPEN, OPEN, 0.1)
                .yaws("turn-left", 0, 8, 14).yaws("turn-right", 0, -8, -14);
        assertEquals(List.of("turn-left", "turn-right"), shy.verdict().failedSteps());
    }

    @Test
    void turnDirectionMattersPositiveYawIsThePersonsOwnLeft() {
        Recording wrongWay = new Recording(IN_ORDER).eyes("blink", OPEN, OPEN, 0.1)
                .yaws("turn-left", 0, -20, -25).yaws("turn-right", 0, 20, 25);
        LivenessEvaluation.Verdict verdict = wrongWay.verdict();
        assertFalse(verdict.passed());
        assertEquals(List.of("turn-left", "turn-right"), verdict.failedSteps());
    }

    @Test
    void turnsAreMeasuredFromTheStraightAheadPositionOfTheBlinkStep() {
        Recording atAnAngle = new Recording(IN_ORDER);
        for (double eyes : new double[] {OPEN, OPEN, 0.1, OPEN}) {
            atAnAngle.frame("blink", 1, 20.0, eyes);
        }
        atAnAngle.yaws("turn-left", 20, 28, 30).yaws("turn-right", 20, 10, 4);
        assertEquals(List.of("turn-left"), atAnAngle.verdict().failedSteps(),
                "30 degrees is only 10 beyond where the student sat; 4 is 16 the other way");
    }

    @Test
    void tooFewFramesWithOneFaceFailWithAMessage() {
        Recording recording = new Recording(IN_ORDER).eyes("blink", OPEN, OPEN, 0.1)
                .yaws("turn-left", 0, 20, 22)
                .yaws("turn-right", 0, -20)
                .frame("turn-right", 2, -22.0, OPEN)
                .frame("turn-right", 0, null, null);
        LivenessEvaluation.Verdict verdict = recording.verdict();
        assertFalse(verdict.passed());
        assertEquals(List.of("turn-right"), verdict.failedSteps());
        assertTrue(verdict.message().contains(LivenessEvaluation.describe("turn-right")), verdict.message());
        assertTrue(verdict.message().contains("not clearly visible"), verdict.message());
    }

    @Test
    void noFramesAtAllFailEveryStep() {
        LivenessEvaluation.Verdict verdict = new Recording(IN_ORDER).verdict();
        assertFalse(verdict.passed());
        assertEquals(IN_ORDER, verdict.failedSteps());
        assertFalse(verdict.message().isBlank());
    }

    @Test
    void withoutAStraightAheadPositionNoTurnCanBeJudged() {
        Recording recording = new Recording(IN_ORDER).yaws("turn-left", 0, 20, 25).yaws("turn-right", 0, -20, -25);
        assertEquals(IN_ORDER, recording.verdict().failedSteps());
    }

    @Test
    void theVerdictMessageNamesEveryFailedStep() {
        Recording recording = new Recording(IN_ORDER).eyes("blink", OPEN, OPEN, OPEN).yaws("turn-left", 0, 1, 2)
                .yaws("turn-right", 0, -20, -20);
        String message = recording.verdict().message();
        assertTrue(message.contains(LivenessEvaluation.describe("blink")), message);
        assertTrue(message.contains(LivenessEvaluation.describe("turn-left")), message);
        assertFalse(message.contains(LivenessEvaluation.describe("turn-right")), message);
    }
}
