package org.invigil.keys.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Creates the first key at start-up and rotates keys when they reach the rotation age (checked daily). */
@Startup
@Singleton
@DependsOn("Migrations")
public class KeyRotation {

    @Inject
    KeyRing keyRing;

    @PostConstruct
    void atStart() {
        keyRing.rotateIfDue();
    }

    @Schedule(hour = "3", minute = "17", persistent = false)
    void daily() {
        keyRing.rotateIfDue();
    }
}
