package org.invigil.journey.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.Role;
import org.invigil.simulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retention runs in a running server (issue 10, item 6): an ended attempt whose exam's retention has passed loses its
 * evidence, analyses and events and its data key, and a reference photo unused for
 * {@code invigil.retention.reference-days} is deleted, each with a receipt in the audit log, while the incident list
 * and the result stay. Time is moved by ageing the rows in the stopped Invigil's own Derby database; the purge then
 * runs shortly after the next start ({@code invigil.retention.after-start-seconds=3}), as it does after every start.
 */
class RetentionIT {

    private static final Path WORK = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("target/retention-it");
    private static final String STUDENT = "171";
    private static final String PHOTOGRAPHED = "172";

    static RestartIT.Tool tool;
    static LtiPlatformSimulator lms;
    static Course course;
    static ResourceLink exam;
    static User teacher;

    @BeforeAll
    static void invigilOfItsOwnThatPurgesSoonAfterStarting() throws Exception {
        tool = new RestartIT.Tool(WORK, List.of("invigil.retention.after-start-seconds=3",
                "invigil.retention.reference-days=1"));
        tool.start("first");
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        teacher = lms.user("170", "Keep", "Short");
        course = lms.course("17", "Forgetting 101").enrol(teacher, Role.INSTRUCTOR);
        exam = OutboxRestartIT.examOn(tool, lms, course, teacher, "Exam kept one day");
    }

    @AfterAll
    static void stop() {
        RestartIT.stop(lms, tool);
    }

