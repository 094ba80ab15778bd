package org.invigil.journey.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.invigil.identity.control.PictureRefused;
import org.invigil.monitoring.control.EventIngestion;
import org.invigil.monitoring.control.EventRules;
import org.invigil.monitoring.control.ItemBounds;
import org.invigil.monitoring.control.MonitoringRefused;
import org.invigil.monitoring.entity.QuizPage;
import org.invigil.json.control.BoundedJson;

/** Reads what a client uploads, refusing oversize and malformed input before any of it is used. */
final class Uploads {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_EVENTS = 100;
    static final int MAX_DATA_CHARS = 1000;
    private static final BigDecimal MAX_SEQUENCE = BigDecimal.valueOf(ItemBounds.MAX_SEQUENCE);

    private Uploads() {
    }

    /** The body as JPEG bytes: the type must say image/jpeg and the size must stay within the limit. */
    static byte[] jpeg(String contentType, InputStream body) {
        if (contentType == null || !contentType.toLowerCase().startsWith("image/jpeg")) {
            throw PictureRefused.notJpegType(contentType);
        }
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                long total = bytes.length;
                byte[] skip = new byte[64 * 1024];
                for (int read; (read = in.read(skip)) > 0 && total < 64L * 1024 * 1024; ) {
                    total += read;
                }
                throw PictureRefused.tooLarge(total, MAX_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            throw MonitoringRefused.malformed("upload_interrupted", "The upload was interrupted; send it again.");
        }
    }

    static long sequence(String header) {
        if (header == null || header.isBlank()) {
            throw MonitoringRefused.malformed("sequence_missing", "Send the item's sequence number in the "
                    + "Invigil-Sequence header.");
        }
        String text = header.trim();
        if (!text.matches("[0-9]{1,16}") || !ItemBounds.isSequence(Long.parseLong(text))) {
            throw MonitoringRefused.malformed("sequence_invalid", "Invigil-Sequence must be a whole number from 1 to "
                    + ItemBounds.MAX_SEQUENCE + ", not " + excerpt(header) + ".");
        }
        return Long.parseLong(text);
    }

    /** The liveness step a picture belongs to: a small whole number (the challenge checks its range). */
    static int step(String query) {
        if (query == null || !query.trim().matches("[0-9]{1,2}")) {
            throw MonitoringRefused.malformed("liveness_step", "Say which step the picture belongs to: ?step=0, 1 or 2"
                    + (query == null ? "." : ", not " + excerpt(query) + "."));
        }
        return Integer.parseInt(query.trim());
    }

    /** The frame's capture time as the client claims it (placed in the attempt's window by the ingestion). */
    static Instant capturedAt(String header) {
        if (header == null || header.isBlank()) {
            return Instant.now();
        }
        return instant(header, "captured_at_invalid", "Invigil-Captured-At");
    }

    private static Instant instant(String text, String code, String field) {
        try {
            Instant at = Instant.parse(text.trim());
            if (ItemBounds.isNameable(at)) {
                return at;
            }
        } catch (DateTimeException e) {
            // refused below
        }
        throw MonitoringRefused.malformed(code, field + " must be an ISO-8601 instant between the years "
                + ItemBounds.FIRST_YEAR + " and " + ItemBounds.LAST_YEAR + " such as 2026-11-21T10:15:30Z, not "
                + excerpt(text) + ".");
    }

    /** A quiz page the exam-page agent saw: {@code {"page": "attempt", "at": "2026-11-21T10:15:30Z"}}. */
    record QuizPageSeen(QuizPage page, Instant at) {
    }

    static QuizPageSeen quizPage(JsonObject body) {
        String id = body != null && body.get("page") instanceof JsonString text ? text.getString() : "";
        QuizPage page = QuizPage.of(id).orElseThrow(() -> MonitoringRefused.malformed("quiz_page_unknown",
                "page must be one of quiz, attempt, summary, submitted, not \"" + excerpt(id) + "\"."));
        JsonValue claimed = body.getOrDefault("at", JsonValue.NULL);
        if (claimed instanceof JsonString text) {
            return new QuizPageSeen(page, instant(text.getString(), "at_invalid", "at"));
        }
        if (claimed == JsonValue.NULL) {
            return new QuizPageSeen(page, Instant.now());
        }
        throw MonitoringRefused.malformed("at_invalid", "at must be a string such as 2026-11-21T10:15:30Z, not "
                + BoundedJson.describe(claimed) + ".");
    }

