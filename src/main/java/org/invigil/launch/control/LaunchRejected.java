package org.invigil.launch.control;

import org.invigil.refusal.entity.Refusal;

/** A login or launch that fails a check: a malformed request, or a token we cannot trust. */
public class LaunchRejected extends Refusal {

    private static final long serialVersionUID = 1L;

    private LaunchRejected(Kind kind, String code, String title, String detail) {
        super(kind, code, title, detail);
    }

    public static LaunchRejected malformed(String code, String detail) {
        return new LaunchRejected(Kind.INVALID, code, "This launch cannot be used", detail);
    }

    public static LaunchRejected untrusted(String code, String detail) {
        return new LaunchRejected(Kind.NOT_SIGNED_IN, code, "This launch could not be verified", detail);
    }
}
