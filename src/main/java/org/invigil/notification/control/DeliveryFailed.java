package org.invigil.notification.control;

/** A delivery that did not arrive this time; {@code retry} false when trying again cannot help. */
public class DeliveryFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final boolean retry;

    DeliveryFailed(String message, boolean retry, Throwable cause) {
        super(message, cause);
        this.retry = retry;
    }

    static DeliveryFailed retry(String message, Throwable cause) {
        return new DeliveryFailed(message, true, cause);
    }

    static DeliveryFailed abandon(String message) {
        return new DeliveryFailed(message, false, null);
    }

    public boolean retry() {
        return retry;
    }
}
