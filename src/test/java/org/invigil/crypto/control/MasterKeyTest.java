package org.invigil.crypto.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    final MasterKey key = new MasterKey(new byte[32]);

    @Test
    void sealedValuesOpenForTheirPurpose() {
        byte[] secret = "private key".getBytes(StandardCharsets.UTF_8);
        String sealed = key.seal(secret, "tool-key");
        assertFalse(sealed.contains("private"));
        assertArrayEquals(secret, key.open(sealed, "tool-key"));
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        byte[] secret = {1, 2, 3};
        assertNotEquals(key.seal(secret, "p"), key.seal(secret, "p"));
    }

    @Test
    void refusesAnotherPurposeAnotherKeyOrAlteredValue() {
        String sealed = key.seal(new byte[] {1, 2, 3}, "tool-key");
        assertThrows(SealedValueException.class, () -> key.open(sealed, "evidence"));
        byte[] other = new byte[32];
        other[0] = 1;
        assertThrows(SealedValueException.class, () -> new MasterKey(other).open(sealed, "tool-key"));
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThrows(SealedValueException.class, () -> key.open(altered, "tool-key"));
        assertThrows(SealedValueException.class, () -> key.open("garbage", "tool-key"));
    }

    @Test
    void derivedKeysDifferByPurpose() {
        assertEquals(32, key.derive("a").length);
        assertFalse(java.util.Arrays.equals(key.derive("a"), key.derive("b")));
        assertArrayEquals(key.derive("a"), new MasterKey(new byte[32]).derive("a"));
    }
}