    @Test
    void evidenceAndReferencePhotosPastTheirRetentionAreDeletedWithReceiptsAndTheResultStays() throws Exception {
        String staff = ProctoringApiIT.token(lms, exam, teacher);
        String examId = ProctoringApiIT.examId(staff);
        JsonObject settings = RestartIT.json(RestartIT.send(HttpRequest.newBuilder(tool.at("/api/exams/" + examId
                + "/settings")).header("Authorization", "Bearer " + staff).GET().build()));
        HttpResponse<String> oneDay = RestartIT.send(HttpRequest.newBuilder(tool.at("/api/exams/" + examId
                        + "/settings")).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder(settings).add("retentionDays", 1).build().toString())).build());
        assertEquals(200, oneDay.statusCode(), oneDay.body());
        User photographed = lms.user(PHOTOGRAPHED, "Photo", "Graphed");
        course.enrol(photographed, Role.LEARNER);
        HttpResponse<String> uploaded = RestartIT.send(HttpRequest.newBuilder(tool.at("/api/exams/" + examId
                        + "/references/" + PHOTOGRAPHED)).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(TestPictures.referencePhoto())).build());
        assertEquals(200, uploaded.statusCode(), uploaded.body());

        // an attempt with evidence: pictures analysed, a copy in the quiz (an incident), then ended
        User student = lms.user(STUDENT, "Soon", "Forgotten");
        course.enrol(student, Role.LEARNER);
        String[] attempt = OutboxRestartIT.monitoringOn(tool, lms, exam, teacher, student);
        String id = attempt[0];
        String token = attempt[1];
        long sequence = 1;
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> frame = RestartIT.send(HttpRequest.newBuilder(tool.at("/api/proctoring/sessions/" + id
                            + "/frames")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "image/jpeg").header("Invigil-Sequence", Long.toString(sequence++))
                    .header("Invigil-Captured-At", now.minusSeconds(9 - 3L * i).toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(TestPictures.twoPeople())).build());
            assertEquals(202, frame.statusCode(), frame.body());
        }
        HttpResponse<String> copied = RestartIT.send(HttpRequest.newBuilder(tool.at("/api/proctoring/sessions/" + id
                        + "/events")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        ProctoringApiIT.events(ProctoringApiIT.event(sequence, "copy", now)).toString())).build());
        assertEquals(200, copied.statusCode(), copied.body());
        JsonObject ended = RestartIT.json(RestartIT.send(HttpRequest.newBuilder(tool.at("/api/proctoring/sessions/"
                + id + "/end")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
        assertEquals("ended", ended.getString("state"), ended.toString());

        tool.kill();
        try (Connection db = derby()) {
            assertTrue(count(db, "select count(*) from evidence_frame where session_id = ?", id) > 0,
                    "the two-faces incident kept its evidence");
            assertTrue(count(db, "select count(*) from observation where session_id = ?", id) > 0);
            assertTrue(count(db, "select count(*) from browser_event where session_id = ?", id) > 0);
            // two days later: past the exam's one-day retention and the photo's one day
            Timestamp twoDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(2)));
            update(db, "update proctoring_session set ended_at = ? where id = ?", twoDaysAgo, id);
            update(db, "update reference_photo set created_at = ?, last_used_at = null where user_id = ?", twoDaysAgo,
                    PHOTOGRAPHED);
        } finally {
            shutDownDerby();
        }

        tool.start("second");
        String again = ProctoringApiIT.token(lms, exam, student);
        JsonObject before = report(id, again);
        assertFalse(before.getJsonArray("incidents").isEmpty(), "the attempt's incidents: " + before);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        boolean purged = false;
        while (!purged && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            purged = report(id, again).getJsonArray("incidents").getValuesAs(JsonObject.class).stream()
                    .allMatch(incident -> incident.getJsonArray("evidence").isEmpty());
        }
        assertTrue(purged, "the report shows no evidence frame any more: " + report(id, again));
        assertFalse(report(id, again).getJsonArray("incidents").isEmpty(), "and still every incident");
        tool.kill();
        try (Connection db = derby()) {
            for (String table : List.of("evidence_frame", "observation", "browser_event", "received_item")) {
                assertEquals(0, count(db, "select count(*) from " + table + " where session_id = ?", id),
                        table + " of the purged attempt");
            }
            try (PreparedStatement query = db.prepareStatement(
                    "select purged_at, wrapped_data_key from proctoring_session where id = ?")) {
                query.setString(1, id);
                try (ResultSet row = query.executeQuery()) {
                    assertTrue(row.next());
                    assertNotNull(row.getTimestamp(1), "the attempt is marked purged");
                    assertEquals(0, row.getBytes(2).length, "its data key is destroyed (crypto-shredding)");
                }
            }
            assertTrue(count(db, "select count(*) from incident where session_id = ?", id) > 0,
                    "the incident list stays, the academic record");
            assertEquals(1, count(db, "select count(*) from integrity_result where session_id = ?", id),
                    "the result stays");
            assertEquals(0, count(db, "select count(*) from reference_photo where user_id = ?", PHOTOGRAPHED),
                    "the reference photo unused past its retention is deleted");
            assertEquals(1, count(db, "select count(*) from audit_log where action = 'attempt.purged' and subject = ?",
                    "session:" + id), "the purge's receipt");
            assertEquals(1, count(db, "select count(*) from audit_log where action = 'reference.deleted' "
                    + "and detail like ?", "%student " + PHOTOGRAPHED + " %"), "the photo's receipt");
        } finally {
            shutDownDerby();
        }
    }

    static JsonObject report(String id, String token) {
        return RestartIT.json(RestartIT.send(HttpRequest.newBuilder(tool.at("/api/proctoring/sessions/" + id
                + "/report")).header("Authorization", "Bearer " + token).GET().build()));
    }

    static Connection derby() throws SQLException {
        return DriverManager.getConnection("jdbc:derby:" + WORK.resolve("data").resolve("derby"));
    }

    /** Lets the database go, so that the next Invigil can boot it (Derby answers a clean shutdown with 08006). */
    static void shutDownDerby() {
        try {
            DriverManager.getConnection("jdbc:derby:" + WORK.resolve("data").resolve("derby") + ";shutdown=true");
        } catch (SQLException expected) {
            assertEquals("08006", expected.getSQLState(), expected.getMessage());
        }
    }

    static long count(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static void update(Connection db, String sql, Timestamp at, String id) throws SQLException {
        try (PreparedStatement change = db.prepareStatement(sql)) {
            change.setTimestamp(1, at);
            change.setString(2, id);
            assertEquals(1, change.executeUpdate(), sql + " " + id);
        }
    }
}
