package org.invigil.launch.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * Values that may be used once, such as id_token nonces. Kept in the database, so every node of a cluster (all on
 * one PostgreSQL) sees the same uses; the primary key makes two concurrent uses of one value fail for one of them.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OneTimeValues {

    private static final Logger LOG = Logger.getLogger(OneTimeValues.class.getName());

    @Inject
    UsedOnceStore store;

    Clock clock = Clock.systemUTC();

    /** True the first time {@code value} is seen in {@code namespace}; false on every later call until it expires. */
    public boolean firstUse(String namespace, String value, Instant expiresAt) {
        try {
            return store.insert(digest(namespace, value), expiresAt);
        } catch (RuntimeException concurrentDuplicate) {
            LOG.fine(() -> "Concurrent second use of a one-time value refused: " + concurrentDuplicate);
            return false;
        }
    }

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void purgeExpired() {
        int purged = store.purge(clock.instant());
        if (purged > 0) {
            LOG.fine(() -> "Purged " + purged + " expired one-time values");
        }
    }

    private static String digest(String namespace, String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((namespace + "\n" + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
