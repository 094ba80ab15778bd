package org.invigil.journey.control;

import java.util.ArrayList;
import java.util.List;
import org.invigil.vision.entity.Face;
import org.invigil.vision.entity.FrameAnalysis;

/** Plain advice on one camera picture, from the server's own analysis: what to change so the checks can see you. */
public final class SystemCheck {

    public record Advice(boolean ok, int faces, double brightness, double sharpness, List<String> advice) {
    }

    private SystemCheck() {
    }

    public static Advice of(FrameAnalysis analysis) {
        List<String> advice = new ArrayList<>();
        double brightness = analysis.quality().brightness();
        double sharpness = analysis.quality().sharpness();
        if (brightness < 25 && analysis.quality().contrast() < 10) {
            advice.add("The camera seems covered: remove any cover or sticker from the lens.");
        } else if (brightness < 60) {
            advice.add("Your picture is dark: turn on a light in front of you, not behind you.");
        } else if (brightness > 215) {
            advice.add("Your picture is very bright: move away from a window or a light behind you.");
        }
        if (sharpness < 12 && brightness >= 45) {
            advice.add("Your picture is blurred: clean the lens and hold still.");
        }
        if (analysis.faceCount() == 0) {
            advice.add("We cannot see your face: sit facing the camera, with your whole face in the picture.");
        } else if (analysis.faceCount() > 1) {
            advice.add("We see more than one face: make sure you are alone in the picture.");
        } else {
            Face face = analysis.faces().get(0);
            double share = face.box().width() / Math.max(1, analysis.width());
            if (share < 0.15) {
                advice.add("Move a little closer to the camera.");
            } else if (share > 0.7) {
                advice.add("Move a little further from the camera.");
            }
            double centre = face.box().centre().x() / Math.max(1, analysis.width());
            if (centre < 0.2 || centre > 0.8) {
                advice.add("Move so that your face is near the middle of the picture.");
            }
        }
        boolean ok = advice.isEmpty();
        if (ok) {
            advice.add("Your camera and lighting are good.");
        }
        return new Advice(ok, analysis.faceCount(), brightness, sharpness, advice);
    }
}
