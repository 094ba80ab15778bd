package org.invigil.advantage.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.invigil.outbound.control.HttpAnswer;
import org.invigil.json.control.BoundedJson;

/** Reads the reason out of a platform's error answer, whatever its dialect. */
public final class PlatformMessages {

    private PlatformMessages() {
    }

    /**
     * OAuth {@code error}/{@code error_description}, Moodle's {@code {"status", "reason"}}, {@code message}: the
     * reason in words, at most 300 characters. Any other body (text, HTML) is never quoted, only its status.
     */
    public static String of(HttpAnswer answer) {
        try {
            JsonObject json = BoundedJson.object(answer.body());
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
                String flat = reason.toString().replaceAll("\\s+", " ").trim();
                return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
            }
        } catch (RuntimeException notJson) {
            // plain text or HTML: not quoted
        }
        return "no reason given in words (HTTP " + answer.status() + ")";
    }
}
