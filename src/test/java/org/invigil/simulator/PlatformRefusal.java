package org.invigil.simulator;

/**
 * Thrown by {@link LaunchFlow#authorize()} when the platform's {@code /auth} refused the tool's authentication
 * request (Moodle answers 400 with a message): {@link #response()} holds the answer, {@link #getMessage()} the
 * reason.
 */
public final class PlatformRefusal extends RuntimeException {
    private final transient BrowserResponse response;

    PlatformRefusal(BrowserResponse response) {
        super("the platform refused with " + response.status() + ": " + HtmlForm.abbreviate(response.body()));
        this.response = response;
    }

    public BrowserResponse response() {
        return response;
    }

    public int status() {
        return response.status();
    }
}
