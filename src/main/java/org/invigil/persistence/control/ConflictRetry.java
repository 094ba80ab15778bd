package org.invigil.persistence.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Runs a {@link RetryOnConflict} method again when its transaction lost an optimistic-lock race: up to
 * {@value #ATTEMPTS} times with a short random pause, then a 503 the client retries later (nothing of the lost
 * attempts was kept, so nothing is counted twice). Placed outside the transaction interceptor, so each run is a
 * transaction of its own.
 */
@RetryOnConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ConflictRetry {

    private static final Logger LOG = Logger.getLogger(ConflictRetry.class.getName());
    static final int ATTEMPTS = 3;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object retry(InvocationContext invocation) throws Exception {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return invocation.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                if (!isConflict(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    LOG.warning(() -> invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                            + invocation.getMethod().getName() + " lost " + ATTEMPTS + " races in a row");
                    throw new LostRaces();
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 40L * attempt));
            }
        }
    }

    /** Whether the failure, or anything that caused it, is an optimistic-lock conflict. */
    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // EclipseLink's own exception (not on our compile path) has the same simple name
            if (t instanceof OptimisticLockException || t.getClass().getSimpleName().equals("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }
}
