package org.invigil.monitoring.entity;

import java.util.Arrays;
import java.util.Optional;
import org.invigil.exam.entity.Check;

/**
 * The incident rules, each with the check that switches it on, whether it signals possible misconduct or only
 * insufficient evidence (poor capture is never suspicion), its weight in the integrity score, and the plain
 * sentence a reviewer and the student read.
 */
public enum Rule {
    NO_FACE("no-face", Check.CAMERA, Kind.SUSPICION, 10, "No face was visible to the camera."),
    SEVERAL_FACES("several-faces", Check.CAMERA, Kind.SUSPICION, 25, "More than one face was visible."),
    DIFFERENT_PERSON("different-person", Check.IDENTITY, Kind.SUSPICION, 40,
            "The person in front of the camera did not match the person verified at the start."),
    DUPLICATE_FACE("duplicate-face", Check.IDENTITY, Kind.SUSPICION, 40,
            "The face at the identity check matched another student's reference photo in this course "
                    + "(a possible proxy test-taker)."),
    LOOKING_AWAY("looking-away", Check.HEAD_POSE, Kind.SUSPICION, 5,
            "The head was turned away from the screen for longer than the set time."),
    CAMERA_COVERED("camera-covered", Check.CAMERA, Kind.SUSPICION, 20, "The camera was covered or saw nothing."),
    CAMERA_FROZEN("camera-frozen", Check.CAMERA, Kind.SUSPICION, 20,
            "The camera sent the same picture again and again (a frozen or replayed feed)."),
    CAMERA_OFF("camera-off", Check.CAMERA, Kind.SUSPICION, 15,
            "No pictures arrived from the camera, or the browser reported the camera stopped."),
    CAMERA_DARK("camera-dark", Check.CAMERA, Kind.INSUFFICIENT_EVIDENCE, 0,
            "The picture was too dark to see the student: insufficient evidence, not a sign of misconduct."),
    CAMERA_BLURRED("camera-blurred", Check.CAMERA, Kind.INSUFFICIENT_EVIDENCE, 0,
            "The picture was too blurred to analyse: insufficient evidence, not a sign of misconduct."),
    TAB_HIDDEN("tab-hidden", Check.BROWSER, Kind.SUSPICION, 10, "The exam page was hidden (another tab or window)."),
    FOCUS_LOST("focus-lost", Check.BROWSER, Kind.SUSPICION, 5, "The exam page lost focus to another window."),
    FULLSCREEN_EXIT("fullscreen-exit", Check.BROWSER, Kind.SUSPICION, 5, "The exam page left full screen."),
    COPY_PASTE("copy-paste", Check.BROWSER, Kind.SUSPICION, 10, "Text was copied, cut or pasted in the exam page."),
    PRINT("print", Check.BROWSER, Kind.SUSPICION, 5, "The exam page was printed."),
    SEVERAL_SCREENS("several-screens", Check.BROWSER, Kind.SUSPICION, 10,
            "The browser reported more than one screen."),
    NOISE("noise", Check.AUDIO, Kind.SUSPICION, 5, "Voices or noise were heard for longer than the set time."),
    MONITORING_ENDED_EARLY("monitoring-ended-early", Check.CAMERA, Kind.COVERAGE, 0,
            "Monitoring ended before the quiz was submitted."),
    NOT_MONITORED("not-monitored", Check.CAMERA, Kind.COVERAGE, 0,
            "Part of the quiz time was not monitored (no picture and no sign of the monitor).");

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

    Rule(String id, Check check, Kind kind, int weight, String description) {
        this.id = id;
        this.check = check;
        this.kind = kind;
        this.weight = weight;
        this.description = description;
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

    public static Optional<Rule> of(String id) {
        return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
    }
}
