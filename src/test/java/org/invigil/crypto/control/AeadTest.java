package org.invigil.crypto.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AeadTest {

    static final byte[] KEY = Aead.newKey();
    static final byte[] PLAIN = "a face descriptor, say".getBytes(StandardCharsets.UTF_8);
    static final byte[] PLACE = "baseline-descriptor:session-1".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedValuesOpenWithTheSameKeyAndAssociatedData() {
        byte[] sealed = Aead.seal(KEY, PLAIN, PLACE);
        assertArrayEquals(PLAIN, Aead.open(KEY, sealed, PLACE));
    }

    @Test
    void emptyAndLargeValuesRoundTrip() {
        assertArrayEquals(new byte[0], Aead.open(KEY, Aead.seal(KEY, new byte[0], PLACE), PLACE));
        byte[] large = new byte[1 << 20];
        Arrays.fill(large, (byte) 0x5A);
        assertArrayEquals(large, Aead.open(KEY, Aead.seal(KEY, large, new byte[0]), new byte[0]));
    }

    @Test
    void theSealedValueIsNonceThenCiphertextThenTag() {
        byte[] sealed = Aead.seal(KEY, PLAIN, PLACE);
        assertEquals(12 + PLAIN.length + 16, sealed.length);
    }

    @Test
    void sealingTwiceUsesAFreshNonce() {
        byte[] one = Aead.seal(KEY, PLAIN, PLACE);
        byte[] two = Aead.seal(KEY, PLAIN, PLACE);
        assertFalse(Arrays.equals(Arrays.copyOf(one, 12), Arrays.copyOf(two, 12)));
        assertFalse(Arrays.equals(one, two));
    }

    @Test
    void thePlaintextDoesNotShowInTheSealedValue() {
        byte[] sealed = Aead.seal(KEY, PLAIN, PLACE);
        String asText = new String(sealed, StandardCharsets.ISO_8859_1);
        assertFalse(asText.contains("descriptor"));
    }

    @Test
    void anyAlteredByteIsDetected() {
        byte[] sealed = Aead.seal(KEY, PLAIN, PLACE);
        for (int i = 0; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x01;
            assertThrows(SealedValueException.class, () -> Aead.open(KEY, altered, PLACE), "byte " + i);
        }
    }

    @Test
    void aTruncatedOrExtendedValueIsDetected() {
        byte[] sealed = Aead.seal(KEY, PLAIN, PLACE);
        for (int length = 0; length < sealed.length; length++) {
            byte[] cut = Arrays.copyOf(sealed, length);
            assertThrows(SealedValueException.class, () -> Aead.open(KEY, cut, PLACE), "length " + length);
        }
        assertThrows(SealedValueException.class, () -> Aead.open(KEY, Arrays.copyOf(sealed, sealed.length + 1), PLACE));
        assertThrows(SealedValueException.class, () -> Aead.open(KEY, null, PLACE));
    }

    @Test
    void aValueSealedForAnotherPlaceDoesNotOpen() {
        byte[] sealed = Aead.seal(KEY, PLAIN, PLACE);
        byte[] otherSession = "baseline-descriptor:session-2".getBytes(StandardCharsets.UTF_8);
        assertThrows(SealedValueException.class, () -> Aead.open(KEY, sealed, otherSession));
        assertThrows(SealedValueException.class, () -> Aead.open(KEY, sealed, new byte[0]));
    }

    @Test
    void anotherKeyDoesNotOpen() {
        byte[] sealed = Aead.seal(KEY, PLAIN, PLACE);
        byte[] other = KEY.clone();
        other[31] ^= 0x01;
        assertThrows(SealedValueException.class, () -> Aead.open(other, sealed, PLACE));
    }

    @Test
    void newKeysAre256BitsAndDiffer() {
        byte[] one = Aead.newKey();
        byte[] two = Aead.newKey();
        assertEquals(32, one.length);
        assertFalse(Arrays.equals(one, two));
    }
}
