package org.invigil.persistence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.invigil.refusal.entity.Refusal;
import org.invigil.web.boundary.RefusalMapper;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {

    final ConflictRetry retry = new ConflictRetry();
    int status = Status.STATUS_NO_TRANSACTION;

    ConflictRetryTest() {
        retry.transactions = new TransactionSynchronizationRegistry() {
            @Override
            public Object getTransactionKey() {
                return null;
            }

            @Override
            public void putResource(Object key, Object value) {
            }

            @Override
            public Object getResource(Object key) {
                return null;
            }

            @Override
            public void registerInterposedSynchronization(Synchronization sync) {
            }

            @Override
            public int getTransactionStatus() {
                return status;
            }

            @Override
            public void setRollbackOnly() {
            }

            @Override
            public boolean getRollbackOnly() {
                return false;
            }
        };
    }

    /** A transaction that failed on commit because another one changed the same row first. */
    static Exception lostRace() {
        return new jakarta.transaction.TransactionalException("commit failed",
                new RollbackException("marked for rollback") {
                    {
                        initCause(new OptimisticLockException("version 3 is stale"));
                    }
                });
    }

    @Test
    void aLostRaceIsRunAgainUntilItSucceeds() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Object result = retry.retry(invocation(() -> {
            if (runs.incrementAndGet() < ConflictRetry.ATTEMPTS) {
                throw lostRace();
            }
            return "stored";
        }));
        assertEquals("stored", result);
        assertEquals(ConflictRetry.ATTEMPTS, runs.get());
    }

    @Test
    void racesLostEveryTimeBecomeA503TheClientRetries() {
        AtomicInteger runs = new AtomicInteger();
        Refusal busy = assertThrows(Refusal.class, () -> retry.retry(invocation(() -> {
            runs.incrementAndGet();
            throw lostRace();
        })));
        assertEquals(503, RefusalMapper.problem(busy).status());
        assertEquals(ConflictRetry.ATTEMPTS, runs.get());
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("wrong step");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> retry.retry(invocation(() -> {
            runs.incrementAndGet();
            throw failure;
        }))));
        assertEquals(1, runs.get());
    }

    @Test
    void insideACallersTransactionTheCallerDecides() {
        status = Status.STATUS_ACTIVE;
        AtomicInteger runs = new AtomicInteger();
        assertThrows(Exception.class, () -> retry.retry(invocation(() -> {
            runs.incrementAndGet();
            throw lostRace();
        })));
        assertEquals(1, runs.get());
    }

    @Test
    void recognisesTheConflictAnywhereInTheCauses() {
        assertTrue(ConflictRetry.isConflict(lostRace()));
        assertFalse(ConflictRetry.isConflict(new RuntimeException(new IllegalStateException())));
    }

    static InvocationContext invocation(Callable<Object> body) {
        return new InvocationContext() {
            @Override
            public Object getTarget() {
                return null;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                try {
                    return Object.class.getMethod("toString");
                } catch (NoSuchMethodException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[0];
            }

            @Override
            public void setParameters(Object[] params) {
            }

            @Override
            public Map<String, Object> getContextData() {
                return Map.of();
            }

            @Override
            public Object proceed() throws Exception {
                return body.call();
            }
        };
    }
}
