package org.invigil.json.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads JSON someone else wrote (a browser, a staff member's script, a platform) within bounds, streaming with a
 * {@link JsonParser} and building without recursion: strict UTF-8 (RFC 8259 §8.1), at most {@link Limits#depth()}
 * levels of nesting, {@link Limits#bytes()} bytes, {@link Limits#members()} members per object or array,
 * {@link Limits#stringLength()} characters per string or name, no name twice in one object, and numbers of at most
 * {@value #MAX_NUMBER_LENGTH} characters whose decimal exponent stays within ±{@value #MAX_NUMBER_SCALE} (so that no
 * later conversion of them can take unbounded time). Anything else is a {@link JsonRefused} naming the problem.
 */
public final class BoundedJson {

    /**
     * JSON-P's provider, looked up once, for code on the upload path: {@code Json.create...} looks it up again
     * through the class path on each call.
     */
    public static final JsonProvider JSON = JsonProvider.provider();

    /** The bounds of one body. */
    public record Limits(int depth, int bytes, int members, int stringLength) {

        /** What every JSON body Invigil receives stays within; the largest real ones (100 events) are far below. */
        public static final Limits DEFAULT = new Limits(32, 1024 * 1024, 1000, 65_536);
    }

    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_NUMBER_SCALE = 1000;

    private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of());

    private BoundedJson() {
    }

    /** The body read within the default limits; empty when there is no body (nothing but white space). */
    public static Optional<JsonValue> read(InputStream body) {
        return read(body, Limits.DEFAULT);
    }

    public static Optional<JsonValue> read(InputStream body, Limits limits) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(limits.bytes() + 1);
        } catch (IOException e) {
            throw JsonRefused.of("json_interrupted", "The JSON body could not be read to its end; send it again.");
        }
        if (bytes.length > limits.bytes()) {
            throw JsonRefused.tooLarge(limits.bytes());
        }
        String text = utf8(bytes);
        return text.isBlank() ? Optional.empty() : Optional.of(parse(text, limits));
    }

    /** Text read within the default limits; empty text is refused. */
    public static JsonValue read(String text) {
        return read(text, Limits.DEFAULT);
    }

    public static JsonValue read(String text, Limits limits) {
        if (text == null || text.isBlank()) {
            throw JsonRefused.of("json_empty", "The JSON is empty.");
        }
        if (text.length() > limits.bytes()) {
            throw JsonRefused.tooLarge(limits.bytes());
        }
        return parse(text, limits);
    }

    /** Text that must be one JSON object, read within the default limits. */
    public static JsonObject object(String text) {
        return as(read(text), JsonObject.class, "The JSON");
    }

    /** The value as the type asked for, or a refusal such as "The body must be a JSON object, not an array." */
    public static <T extends JsonValue> T as(JsonValue value, Class<T> type, String what) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw JsonRefused.of("json_type", what + " must be " + expected(type) + ", not " + describe(value) + ".");
    }

    /** "an object", "an array", "a string", ...: the JSON type of a value in words. */
    public static String describe(JsonValue value) {
        if (value == null) {
            return "missing";
        }
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static String expected(Class<? extends JsonValue> type) {
        if (JsonObject.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (JsonArray.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (JsonStructure.class.isAssignableFrom(type)) {
            return "a JSON object or array";
        }
        if (JsonString.class.isAssignableFrom(type)) {
            return "a JSON string";
        }
        if (JsonNumber.class.isAssignableFrom(type)) {
            return "a JSON number";
        }
        return "JSON";
    }

    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw JsonRefused.of("json_not_utf8", "The JSON body is not valid UTF-8.");
        }
    }

    /** One object or array being built. */
    private static final class Open {
        final JsonObjectBuilder object;
        final JsonArrayBuilder array;
        final Set<String> names = new HashSet<>();
        String name;
        int members;

        Open(boolean isObject) {
            object = isObject ? JSON.createObjectBuilder() : null;
            array = isObject ? null : JSON.createArrayBuilder();
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }

    private static JsonValue parse(String text, Limits limits) {
        Deque<Open> open = new ArrayDeque<>();
        JsonValue root = null;
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                JsonValue value = null;
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (open.size() >= limits.depth()) {
                            throw JsonRefused.of("json_too_deep", "The JSON is nested deeper than " + limits.depth()
                                    + " levels.");
                        }
                        open.push(new Open(event == JsonParser.Event.START_OBJECT));
                    }
                    case KEY_NAME -> {
                        Open object = open.peek();
                        String name = string(parser.getString(), limits);
                        if (!object.names.add(name)) {
                            throw JsonRefused.of("json_duplicate_name", "The JSON names \"" + excerpt(name)
                                    + "\" twice in one object.");
                        }
                        object.name = name;
                    }
                    case END_OBJECT, END_ARRAY -> value = open.pop().build();
                    case VALUE_STRING -> value = JSON.createValue(string(parser.getString(), limits));
                    case VALUE_NUMBER -> value = JSON.createValue(number(parser));
                    case VALUE_TRUE -> value = JsonValue.TRUE;
                    case VALUE_FALSE -> value = JsonValue.FALSE;
                    case VALUE_NULL -> value = JsonValue.NULL;
                    default -> throw JsonRefused.of("json_malformed", "The JSON is not valid.");
                }
                if (value == null) {
                    continue;
                }
                Open parent = open.peek();
                if (parent == null) {
                    root = value;
                } else {
                    if (++parent.members > limits.members()) {
                        throw JsonRefused.of("json_too_many_members", "An object or array in the JSON has more than "
                                + limits.members() + " members.");
                    }
                    if (parent.object != null) {
                        parent.object.add(parent.name, value);
                    } else {
                        parent.array.add(value);
                    }
                }
            }
        } catch (JsonRefused refused) {
            throw refused;
        } catch (JsonException | IllegalStateException | IllegalArgumentException | ArithmeticException e) {
            // the parser's own words say where (line and column); nothing else of the input is echoed
            String where = e.getMessage() == null ? "" : ": " + excerpt(e.getMessage());
            throw JsonRefused.of("json_malformed", "The JSON is not valid" + where);
        }
        if (root == null) {
            throw JsonRefused.of("json_malformed", "The JSON is not valid: it ends before its value does.");
        }
        return root;
    }

    private static String string(String value, Limits limits) {
        if (value.length() > limits.stringLength()) {
            throw JsonRefused.of("json_string_too_long", "A string in the JSON is longer than "
                    + limits.stringLength() + " characters.");
        }
        return value;
    }

    private static BigDecimal number(JsonParser parser) {
        String literal = parser.getString();
        if (literal.length() > MAX_NUMBER_LENGTH) {
            throw JsonRefused.of("json_number_too_long", "A number in the JSON is longer than " + MAX_NUMBER_LENGTH
                    + " characters.");
        }
        BigDecimal number = parser.getBigDecimal();
        if (Math.abs((long) number.scale()) > MAX_NUMBER_SCALE) {
            throw JsonRefused.of("json_number_out_of_range", "A number in the JSON (" + literal + ") is beyond any "
                    + "range Invigil accepts.");
        }
        return number;
    }

    private static String excerpt(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
