package org.invigil.notification.entity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One event about an attempt, exactly as a webhook receives it:
 * {@code {type, id, occurredAt, exam:{id,title,course}, attempt:{id, student, studentId, score, reviewState,
 * reasons[, decision]}}}. Emails are written from the same event.
 */
public record NotificationEvent(EventType type, String id, Instant occurredAt, Exam exam, Attempt attempt) {

    /** The exam the attempt belongs to; {@code course} is the LMS context title, empty when unknown. */
    public record Exam(String id, String title, String course) {
    }

    /**
     * The attempt: the student's name (and LMS user id), the integrity score (0-100), the review state and the
     * reasons a person must look (rule ids such as {@code several-faces}); {@code decision} for reviewed events.
     */
    public record Attempt(String id, String studentId, String student, int score, String reviewState,
                          List<String> reasons, Optional<String> decision) {

        public Attempt {
            reasons = List.copyOf(reasons);
        }
    }

    /** The one id the "needs review" event of an attempt has, so the same attempt is never announced twice. */
    public static String needsReviewId(String sessionId) {
        return UUID.nameUUIDFromBytes((EventType.NEEDS_REVIEW.id() + "/" + sessionId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    public String toJson() {
        JsonArrayBuilder reasons = Json.createArrayBuilder();
        attempt.reasons().forEach(reasons::add);
        JsonObjectBuilder attemptJson = Json.createObjectBuilder()
                .add("id", attempt.id())
                .add("student", attempt.student())
                .add("studentId", attempt.studentId())
                .add("score", attempt.score())
                .add("reviewState", attempt.reviewState())
                .add("reasons", reasons);
        attempt.decision().ifPresent(decision -> attemptJson.add("decision", decision));
        return Json.createObjectBuilder()
                .add("type", type.id())
                .add("id", id)
                .add("occurredAt", occurredAt.toString())
                .add("exam", Json.createObjectBuilder().add("id", exam.id()).add("title", exam.title())
                        .add("course", exam.course()))
                .add("attempt", attemptJson)
                .build().toString();
    }

    public static NotificationEvent parse(String json) {
        JsonObject event = Json.createReader(new StringReader(json)).readObject();
        JsonObject exam = event.getJsonObject("exam");
        JsonObject attempt = event.getJsonObject("attempt");
        return new NotificationEvent(
                EventType.of(event.getString("type")).orElseThrow(() -> new IllegalArgumentException(
                        "unknown event type " + event.getString("type"))),
                event.getString("id"), Instant.parse(event.getString("occurredAt")),
                new Exam(exam.getString("id"), exam.getString("title"), exam.getString("course", "")),
                new Attempt(attempt.getString("id"), attempt.getString("studentId", ""), attempt.getString("student"),
                        attempt.getInt("score"), attempt.getString("reviewState"),
                        attempt.getJsonArray("reasons").getValuesAs(JsonString.class).stream()
                                .map(JsonString::getString).toList(),
                        Optional.ofNullable(attempt.getString("decision", null))));
    }
}
