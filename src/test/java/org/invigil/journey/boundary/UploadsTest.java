package org.invigil.journey.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.invigil.monitoring.control.EventIngestion;
import org.invigil.monitoring.control.MonitoringRefused;
import org.invigil.web.boundary.RefusalMapper;
import org.invigil.json.control.BoundedJson;
import org.junit.jupiter.api.Test;

class UploadsTest {

    static List<EventIngestion.Item> events(String json) {
        return Uploads.events(BoundedJson.object(json));
    }

    static void refused(String json, String code, String says) {
        MonitoringRefused refused = assertThrows(MonitoringRefused.class, () -> events(json));
        assertEquals(400, RefusalMapper.problem(refused).status());
        assertEquals(code, RefusalMapper.problem(refused).code(), RefusalMapper.problem(refused).detail());
        assertTrue(RefusalMapper.problem(refused).detail().contains(says), RefusalMapper.problem(refused).detail());
    }

    static String one(String members) {
        return "{\"events\": [{\"type\": \"audio-voice\", " + members + "}]}";
    }

    @Test
    void readsWhatTheBrowserClientSends() {
        List<EventIngestion.Item> items = events("{\"events\": [{\"sequence\": 7, \"type\": \"audio-voice\", \"at\": "
                + "\"2026-11-21T10:15:30.123Z\", \"data\": {\"durationMs\": 6200, \"level\": 0.42}}, "
                + "{\"sequence\": 9007199254740991, \"type\": \"multiple-screens\", \"data\": {\"screens\": 2, "
                + "\"exact\": true}}, {\"sequence\": 1e3, \"type\": \"heartbeat\", \"data\": {}}]}");
        assertEquals(7, items.get(0).sequence());
        assertEquals(Instant.parse("2026-11-21T10:15:30.123Z"), items.get(0).at());
        assertEquals(Optional.of("{\"durationMs\":6200,\"level\":0.42}"), items.get(0).data());
        assertEquals(9_007_199_254_740_991L, items.get(1).sequence());
        assertEquals(1000, items.get(2).sequence(), "an integral number in any notation is that number");
    }

    @Test
    void refusesSequencesOutsideOneToTwoToThe53() {
        refused(one("\"sequence\": 1000000000000000000000000000000"), "sequence_invalid", "events[0].sequence");
        refused(one("\"sequence\": 9007199254740992"), "sequence_invalid", "9007199254740991");
        refused(one("\"sequence\": 0"), "sequence_invalid", "from 1");
        refused(one("\"sequence\": -4"), "sequence_invalid", "-4");
        refused(one("\"sequence\": 2.5"), "sequence_invalid", "2.5");
        refused(one("\"sequence\": \"3\""), "sequence_invalid", "not a string");
        refused(one("\"x\": 0"), "sequence_invalid", "not missing");
    }

    @Test
    void refusesNumbersInDataOutOfTheirRangesNamingTheField() {
        refused(one("\"sequence\": 1, \"data\": {\"durationMs\": 1e300}"), "event_data_out_of_range",
                "events[0].data.durationMs must be a number from 0 to 86400000, not 1E+300");
        refused(one("\"sequence\": 1, \"data\": {\"durationMs\": -1}"), "event_data_out_of_range", "durationMs");
        refused(one("\"sequence\": 1, \"data\": {\"level\": 1.01}"), "event_data_out_of_range", "data.level");
        refused(one("\"sequence\": 1, \"data\": {\"level\": true}"), "event_data_out_of_range", "not a boolean");
        refused(one("\"sequence\": 1, \"data\": {\"screens\": 65}"), "event_data_out_of_range", "data.screens");
        refused(one("\"sequence\": 1, \"data\": {\"screens\": 1.5}"), "event_data_out_of_range", "whole number");
        refused(one("\"sequence\": 1, \"data\": \"loud\""), "event_data_invalid", "not a string");
        refused(one("\"sequence\": 1, \"data\": {\"x\": \"" + "a".repeat(1000) + "\"}"), "event_data_too_large",
                "1000");
        assertEquals(Optional.empty(), events(one("\"sequence\": 1, \"data\": null")).get(0).data());
    }

    @Test
    void refusesTimesThatCannotBeStoredOrRead() {
        refused(one("\"sequence\": 1, \"at\": \"-999999999-01-01T00:00:00Z\""), "at_invalid", "events[0].at");
        refused(one("\"sequence\": 1, \"at\": \"+10000-01-01T00:00:00Z\""), "at_invalid", "9999");
        refused(one("\"sequence\": 1, \"at\": \"2026-13-01T00:00:00Z\""), "at_invalid", "ISO-8601");
        refused(one("\"sequence\": 1, \"at\": 1700000000000"), "at_invalid", "not a number");
        MonitoringRefused header = assertThrows(MonitoringRefused.class,
                () -> Uploads.capturedAt("-999999999-01-01T00:00:00Z"));
        assertEquals("captured_at_invalid", RefusalMapper.problem(header).code());
    }

    @Test
    void refusesFrameSequenceHeadersOutOfRange() {
        assertEquals(9_007_199_254_740_991L, Uploads.sequence(" 9007199254740991 "));
        for (String header : new String[] {"1000000000000000000000000000000", "9007199254740992", "0", "-3", "+5",
                "1e3", "seven"}) {
            MonitoringRefused refused = assertThrows(MonitoringRefused.class, () -> Uploads.sequence(header));
            assertEquals("sequence_invalid", RefusalMapper.problem(refused).code(), header);
        }
    }

    @Test
    void aLivenessStepIsASmallWholeNumber() {
        assertEquals(2, Uploads.step("2"));
        for (String query : new String[] {null, "", "two", "-1", "99999999999", "1.0"}) {
            MonitoringRefused refused = assertThrows(MonitoringRefused.class, () -> Uploads.step(query));
            assertEquals("liveness_step", RefusalMapper.problem(refused).code(), query);
        }
    }

    @Test
    void refusesEventsThatAreNotObjects() {
        refused("{\"events\": [3]}", "event_invalid", "events[0] must be a JSON object, not a number");
        MonitoringRefused missing = assertThrows(MonitoringRefused.class,
                () -> Uploads.events((JsonObject) null));
        assertEquals("events_missing", RefusalMapper.problem(missing).code());
    }
}
