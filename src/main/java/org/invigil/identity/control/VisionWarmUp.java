package org.invigil.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.invigil.readiness.control.Readiness;
import org.invigil.vision.control.VisionEngine;

/**
 * Loads the face models in the background right after start-up, so that the first student's camera check does not
 * wait for them (each worker takes a second or two). Loaded or failed, the vision part of {@link Readiness} is done
 * then: a failure is logged and camera checks fail, while the rest of the API serves.
 */
@Startup
@Singleton
public class VisionWarmUp {

    private static final Logger LOG = Logger.getLogger(VisionWarmUp.class.getName());

    @Inject
    VisionEngine vision;

    @Inject
    Readiness readiness;

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void warmUp() {
        executor.submit(() -> {
            try {
                LOG.info(() -> "Face analysis ready: " + vision.settings().workers() + " workers");
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "The face models could not be loaded; camera checks will fail", e);
            } finally {
                readiness.done(Readiness.Part.VISION);
            }
        });
    }
}
