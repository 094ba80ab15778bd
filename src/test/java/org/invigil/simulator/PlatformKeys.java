package org.invigil.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The platform's RSA 2048 signing keys, published at {@code GET /jwks} (Security Framework 1.0 §6.3). Tests can
 * {@link #rotate(boolean)} the key, take {@link #foreignKey()} (never published) to forge tokens, or make the
 * JWKS endpoint {@link #unavailable(boolean) unavailable}.
 */
public final class PlatformKeys {
    private final List<RSAKey> published = new ArrayList<>();
    private RSAKey current;
    private RSAKey foreign;
    private volatile boolean unavailable;

    PlatformKeys() {
        current = generate();
        published.add(current);
    }

    /** Generates a fresh RSA 2048 key with a random kid. */
    public static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key that signs id_tokens now. */
    public synchronized RSAKey current() {
        return current;
    }

    /**
     * Switches to a new signing key.
     *
     * @param keepPrevious whether the JWKS still publishes the previous keys (graceful rotation) or only the new one
     * @return the new current key
     */
    public synchronized RSAKey rotate(boolean keepPrevious) {
        RSAKey next = generate();
        if (!keepPrevious) {
            published.clear();
        }
        published.add(0, next);
        current = next;
        return next;
    }

    /** A private key the platform never publishes: signatures made with it must be refused by the tool. */
    public synchronized RSAKey foreignKey() {
        if (foreign == null) {
            foreign = generate();
        }
        return foreign;
    }

    /** Makes {@code GET /jwks} answer 503 (or serve again). */
    public void unavailable(boolean value) {
        this.unavailable = value;
    }

    boolean isUnavailable() {
        return unavailable;
    }

    /**
     * Whether one of the published keys (by the JWS {@code kid}) verifies that JWT's RS256 signature: the platform
     * issued it and has not withdrawn the key since.
     */
    public synchronized boolean verifies(com.nimbusds.jwt.SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        if (kid == null || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return false;
        }
        for (RSAKey key : published) {
            if (kid.equals(key.getKeyID())) {
                try {
                    return jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAPublicKey()));
                } catch (JOSEException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** The public JWK set as served at {@code /jwks}. */
    public synchronized JWKSet publicJwks() {
        return new JWKSet(published.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList());
    }
}
