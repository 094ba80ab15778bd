package org.invigil.ids.entity;

/** The one check every identifier passes: what an LTI 1.3 {@code sub} may be, and what Invigil's own ids are. */
final class Ids {

    /** LTI 1.3 (Core §5.3.6) limits {@code sub} to 255 ASCII characters; Invigil's own ids are UUIDs. */
    static final int MAX_LENGTH = 255;

    private Ids() {
    }

    /** Whether {@code value} is 1 to 255 printable ASCII characters (spaces too), not only spaces. */
    static boolean wellFormed(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            return false;
        }
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
