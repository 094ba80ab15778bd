package org.invigil.crypto.control;

/** A sealed value that cannot be opened: altered, truncated, or sealed under another master key or purpose. */
public class SealedValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SealedValueException(String message) {
        super(message);
    }
}
