package org.invigil.crypto.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.persistence.control.DataDirectory;

/**
 * The key from which every other secret of this installation is protected or derived.
 * <p>
 * Configured as {@code invigil.master-key} (32 random bytes, base64). Without one, a key is generated once, kept in
 * {@code <data-dir>/master.key} and a warning is logged: fine for a single machine, wrong for several nodes or for
 * a deployment whose data directory is not itself protected.
 * <p>
 * {@link #seal} and {@link #open} are AES-256-GCM with a random 96-bit nonce; the {@code purpose} is bound as
 * additional authenticated data, so a value sealed for one purpose cannot be opened as another. {@link #derive}
 * gives independent HMAC keys for signing (HMAC-SHA256 of the purpose).
 */
@ApplicationScoped
public class MasterKey {

    private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());
    private static final String FORMAT = "v1";

    private final SecureRandom random = new SecureRandom();
    private byte[] key;

    @Inject
    @ConfigProperty(name = "invigil.master-key")
    Optional<String> configured;

    public MasterKey() {
    }

    /** For unit tests. */
    public MasterKey(byte[] key) {
        this.key = key.clone();
    }

    @PostConstruct
    void load() {
        if (configured.isPresent() && !configured.get().isBlank()) {
            key = decodeConfigured(configured.get().trim());
            return;
        }
        Path file = DataDirectory.path().resolve("master.key");
        key = readOrCreate(file);
        LOG.warning(() -> "No invigil.master-key is configured: using the generated key in " + file
                + ". Set INVIGIL_MASTER_KEY (32 random bytes, base64) in production and on every node of a cluster;"
                + " whoever can read that file can decrypt the tool's private keys.");
    }

    /** Encrypts and authenticates {@code plaintext} for one purpose; the result is printable. */
    public String seal(byte[] plaintext, String purpose) {
        return FORMAT + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Aead.seal(key, plaintext, purpose.getBytes(StandardCharsets.UTF_8)));
    }

    /** Reverses {@link #seal}; fails if the value was altered, sealed for another purpose or with another key. */
    public byte[] open(String sealed, String purpose) {
        String[] parts = sealed.split("\\.");
        if (parts.length != 2 || !FORMAT.equals(parts[0])) {
            throw new SealedValueException("not a sealed value of format " + FORMAT);
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new SealedValueException("not a sealed value of format " + FORMAT);
        }
        return Aead.open(key, bytes, purpose.getBytes(StandardCharsets.UTF_8));
    }

    /** Wraps a data key (envelope encryption): the data key encrypts data, the master key only data keys. */
    public byte[] wrap(byte[] dataKey, String purpose) {
        return Aead.seal(key, dataKey, ("wrap/" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    public byte[] unwrap(byte[] wrapped, String purpose) {
        return Aead.open(key, wrapped, ("wrap/" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    /** A 256-bit key for one purpose, independent of every other purpose's key. */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("invigil/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] decodeConfigured(String value) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("invigil.master-key is not valid base64");
        }
        if (decoded.length != 32) {
            throw new IllegalStateException("invigil.master-key must be 32 bytes (base64 of 32 random bytes), not "
                    + decoded.length + "; generate one with: openssl rand -base64 32");
        }
        return decoded;
    }

    /**
     * Reads the generated key, or makes one: written to a temporary file that is created owner-only (rw-------) by
     * the very call that creates it, under a random name (so nobody can plant it or hold it open beforehand), then
     * moved into place atomically. No moment exists in which another user could read the key.
     */
    byte[] readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return decodeConfigured(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            byte[] generated = new byte[32];
            random.nextBytes(generated);
            Path tmp = Files.createTempFile(file.getParent(), "master.key.", ".tmp", ownerOnly(file));
            try {
                Files.write(tmp, (Base64.getEncoder().encodeToString(generated) + "\n")
                        .getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
