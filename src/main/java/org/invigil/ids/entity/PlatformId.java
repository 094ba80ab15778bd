package org.invigil.ids.entity;

/** A platform registration: the id Invigil gave it when it was registered. */
public record PlatformId(String value) {

    public PlatformId {
        if (!Ids.wellFormed(value)) {
            throw new IdMalformed("platform", "platform_unknown");
        }
    }

    public static PlatformId of(String value) {
        return new PlatformId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
