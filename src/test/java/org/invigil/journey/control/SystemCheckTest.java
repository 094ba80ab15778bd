package org.invigil.journey.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.invigil.vision.entity.Box;
import org.invigil.vision.entity.CaptureQuality;
import org.invigil.vision.entity.Face;
import org.invigil.vision.entity.FaceDetection;
import org.invigil.vision.entity.FrameAnalysis;
import org.invigil.vision.entity.FrameFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SystemCheckTest {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    static Face face(double centreX, double width) {
        double height = width * 1.2;
        return new Face(new FaceDetection(new Box(centreX - width / 2, HEIGHT / 2.0 - height / 2, width, height), 0.95,
                List.of()), Optional.empty());
    }

    static Face wellPlaced() {
        return face(WIDTH / 2.0, 200);
    }

    static FrameAnalysis picture(double brightness, double contrast, double sharpness, Face... faces) {
        return new FrameAnalysis(WIDTH, HEIGHT, List.of(faces),
                new CaptureQuality(brightness, contrast, sharpness, new FrameFingerprint(1L, 2L)), List.of());
    }

    static String advice(SystemCheck.Advice advice) {
        return String.join(" | ", advice.advice());
    }

    @Test
    void aWellLitSharpCentredFaceIsAllGood() {
        SystemCheck.Advice advice = SystemCheck.of(picture(130, 50, 90, wellPlaced()));
        assertTrue(advice.ok(), advice(advice));
        assertEquals(List.of("Your camera and lighting are good."), advice.advice());
        assertEquals(1, advice.faces());
        assertEquals(130, advice.brightness());
        assertEquals(90, advice.sharpness());
    }

    @Test
    void aCoveredCameraIsToldToBeUncoveredNotToTurnOnALight() {
        SystemCheck.Advice advice = SystemCheck.of(picture(10, 3, 1));
        assertFalse(advice.ok());
        assertTrue(advice(advice).contains("covered"), advice(advice));
        assertFalse(advice(advice).contains("dark"), advice(advice));
        assertFalse(advice(advice).contains("blurred"), "a covered lens is not a dirty lens: " + advice(advice));
    }

    @ParameterizedTest
    @CsvSource({"10, 30", "40, 40", "59, 40"})
    void aDarkPictureAsksForLightInFront(double brightness, double contrast) {
        SystemCheck.Advice advice = SystemCheck.of(picture(brightness, contrast, 60, wellPlaced()));
        assertFalse(advice.ok());
        assertTrue(advice(advice).contains("dark"), advice(advice));
        assertFalse(advice(advice).contains("covered"), advice(advice));
    }

    @Test
    void aVeryBrightPictureAsksToMoveAwayFromTheLight() {
        SystemCheck.Advice advice = SystemCheck.of(picture(230, 30, 60, wellPlaced()));
        assertFalse(advice.ok());
        assertTrue(advice(advice).contains("very bright"), advice(advice));
    }

    @Test
    void brightnessJustInsideTheGoodRangeIsFine() {
        assertTrue(SystemCheck.of(picture(60, 40, 60, wellPlaced())).ok());
        assertTrue(SystemCheck.of(picture(215, 40, 60, wellPlaced())).ok());
    }

    @Test
    void aBlurredPictureAsksToCleanTheLens() {
        SystemCheck.Advice advice = SystemCheck.of(picture(130, 40, 5, wellPlaced()));
        assertFalse(advice.ok());
        assertEquals(1, advice.advice().size(), advice(advice));
        assertTrue(advice(advice).contains("blurred"), advice(advice));
        assertTrue(SystemCheck.of(picture(130, 40, 12, wellPlaced())).ok(), "sharpness 12 is enough");
    }

    @Test
    void aDarkPictureIsNotCalledBlurredToo() {
        SystemCheck.Advice advice = SystemCheck.of(picture(30, 30, 2, wellPlaced()));
        assertFalse(advice(advice).contains("blurred"), advice(advice));
    }

    @Test
    void noFaceAsksToSitFacingTheCamera() {
        SystemCheck.Advice advice = SystemCheck.of(picture(130, 50, 90));
        assertFalse(advice.ok());
        assertEquals(0, advice.faces());
        assertTrue(advice(advice).contains("cannot see your face"), advice(advice));
    }

    @Test
    void severalFacesAskToBeAlone() {
        SystemCheck.Advice advice = SystemCheck.of(picture(130, 50, 90, wellPlaced(), face(100, 120)));
        assertFalse(advice.ok());
        assertEquals(2, advice.faces());
        assertTrue(advice(advice).contains("more than one face"), advice(advice));
    }

    @ParameterizedTest(name = "face {0} px wide: {1}")
    @CsvSource({"80, closer", "95, closer", "96, ", "448, ", "460, further", "600, further"})
    void theFaceShouldFillAReasonableShareOfThePicture(double faceWidth, String move) {
        SystemCheck.Advice advice = SystemCheck.of(picture(130, 50, 90, face(WIDTH / 2.0, faceWidth)));
        if (move == null) {
            assertTrue(advice.ok(), advice(advice));
        } else {
            assertFalse(advice.ok());
            assertTrue(advice(advice).contains(move), advice(advice));
        }
    }

    @ParameterizedTest(name = "face centred at x={0}: off-centre {1}")
    @CsvSource({"60, true", "127, true", "129, false", "320, false", "511, false", "513, true", "600, true"})
    void theFaceShouldBeNearTheMiddle(double centreX, boolean offCentre) {
        SystemCheck.Advice advice = SystemCheck.of(picture(130, 50, 90, face(centreX, 100)));
        assertEquals(offCentre, advice(advice).contains("middle"), advice(advice));
        assertEquals(!offCentre, advice.ok(), advice(advice));
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        SystemCheck.Advice advice = SystemCheck.of(picture(240, 50, 4, face(40, 60)));
        List<String> expected = new ArrayList<>(List.of("very bright", "blurred", "closer", "middle"));
        expected.removeIf(phrase -> advice(advice).contains(phrase));
        assertEquals(List.of(), expected, advice(advice));
        assertFalse(advice.ok());
    }
}
