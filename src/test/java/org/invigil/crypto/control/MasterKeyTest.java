package org.invigil.crypto.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aGeneratedKeyFileIsOwnerOnlyAndNeverWrittenWhereSomeoneElseHoldsItOpen(@TempDir Path data)
            throws IOException {
        // Another local user plants the file the old code wrote the key into first, world-readable, and keeps it
        // open: whatever is written into that file later can be read through the open channel, chmod or not.
        Path planted = data.resolve("master.key.tmp");
        Files.createFile(planted, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        try (FileChannel spy = FileChannel.open(planted, StandardOpenOption.READ)) {
            Path file = data.resolve("master.key");
            byte[] generated = new MasterKey().readOrCreate(file);

            assertEquals(32, generated.length);
            assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Set.copyOf(Files.getPosixFilePermissions(file)));
            ByteBuffer seen = ByteBuffer.allocate(256);
            int read = spy.read(seen, 0);
            assertTrue(read <= 0, "the key was written into a file another user held open");
            assertArrayEquals(generated, Base64.getDecoder().decode(Files.readString(file).trim()));
            try (var left = Files.list(data)) {
                assertEquals(Set.of(planted.getFileName().toString(), "master.key"),
                        Set.copyOf(left.map(p -> p.getFileName().toString()).toList()), "no temporary file is left");
            }
        }
        assertArrayEquals(new MasterKey().readOrCreate(data.resolve("master.key")),
                new MasterKey().readOrCreate(data.resolve("master.key")), "an existing key is read, not replaced");
    }
}
