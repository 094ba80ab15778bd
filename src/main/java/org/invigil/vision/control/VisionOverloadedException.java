package org.invigil.vision.control;

/**
 * The engine's queue is full, or a frame waited longer than the configured limit: the caller should drop the frame or
 * retry later (HTTP 503 with Retry-After), not wait.
 */
public class VisionOverloadedException extends RuntimeException {

    public VisionOverloadedException(String message) {
        super(message);
    }
}
