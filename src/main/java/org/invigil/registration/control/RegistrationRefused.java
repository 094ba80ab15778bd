package org.invigil.registration.control;

import org.invigil.refusal.entity.Refusal;

/** A registration that cannot be made: bad input, or a platform that refused or misbehaved. */
public class RegistrationRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    public RegistrationRefused(String code, String detail) {
        this(Kind.INVALID, code, "Bad request", detail);
    }

    public RegistrationRefused(Kind kind, String code, String title, String detail) {
        super(kind, code, title, detail);
    }

    /** An administrator named a platform id that no registration has. */
    public static RegistrationRefused unknownPlatform(String id) {
        return new RegistrationRefused(Kind.UNKNOWN, "platform_unknown", "No such platform",
                "There is no platform " + id + "; GET /api/admin/platforms lists them.");
    }

    /** The platform an exam belongs to was removed by Invigil's administrator. */
    public static RegistrationRefused platformRemoved() {
        return new RegistrationRefused(Kind.NOT_NOW, "platform_unknown", "Platform removed",
                "The platform of this exam is no longer registered.");
    }
}
