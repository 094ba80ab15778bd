package org.invigil.ids.entity;

/** A person as their platform names them: the id_token's {@code sub}, unique within that platform. */
public record UserId(String value) {

    public UserId {
        if (!Ids.wellFormed(value)) {
            throw new IdMalformed("person", "user_unknown");
        }
    }

    /** Whether a platform's {@code sub} can be a user id: what the launch checks before anything else uses it. */
    public static boolean wellFormed(String sub) {
        return Ids.wellFormed(sub);
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
