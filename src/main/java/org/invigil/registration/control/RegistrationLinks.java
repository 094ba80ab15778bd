package org.invigil.registration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.invigil.registration.entity.RegistrationLink;
import org.invigil.refusal.entity.Refusal.Kind;

/**
 * One-time registration links: the tool administrator issues one per LMS to be registered; Dynamic Registration
 * through it works once, before it expires. The secret travels only in the link; the database keeps its SHA-256, so
 * a copy of the database does not let anyone register. Claiming is one conditional update, so two nodes (or two
 * browser tabs) racing for the same link cannot both use it.
 */
@ApplicationScoped
public class RegistrationLinks {

    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);
    public static final Duration MAX_VALIDITY = Duration.ofDays(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** A link just issued: the secret (shown once) and the stored record. */
    public record Issued(String secret, RegistrationLink link) {
    }

    @Transactional
    public Issued issue(Duration validity, String label) {
        Duration valid = validity == null ? DEFAULT_VALIDITY : validity;
        if (valid.isNegative() || valid.isZero() || valid.compareTo(MAX_VALIDITY) > 0) {
            throw new RegistrationRefused("validity_invalid", "A registration link is valid for 1 minute to "
                    + MAX_VALIDITY.toDays() + " days.");
        }
        if (label != null && label.length() > 255) {
            throw new RegistrationRefused("label_too_long", "The label is at most 255 characters.");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        RegistrationLink link = new RegistrationLink(hash(secret), label == null || label.isBlank() ? null
                : label.trim(), now, now.plus(valid));
        em.persist(link);
        return new Issued(secret, link);
    }

    /** Refuses, in words, a link that cannot be used now; nothing changes. */
    @Transactional
    public void requireUsable(String secret) {
        RegistrationLink link = find(secret).orElseThrow(RegistrationLinks::unknown);
        if (!link.usableAt(clock.instant())) {
            throw used(link);
        }
    }

    /** Takes the link for one registration attempt; exactly one caller wins. */
    @Transactional
    public void claim(String secret) {
        RegistrationLink link = find(secret).orElseThrow(RegistrationLinks::unknown);
        int claimed = em.createQuery("update RegistrationLink l set l.claimedAt = :now, l.version = l.version + 1 "
                        + "where l.id = :id and l.claimedAt is null and l.expiresAt > :now")
                .setParameter("now", clock.instant()).setParameter("id", link.id()).executeUpdate();
        if (claimed != 1) {
            em.refresh(link);
            throw used(link);
        }
    }

    /** The registration the link was claimed for failed: the link may be used again (until it expires). */
    @Transactional
    public void release(String secret) {
        em.createQuery("update RegistrationLink l set l.claimedAt = null, l.version = l.version + 1 "
                        + "where l.id = :id and l.platformId is null")
                .setParameter("id", hash(secret)).executeUpdate();
    }

    /** The link registered this platform; it stays used. */
    @Transactional
    public void registered(String secret, String platformId) {
        find(secret).ifPresent(link -> link.registered(platformId));
    }

    @Transactional
    public List<RegistrationLink> all() {
        return em.createQuery("select l from RegistrationLink l order by l.createdAt desc", RegistrationLink.class)
                .getResultList();
    }

    private Optional<RegistrationLink> find(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(RegistrationLink.class, hash(secret)));
    }

    private static RegistrationRefused unknown() {
        return new RegistrationRefused(Kind.UNKNOWN, "registration_link_unknown", "Unknown registration link",
                "This registration link is not one Invigil issued. Ask Invigil's administrator for a new link.");
    }

    private RegistrationRefused used(RegistrationLink link) {
        String why = link.claimedAt() != null ? "was already used" : "expired at " + link.expiresAt();
        return new RegistrationRefused(Kind.GONE, "registration_link_used", "Registration link no longer valid",
                "This registration link " + why + ". Each link registers one platform once; ask Invigil's "
                        + "administrator for a new link.");
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
