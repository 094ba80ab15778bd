package org.invigil.advantage.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import org.invigil.outbound.control.HttpAnswer;

/** Reads the reason out of a platform's error answer, whatever its dialect. */
public final class PlatformMessages {

    private PlatformMessages() {
    }

    /** OAuth {@code error}/{@code error_description}, Moodle's {@code {"status", "reason"}}, {@code message}, or text. */
    public static String of(HttpAnswer answer) {
        try {
            JsonObject json = Json.createReader(new StringReader(answer.body())).readObject();
            StringBuilder reason = new StringBuilder();
            for (String member : new String[] {"error", "error_description", "reason", "message", "detail"}) {
                if (json.get(member) instanceof JsonString text && !text.getString().isBlank()) {
                    reason.append(reason.length() == 0 ? "" : ": ").append(text.getString());
                }
            }
            if (json.get("errors") != null) {
                reason.append(reason.length() == 0 ? "" : ": ").append(json.get("errors"));
            }
            if (reason.length() > 0) {
                return reason.toString();
            }
        } catch (RuntimeException notJson) {
            // plain text or HTML
        }
        return answer.excerpt();
    }
}
