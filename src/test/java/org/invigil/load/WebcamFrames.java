package org.invigil.load;

import java.util.ArrayList;
import java.util.List;
import org.invigil.journey.boundary.TestPictures;

/**
 * The pictures the simulated students send, made once before the load from real photos (Debian packages, see
 * {@link TestPictures}): 640x480 webcam-like JPEGs of Grace Hopper alone, and of Grace Hopper with the astronaut
 * (Eileen Collins) beside her, each variant with its own sensor noise so that no two pictures a student sends in a row
 * are pixel-identical (the frozen-camera rule would fire); and the instructor's reference photo of Grace Hopper,
 * another picture of her than the camera's.
 */
final class WebcamFrames {

    private final List<byte[]> alone;
    private final List<byte[]> twoPeople;
    private final byte[] reference;

    private WebcamFrames(List<byte[]> alone, List<byte[]> twoPeople, byte[] reference) {
        this.alone = alone;
        this.twoPeople = twoPeople;
        this.reference = reference;
    }

    static WebcamFrames make(int variants) {
        List<byte[]> alone = new ArrayList<>();
        List<byte[]> two = new ArrayList<>();
        for (int i = 0; i < variants; i++) {
            alone.add(TestPictures.referencePerson());
        }
        for (int i = 0; i < Math.max(3, variants / 4); i++) {
            two.add(TestPictures.twoPeople());
        }
        return new WebcamFrames(List.copyOf(alone), List.copyOf(two), TestPictures.referencePhoto());
    }

    /** The student alone in front of the camera, the {@code i}-th picture. */
    byte[] alone(int i) {
        return alone.get(Math.floorMod(i, alone.size()));
    }

    /** The student and a second person, the {@code i}-th picture. */
    byte[] twoPeople(int i) {
        return twoPeople.get(Math.floorMod(i, twoPeople.size()));
    }

    /** The reference photo the instructor uploads for every student. */
    byte[] reference() {
        return reference.clone();
    }

    int averageAloneBytes() {
        return (int) alone.stream().mapToInt(b -> b.length).average().orElse(0);
    }
}
