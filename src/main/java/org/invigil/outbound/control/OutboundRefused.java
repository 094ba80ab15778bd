package org.invigil.outbound.control;

import org.invigil.refusal.entity.Refusal;

/** A platform URL the tool will not call, or a platform that could not be reached. */
public class OutboundRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    public OutboundRefused(String code, String detail) {
        super(Kind.INVALID, code, "Bad request", detail);
    }

    public OutboundRefused(Kind kind, String code, String title, String detail, Throwable cause) {
        super(kind, code, title, detail, cause);
    }
}
