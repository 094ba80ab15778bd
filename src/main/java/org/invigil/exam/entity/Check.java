package org.invigil.exam.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * A check an exam can switch on or off, and a student's accommodation can switch off for that student alone. Each
 * says in plain words what it captures, for the consent page.
 */
public enum Check {
    CAMERA("camera", "Webcam monitoring",
            "A webcam picture every few seconds, analysed for whether your face is visible, whether someone else "
                    + "is with you, and whether the camera is covered, dark, blurred or frozen. Pictures are deleted "
                    + "right after analysis unless they show an incident."),
    IDENTITY("identity", "Identity check",
            "One picture of your face before the exam, compared with your reference photo; during the exam, "
                    + "a check that the same person is present. A numeric description of your face (not the picture) "
                    + "is used for the comparison."),
    LIVENESS("liveness", "Liveness check",
            "A few pictures while you blink and turn your head, to make sure a live person is in front of the "
                    + "camera. Only the movement measurements are kept, not the pictures."),
    HEAD_POSE("head-pose", "Looking away",
            "The direction your head is turned, compared with how you sat at the start. Looking away for a "
                    + "moment is normal; only long or repeated turns are noted."),
    BROWSER("browser", "Browser activity",
            "When the exam page is hidden or loses focus, when you leave full screen, and when you copy, cut, "
                    + "paste or print. The content you copy or paste is never recorded."),
    AUDIO("audio", "Sound level",
            "The loudness of sound around you, measured in your browser. Sound is never recorded or uploaded; "
                    + "only sustained voices or noise are noted."),
    LIVE_PICTURE("live-picture", "Live picture for your instructor",
            "Your latest webcam picture, shown small to your instructor on the live monitor during the exam, so "
                    + "they can see a problem and help. It is kept in memory only, replaced by the next picture, "
                    + "and never stored.");

    private final String id;
    private final String title;
    private final String captures;

    Check(String id, String title, String captures) {
        this.id = id;
        this.title = title;
        this.captures = captures;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String captures() {
        return captures;
    }

    public static Optional<Check> of(String id) {
        return Arrays.stream(values()).filter(check -> check.id.equals(id)).findFirst();
    }
}
