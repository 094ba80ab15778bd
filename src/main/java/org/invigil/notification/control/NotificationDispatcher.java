package org.invigil.notification.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;

/** Sends due notifications every few seconds, and so after a restart picks up whatever was left. */
@Startup
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationDispatcher {

    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    NotificationQueue queue;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void tick() {
        if (running.compareAndSet(false, true)) {
            try {
                queue.dispatchDue();
            } finally {
                running.set(false);
            }
        }
    }
}
