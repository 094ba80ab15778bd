package org.invigil.identity.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.invigil.crypto.control.Aead;
import org.invigil.crypto.control.SealedValueException;
import org.invigil.vision.entity.FaceDescriptor;
import org.invigil.vision.entity.ModelVersion;
import org.junit.jupiter.api.Test;

class DescriptorsTest {

    static final ModelVersion SFACE = new ModelVersion("face_recognition_sface_2021dec", "1.0.0",
            "github opencv/opencv_zoo", "Apache-2.0");

    static FaceDescriptor descriptor(int dimensions, long seed) {
        Random random = new Random(seed);
        float[] values = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return new FaceDescriptor(values, SFACE);
    }

    @Test
    void aDescriptorSurvivesEncodingWithItsModel() {
        FaceDescriptor original = descriptor(128, 1);
        FaceDescriptor decoded = Descriptors.decode(Descriptors.encode(original));
        assertEquals(original, decoded);
        assertEquals(SFACE, decoded.model());
        assertArrayEquals(original.values(), decoded.values());
        assertEquals(0.0, original.distanceTo(decoded));
    }

    @Test
    void extremeValuesAndNonAsciiModelNamesSurvive() {
        ModelVersion model = new ModelVersion("réseau-visage", "2.0", "npm @vladmandic/face-api", "MIT");
        float[] values = {0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1e-30f, 0.1f};
        FaceDescriptor original = new FaceDescriptor(values, model);
        FaceDescriptor decoded = Descriptors.decode(Descriptors.encode(original));
        assertEquals(original, decoded);
        assertEquals(model, decoded.model());
    }

    @Test
    void theLargestPlausibleDescriptorSurvives() {
        FaceDescriptor big = descriptor(4096, 2);
        assertEquals(big, Descriptors.decode(Descriptors.encode(big)));
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] encoded = Descriptors.encode(descriptor(16, 3));
        for (int length = 0; length < encoded.length; length++) {
            byte[] cut = Arrays.copyOf(encoded, length);
            assertThrows(IllegalArgumentException.class, () -> Descriptors.decode(cut), "length " + length);
        }
    }

    @Test
    void anUnknownFormatIsRejected() {
        byte[] encoded = Descriptors.encode(descriptor(16, 4));
        encoded[0] = 2;
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Descriptors.decode(encoded));
        assertTrue(refused.getMessage().contains("format"), refused.getMessage());
    }

    @Test
    void anImplausibleLengthIsRejectedBeforeAllocating() {
        byte[] encoded = Descriptors.encode(descriptor(4, 5));
        int lengthAt = encoded.length - 4 * Float.BYTES - Integer.BYTES;
        for (int length : new int[] {0, -1, 4097, Integer.MAX_VALUE}) {
            byte[] altered = encoded.clone();
            ByteBuffer.wrap(altered).putInt(lengthAt, length);
            assertThrows(IllegalArgumentException.class, () -> Descriptors.decode(altered), "length " + length);
        }
    }

    @Test
    void aSealedDescriptorOpensOnlyForItsSessionAndUnaltered() {
        byte[] key = Aead.newKey();
        byte[] place = "baseline:session-1".getBytes(StandardCharsets.UTF_8);
        FaceDescriptor original = descriptor(128, 6);
        byte[] sealed = Aead.seal(key, Descriptors.encode(original), place);
        assertEquals(original, Descriptors.decode(Aead.open(key, sealed, place)));
        assertThrows(SealedValueException.class,
                () -> Aead.open(key, sealed, "baseline:session-2".getBytes(StandardCharsets.UTF_8)));
        byte[] altered = sealed.clone();
        altered[altered.length / 2] ^= 0x40;
        assertThrows(SealedValueException.class, () -> Aead.open(key, altered, place));
    }
}
