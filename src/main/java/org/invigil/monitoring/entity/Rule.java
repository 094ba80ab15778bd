package org.invigil.monitoring.entity;

import java.util.Arrays;
import java.util.Optional;
import org.invigil.exam.entity.Check;

/**
 * The incident rules, each with the check that switches it on, whether it signals possible misconduct or only
 * insufficient evidence (poor capture is never suspicion), its weight in the integrity score, the plain sentence a
 * reviewer and the student read, and how its strength is computed (a measurement, or the rule's formula).
 */
public enum Rule {
    NO_FACE("no-face", Check.CAMERA, Kind.SUSPICION, 10, "No face was visible to the camera.",
            "the time seen ÷ twice the set time, from 0.5 to 1 (a rule strength: longer, more "
                    + "weight)"),
    SEVERAL_FACES("several-faces", Check.CAMERA, Kind.SUSPICION, 25, "More than one face was visible.",
            "measured: the lowest face score among the faces in those pictures (the detector's, or Face Mesh's face "
                    + "presence for a followed face)"),
    DIFFERENT_PERSON("different-person", Check.IDENTITY, Kind.SUSPICION, 40,
            "The person in front of the camera did not match the person verified at the start.",
            "0.6 + 0.4 × the share of clear mismatches among the comparisons (a rule "
                    + "strength)"),
    DUPLICATE_FACE("duplicate-face", Check.IDENTITY, Kind.SUSPICION, 40,
            "The face at the identity check matched another student's reference photo in this course "
                    + "(a possible proxy test-taker).",
            "measured: the descriptor score of the closest other student's reference through "
                    + "the identity calibration (0 at the end of the review band, 0.5 at the match "
                    + "threshold, 1 at the calibration's typical same-person score)"),
    LOOKING_AWAY("looking-away", Check.HEAD_POSE, Kind.SUSPICION, 5,
            "The head was turned away from the screen for longer than the set time.",
            "the time seen ÷ twice the set time, from 0.5 to 1 (a rule strength: longer, more "
                    + "weight)"),
    CAMERA_COVERED("camera-covered", Check.CAMERA, Kind.SUSPICION, 20, "The camera was covered or saw nothing.",
            "0.5 + 0.1 per picture in the run, at most 1 (a rule strength: more pictures in a "
                    + "row, more weight)"),
    CAMERA_FROZEN("camera-frozen", Check.CAMERA, Kind.SUSPICION, 20,
            "The camera sent the same picture again and again (a frozen or replayed feed).",
            "0.7 + 0.05 per identical picture, at most 1 (a rule strength)"),
    CAMERA_OFF("camera-off", Check.CAMERA, Kind.SUSPICION, 15,
            "No pictures arrived from the camera, or the browser reported the camera stopped.",
            "always 1: a fact (the browser reported the camera stopped, or no picture arrived for the set "
                    + "time), not a measurement"),
    CAMERA_DARK("camera-dark", Check.CAMERA, Kind.INSUFFICIENT_EVIDENCE, 0,
            "The picture was too dark to see the student: insufficient evidence, not a sign of misconduct.",
            "0.5 + 0.1 per picture in the run, at most 1 (a rule strength: more pictures in a "
                    + "row, more weight)"),
    CAMERA_BLURRED("camera-blurred", Check.CAMERA, Kind.INSUFFICIENT_EVIDENCE, 0,
            "The picture was too blurred to analyse: insufficient evidence, not a sign of misconduct.",
            "0.5 + 0.1 per picture in the run, at most 1 (a rule strength: more pictures in a "
                    + "row, more weight)"),
    TAB_HIDDEN("tab-hidden", Check.BROWSER, Kind.SUSPICION, 10, "The exam page was hidden (another tab or window).",
            "always 1: a fact the browser reported, not a measurement"),
    FOCUS_LOST("focus-lost", Check.BROWSER, Kind.SUSPICION, 5, "The exam page lost focus to another window.",
            "always 1: a fact the browser reported, not a measurement"),
    FULLSCREEN_EXIT("fullscreen-exit", Check.BROWSER, Kind.SUSPICION, 5, "The exam page left full screen.",
            "always 1: a fact the browser reported, not a measurement"),
    COPY_PASTE("copy-paste", Check.BROWSER, Kind.SUSPICION, 10, "Text was copied, cut or pasted in the exam page.",
            "always 1: a fact the browser reported, not a measurement"),
    PRINT("print", Check.BROWSER, Kind.SUSPICION, 5, "The exam page was printed.",
            "always 1: a fact the browser reported, not a measurement"),
    SEVERAL_SCREENS("several-screens", Check.BROWSER, Kind.SUSPICION, 10,
            "The browser reported more than one screen.",
            "always 1: a fact the browser reported, not a measurement"),
    NOISE("noise", Check.AUDIO, Kind.SUSPICION, 5, "Voices or noise were heard for longer than the set time.",
            "measured: twice the sound level the browser measured (0–1), from 0.5 to 1 (0.5 when no "
                    + "level was reported)"),
    MONITORING_ENDED_EARLY("monitoring-ended-early", Check.CAMERA, Kind.COVERAGE, 0,
            "Monitoring ended before the quiz was submitted.",
            "always 1: a fact (the submission seen by the exam-page agent came after the end, or never), "
                    + "not a measurement"),
    NOT_MONITORED("not-monitored", Check.CAMERA, Kind.COVERAGE, 0,
            "Part of the quiz time was not monitored (no picture and no sign of the monitor).",
            "always 1: a fact (nothing arrived from the monitor for the stretch shown), not a measurement");

    /**
     * Whether an incident may indicate misconduct, only that the capture was not good enough to tell, or that part of
     * the quiz was not watched at all (coverage: no points, but a person reviews).
     */
    public enum Kind { SUSPICION, INSUFFICIENT_EVIDENCE, COVERAGE }

    private final String id;
    private final Check check;
    private final Kind kind;
    private final int weight;
    private final String description;
    private final String strength;

    Rule(String id, Check check, Kind kind, int weight, String description, String strength) {
        this.id = id;
        this.check = check;
        this.kind = kind;
        this.weight = weight;
        this.description = description;
        this.strength = strength;
    }

    public String id() {
        return id;
    }

    public Check check() {
        return check;
    }

    public Kind kind() {
        return kind;
    }

    /** Points the rule can take off the integrity score at most (0 for insufficient evidence). */
    public int weight() {
        return weight;
    }

    public String description() {
        return description;
    }

    /**
     * How the rule's strength (0–1, what the integrity score multiplies the weight by) is computed, in words a
     * reviewer reads next to the number: "measured: ..." where it is a detector's or a calibrated measurement,
     * otherwise the rule's own formula, or 1 for a fact the browser or the server observed.
     */
    public String strength() {
        return strength;
    }

    public static Optional<Rule> of(String id) {
        return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
    }
}
