package org.invigil.journey.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.invigil.identity.control.PictureRefused;
import org.invigil.monitoring.control.EventIngestion;
import org.invigil.monitoring.control.EventRules;
import org.invigil.monitoring.control.MonitoringRefused;

/** Reads what a client uploads, refusing oversize and malformed input before any of it is used. */
final class Uploads {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_EVENTS = 100;

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
        try {
            long value = Long.parseLong(header.trim());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw MonitoringRefused.malformed("sequence_invalid", "Invigil-Sequence must be a positive whole number, "
                    + "not " + header + ".");
        }
    }

    static Instant instant(String header) {
        if (header == null || header.isBlank()) {
            return Instant.now();
        }
        try {
            return Instant.parse(header.trim());
        } catch (DateTimeParseException e) {
            throw MonitoringRefused.malformed("captured_at_invalid", "Invigil-Captured-At must be an ISO-8601 instant "
                    + "such as 2026-11-21T10:15:30Z, not " + header + ".");
        }
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
        for (JsonValue value : array) {
            if (!(value instanceof JsonObject event)) {
                throw MonitoringRefused.malformed("event_invalid", "Each event must be a JSON object.");
            }
            if (!(event.get("sequence") instanceof JsonNumber number) || !number.isIntegral()
                    || number.longValue() < 1) {
                throw MonitoringRefused.malformed("sequence_invalid", "Each event needs a positive whole sequence.");
            }
            String type = event.get("type") instanceof JsonString text ? text.getString() : "";
            if (!EventRules.TYPES.contains(type)) {
                throw MonitoringRefused.malformed("event_type_unknown", "Unknown event type \"" + type + "\".");
            }
            Instant at = event.get("at") instanceof JsonString text ? instant(text.getString()) : Instant.now();
            Optional<String> data = Optional.empty();
            if (event.get("data") instanceof JsonObject object) {
                String json = object.toString();
                if (json.length() > 1000) {
                    throw MonitoringRefused.malformed("event_data_too_large", "An event's data must stay under 1000 "
                            + "characters.");
                }
                data = Optional.of(json);
            }
            items.add(new EventIngestion.Item(number.longValue(), type, at, data));
        }
        return items;
    }
}
