package org.invigil.assessment.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Delivers due Assessment Control requests every few seconds, and so after a restart whatever was left. */
@Startup
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ControlDispatcher {

    @Inject
    AssessmentControl control;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void tick() {
        control.dispatchDue();
    }
}
