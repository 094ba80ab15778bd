package org.invigil.keys.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.crypto.control.MasterKey;
import org.invigil.keys.entity.ToolKey;

/**
 * The tool's signing keys. The newest active key signs; the JWKS lists it and every key retired less than the grace
 * period ago. Keys are read from the database on each call (a few rows), so every node of a cluster signs with and
 * publishes the same keys.
 */
@ApplicationScoped
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());
    static final String SEAL_PURPOSE = "tool-private-jwk";

    @PersistenceContext
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    @ConfigProperty(name = "invigil.keys.rotation-days", defaultValue = "90")
    int rotationDays;

    @Inject
    @ConfigProperty(name = "invigil.keys.grace-days", defaultValue = "7")
    int graceDays;

    Clock clock = Clock.systemUTC();

    /** The key to sign with now, private half included; created if the installation has none. */
    @Transactional
    public RSAKey signingKey() {
        ToolKey active = newestActive();
        if (active == null) {
            lock();
            active = newestActive();
            if (active == null) {
                active = generate();
            }
        }
        return open(active);
    }

    /** Signs claims with the current key: RS256, {@code kid} and {@code typ: JWT} in the header (RFC 7515). */
    public String sign(JWTClaimsSet claims) {
        RSAKey key = signingKey();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with the tool key " + key.getKeyID(), e);
        }
    }

    /** The public keys a platform may meet in our signatures (RFC 7517 §5). */
    @Transactional
    public JWKSet publicKeys() {
        Instant now = clock.instant();
        Duration grace = Duration.ofDays(graceDays);
        List<JWK> keys = keys().stream()
                .filter(key -> key.isPublishedAt(now, grace))
                .map(key -> parsePublic(key.publicJwk()))
                .toList();
        if (keys.isEmpty()) {
            return new JWKSet(parsePublic(signingKey().toPublicJWK().toJSONString()));
        }
        return new JWKSet(keys);
    }

    /** Makes a new signing key and retires the current one, which stays published for the grace period. */
    @Transactional
    public String rotate() {
        lock();
        Instant now = clock.instant();
        List<ToolKey> active = keys().stream().filter(ToolKey::isActive).toList();
        ToolKey fresh = generate();
        active.forEach(key -> key.retire(now));
        LOG.info(() -> "Rotated the tool signing key: " + fresh.kid() + " signs from now on; "
                + active.stream().map(ToolKey::kid).toList() + " stay published for " + graceDays + " days");
        return fresh.kid();
    }

    /** Rotates if the active key is older than the rotation period; creates the first key on a new installation. */
    @Transactional
    public void rotateIfDue() {
        lock();
        ToolKey active = newestActive();
        if (active == null) {
            generate();
        } else if (active.isDueForRotation(clock.instant(), Duration.ofDays(rotationDays))) {
            rotate();
        }
    }

    /** Every key the installation has, newest first, with whether it signs and until when it is published. */
    @Transactional
    public List<KeyState> states() {
        Instant now = clock.instant();
        Duration grace = Duration.ofDays(graceDays);
        ToolKey signing = newestActive();
        return keys().stream().map(key -> new KeyState(key.kid(), key.createdAt(), key.retiredAt(),
                signing != null && key.kid().equals(signing.kid()), key.isPublishedAt(now, grace))).toList();
    }

    /** A key as the administrator sees it. */
    public record KeyState(String kid, Instant createdAt, Instant retiredAt, boolean signing, boolean published) {
    }

    /**
     * Takes the key ring's row lock in the database until this transaction ends: the one decision point for every
     * node, so that concurrent starts make one first key and concurrent rotations do not leave two keys active.
     */
    private void lock() {
        int locked = em.createNativeQuery("UPDATE tool_key_lock SET generation = generation + 1 WHERE name = ?")
                .setParameter(1, "tool-keys").executeUpdate();
        if (locked != 1) {
            throw new IllegalStateException("The tool_key_lock row is missing: migration V10 did not run");
        }
    }

    private ToolKey newestActive() {
        return keys().stream().filter(ToolKey::isActive).max(Comparator.comparing(ToolKey::createdAt)).orElse(null);
    }

    private List<ToolKey> keys() {
        return em.createQuery("select k from ToolKey k order by k.createdAt desc", ToolKey.class).getResultList();
    }

    private ToolKey generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            String sealed = masterKey.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), SEAL_PURPOSE);
            ToolKey entity = new ToolKey(key.getKeyID(), JWSAlgorithm.RS256.getName(),
                    key.toPublicJWK().toJSONString(), sealed, clock.instant());
            em.persist(entity);
            em.flush();
            return entity;
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private RSAKey open(ToolKey key) {
        byte[] json = masterKey.open(key.sealedPrivateJwk(), SEAL_PURPOSE);
        try {
            return RSAKey.parse(new String(json, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException("Stored key " + key.kid() + " is not a JWK", e);
        }
    }

    private static JWK parsePublic(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored public key is not a JWK", e);
        }
    }
}
