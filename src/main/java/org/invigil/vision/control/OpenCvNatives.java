package org.invigil.vision.control;

import org.opencv.core.Core;

/**
 * Loads OpenCV's native library once per JVM (the openpnp jar extracts it to a temporary directory) and keeps
 * OpenCV single-threaded inside each call: the engine parallelises across frames instead, which scales better under
 * load and keeps one frame's latency predictable.
 */
public final class OpenCvNatives {

    private static volatile boolean loaded;

    private OpenCvNatives() {
    }

    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (OpenCvNatives.class) {
            if (!loaded) {
                nu.pattern.OpenCV.loadLocally();
                Core.setNumThreads(1);
                loaded = true;
            }
        }
    }
}
