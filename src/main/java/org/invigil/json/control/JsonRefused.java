package org.invigil.json.control;

import jakarta.json.JsonException;
import org.invigil.refusal.entity.Refusal;

/**
 * JSON that {@link BoundedJson} will not read: malformed, not UTF-8, too deep, too large, too many members, a number
 * out of range, or not the type asked for. It is a {@link JsonException}, so code that already handles unreadable JSON
 * handles it too; {@link #refusal()} says what is wrong in the words the caller is told.
 */
public class JsonRefused extends JsonException {

    private static final long serialVersionUID = 1L;
    private final Why why;

    private JsonRefused(Why why) {
        super(why.detail());
        this.why = why;
    }

    static JsonRefused of(String code, String detail) {
        return new JsonRefused(new Why(Refusal.Kind.INVALID, code, "Bad request", detail));
    }

    static JsonRefused tooLarge(long limit) {
        return new JsonRefused(new Why(Refusal.Kind.TOO_LARGE, "json_too_large", "Request body too large",
                "The JSON body is larger than " + limit + " bytes."));
    }

    /** What is wrong with the JSON, as a refusal (invalid, or too large). */
    public Refusal refusal() {
        return why;
    }

    /** The refusal a {@link JsonRefused} stands for. */
    static final class Why extends Refusal {

        private static final long serialVersionUID = 1L;

        Why(Kind kind, String code, String title, String detail) {
            super(kind, code, title, detail);
        }
    }
}
