package org.invigil.notification.boundary;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.invigil.json.control.BoundedJson;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** Reads the optional JSON bodies of the notification requests: nothing, or an object of text members. */
final class JsonBodies {

    private JsonBodies() {
    }

    static JsonObject of(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try {
            return BoundedJson.object(body);
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(Problem.badRequest("body_invalid", "Send a JSON object, or nothing."));
        }
    }

    static Optional<String> text(JsonObject body, String member) {
        JsonValue value = body.get(member);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString text)) {
            throw new ProblemException(Problem.badRequest(member + "_invalid", "\"" + member + "\" must be text."));
        }
        return Optional.of(text.getString());
    }
}
