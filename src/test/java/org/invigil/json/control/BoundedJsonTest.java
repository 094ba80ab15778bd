package org.invigil.json.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.invigil.web.boundary.RefusalMapper;
import org.junit.jupiter.api.Test;

class BoundedJsonTest {

    static JsonRefused refused(String text) {
        return assertThrows(JsonRefused.class, () -> BoundedJson.read(text));
    }

    static void refused(String text, int status, String code, String says) {
        JsonRefused refusal = refused(text);
        assertEquals(status, RefusalMapper.problem(refusal.refusal()).status(), refusal.getMessage());
        assertEquals(code, refusal.refusal().code(), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(says), refusal.getMessage());
    }

    @Test
    void readsWhatRealBodiesLookLike() {
        JsonObject events = BoundedJson.object("{\"events\": [{\"sequence\": 9007199254740991, \"type\": \"audio-voice\","
                + " \"at\": \"2026-11-21T10:15:30Z\", \"data\": {\"durationMs\": 6200, \"level\": 0.42, \"exact\": true,"
                + " \"none\": null, \"text\": \"caf\\u00e9 \\ud83d\\ude00\", \"empty\": {}, \"list\": []}}]}");
        JsonObject event = events.getJsonArray("events").getJsonObject(0);
        assertEquals(9007199254740991L, event.getJsonNumber("sequence").longValueExact());
        JsonObject data = event.getJsonObject("data");
        assertEquals(0.42, data.getJsonNumber("level").doubleValue());
        assertEquals(JsonValue.TRUE, data.get("exact"));
        assertEquals(JsonValue.NULL, data.get("none"));
        assertEquals("café \ud83d\ude00", data.getString("text"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, data.getJsonObject("empty"));
        assertEquals(0, data.getJsonArray("list").size());
        assertEquals("[1,\"a\",[true]]", BoundedJson.read("[1, \"a\", [true]]").toString());
        assertEquals("7", BoundedJson.read(" 7 ").toString());
    }

    @Test
    void refusesNestingDeeperThanTheLimitAtAnyDepthOfInput() {
        String ok = "[".repeat(32) + "]".repeat(32);
        assertEquals(ok, BoundedJson.read(ok).toString());
        refused("[".repeat(33) + "]".repeat(33), 400, "json_too_deep", "deeper than 32 levels");
        refused("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000), 400, "json_too_deep", "32");
        refused("[".repeat(1_000_000), 400, "json_too_deep", "32");
    }

    @Test
    void refusesTooLargeBodiesWith413() {
        BoundedJson.Limits small = new BoundedJson.Limits(32, 100, 1000, 1000);
        JsonRefused refusal = assertThrows(JsonRefused.class,
                () -> BoundedJson.read("[\"" + "a".repeat(200) + "\"]", small));
        assertEquals(413, RefusalMapper.problem(refusal.refusal()).status());
        assertEquals("json_too_large", refusal.refusal().code());
        JsonRefused streamed = assertThrows(JsonRefused.class, () -> BoundedJson.read(
                new ByteArrayInputStream(("[\"" + "a".repeat(200) + "\"]").getBytes(StandardCharsets.UTF_8)), small));
        assertEquals(413, RefusalMapper.problem(streamed.refusal()).status());
    }

    @Test
    void refusesTooManyMembersTooLongStringsAndNamesTwice() {
        refused("[" + "0,".repeat(1000) + "0]", 400, "json_too_many_members", "1000");
        refused("{" + "\"k\":0,".repeat(0) + keys(1001) + "}", 400, "json_too_many_members", "1000");
        refused("[\"" + "x".repeat(65_537) + "\"]", 400, "json_string_too_long", "65536");
        refused("{\"" + "x".repeat(65_537) + "\": 1}", 400, "json_string_too_long", "65536");
        refused("{\"a\": 1, \"b\": 2, \"a\": 3}", 400, "json_duplicate_name", "\"a\" twice");
        assertEquals(2, BoundedJson.object("{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}}").size(),
                "the same name in different objects is fine");
    }

    private static String keys(int count) {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < count; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
        }
        return keys.toString();
    }

    @Test
    void refusesNumbersNoConversionCouldHandleQuickly() {
        refused("[1e999999999]", 400, "json_number_out_of_range", "1e999999999");
        refused("[1e-999999999]", 400, "json_number_out_of_range", "beyond");
        refused("[" + "9".repeat(101) + "]", 400, "json_number_too_long", "100");
        assertEquals(1e300, BoundedJson.read("[1e300]").asJsonArray().getJsonNumber(0).doubleValue(),
                "large but bounded numbers are read (the caller checks its own ranges)");
    }

    @Test
    void refusesWhatIsNotJson() {
        for (String text : new String[] {"[NaN]", "[Infinity]", "[-Infinity]", "{\"a\": 1,}", "[1] [2]", "{\"a\"",
                "[01]", "'a'", "{a: 1}", "[1, 2"}) {
            JsonRefused refusal = refused(text);
            assertEquals("json_malformed", refusal.refusal().code(), text + ": " + refusal.getMessage());
            assertEquals(400, RefusalMapper.problem(refusal.refusal()).status());
        }
        refused(" ", 400, "json_empty", "empty");
    }

    @Test
    void refusesInvalidUtf8AndSkipsAByteOrderMark() {
        byte[] invalid = {'[', '"', (byte) 0xC3, (byte) 0x28, '"', ']'};
        JsonRefused refusal = assertThrows(JsonRefused.class,
                () -> BoundedJson.read(new ByteArrayInputStream(invalid)));
        assertEquals("json_not_utf8", refusal.refusal().code());
        byte[] overlong = {'[', '"', (byte) 0xC0, (byte) 0xAF, '"', ']'};
        assertThrows(JsonRefused.class, () -> BoundedJson.read(new ByteArrayInputStream(overlong)));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', '1', ']'};
        assertEquals("[1]", BoundedJson.read(new ByteArrayInputStream(bom)).orElseThrow().toString());
    }

    @Test
    void noBodyIsEmptyAndTheWrongTopLevelTypeIsNamed() {
        assertEquals(Optional.empty(), BoundedJson.read(new ByteArrayInputStream(new byte[0])));
        assertEquals(Optional.empty(), BoundedJson.read(new ByteArrayInputStream(" \n".getBytes())));
        JsonRefused array = assertThrows(JsonRefused.class,
                () -> BoundedJson.as(BoundedJson.read("[1]"), JsonObject.class, "The body"));
        assertEquals("json_type", array.refusal().code());
        assertEquals("The body must be a JSON object, not an array.", array.getMessage());
        JsonRefused object = assertThrows(JsonRefused.class,
                () -> BoundedJson.as(BoundedJson.read("{}"), JsonArray.class, "The body"));
        assertEquals("The body must be a JSON array, not an object.", object.getMessage());
        assertEquals("The JSON must be a JSON object, not a string.",
                assertThrows(JsonRefused.class, () -> BoundedJson.object("\"x\"")).getMessage());
    }

    @Test
    void aRefusalIsAJsonExceptionSoExistingHandlersCatchIt() {
        JsonException failure = assertThrows(JsonException.class, () -> BoundedJson.object("[".repeat(5000)));
        assertTrue(failure instanceof JsonRefused);
    }
}