    static List<EventIngestion.Item> events(JsonObject body) {
        if (body == null || !(body.get("events") instanceof JsonArray array)) {
            throw MonitoringRefused.malformed("events_missing", "Send {\"events\": [...]}.");
        }
        if (array.isEmpty() || array.size() > MAX_EVENTS) {
            throw MonitoringRefused.malformed("events_count", "Send between 1 and " + MAX_EVENTS + " events per call, "
                    + "not " + array.size() + ".");
        }
        List<EventIngestion.Item> items = new ArrayList<>();
        for (int index = 0; index < array.size(); index++) {
            String field = "events[" + index + "]";
            if (!(array.get(index) instanceof JsonObject event)) {
                throw MonitoringRefused.malformed("event_invalid", field + " must be a JSON object, not "
                        + BoundedJson.describe(array.get(index)) + ".");
            }
            long sequence = sequence(event.get("sequence"), field + ".sequence");
            String type = event.get("type") instanceof JsonString text ? text.getString() : "";
            if (!EventRules.TYPES.contains(type)) {
                throw MonitoringRefused.malformed("event_type_unknown", "Unknown event type \"" + excerpt(type)
                        + "\" in " + field + ".type.");
            }
            JsonValue claimed = event.getOrDefault("at", JsonValue.NULL);
            Instant at;
            if (claimed instanceof JsonString text) {
                at = instant(text.getString(), "at_invalid", field + ".at");
            } else if (claimed == JsonValue.NULL) {
                at = Instant.now();
            } else {
                throw MonitoringRefused.malformed("at_invalid", field + ".at must be a string such as "
                        + "2026-11-21T10:15:30Z, not " + BoundedJson.describe(claimed) + ".");
            }
            items.add(new EventIngestion.Item(sequence, type, at, data(event.get("data"), field + ".data")));
        }
        return items;
    }

    /** A JSON sequence number: a whole number from 1 to 2^53 − 1, compared exactly (never truncated). */
    private static long sequence(JsonValue value, String field) {
        if (value instanceof JsonNumber number) {
            BigDecimal exact = number.bigDecimalValue();
            if (exact.signum() > 0 && exact.compareTo(MAX_SEQUENCE) <= 0 && exact.stripTrailingZeros().scale() <= 0) {
                return exact.longValueExact();
            }
        }
        throw MonitoringRefused.malformed("sequence_invalid", field + " must be a whole number from 1 to "
                + ItemBounds.MAX_SEQUENCE + ", not " + shown(value) + ".");
    }

    /** An event's data: an object whose numbers the rules read are finite and in range; kept as its JSON text. */
    private static Optional<String> data(JsonValue value, String field) {
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonObject object)) {
            throw MonitoringRefused.malformed("event_data_invalid", field + " must be a JSON object, not "
                    + BoundedJson.describe(value) + ".");
        }
        range(object, "durationMs", field, 0, ItemBounds.MAX_DURATION_MS, false);
        range(object, "level", field, 0, 1, false);
        range(object, "screens", field, 0, ItemBounds.MAX_SCREENS, true);
        String json = object.toString();
        if (json.length() > MAX_DATA_CHARS) {
            throw MonitoringRefused.malformed("event_data_too_large", field + " must stay under " + MAX_DATA_CHARS
                    + " characters.");
        }
        return Optional.of(json);
    }

    private static void range(JsonObject data, String member, String field, double min, double max, boolean whole) {
        JsonValue value = data.get(member);
        if (value == null || value == JsonValue.NULL) {
            return;
        }
        if (value instanceof JsonNumber number) {
            BigDecimal exact = number.bigDecimalValue();
            boolean inRange = exact.compareTo(BigDecimal.valueOf(min)) >= 0
                    && exact.compareTo(BigDecimal.valueOf(max)) <= 0;
            if (inRange && (!whole || exact.stripTrailingZeros().scale() <= 0)) {
                return;
            }
        }
        throw MonitoringRefused.malformed("event_data_out_of_range", field + "." + member + " must be "
                + (whole ? "a whole number" : "a number") + " from " + shown(min) + " to " + shown(max) + ", not "
                + shown(value) + ".");
    }

    private static String shown(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }

    private static String shown(JsonValue value) {
        return value instanceof JsonNumber number ? excerpt(number.toString()) : BoundedJson.describe(value);
    }

    private static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
