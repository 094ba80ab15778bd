package org.invigil.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a student answered to their own report, about the whole attempt or one incident, written before a reviewer's
 * final decision; reviewers read it beside the evidence. It is never edited: a student adds another one.
 */
@Entity
@Table(name = "student_response")
public class StudentResponse {

    @Id
    private String id;

    @Column(name = "session_id", nullable = false)
    private String sessionId;

    @Column(name = "incident_id")
    private String incidentId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "user_name", nullable = false)
    private String userName;

    @Column(nullable = false)
    private String body;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    protected StudentResponse() {
    }

    private StudentResponse(String sessionId, String incidentId, String userId, String userName, String body,
                            Instant at) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.incidentId = incidentId;
        this.userId = userId;
        this.userName = userName;
        this.body = body;
        this.writtenAt = at;
    }

    /**
     * The student's response, if the window lets them write it.
     *
     * @throws Refused with the window's reason otherwise
     */
    public static StudentResponse write(ResponseWindow window, String sessionId, String incidentId, String userId,
                                        String userName, String text, Instant at) {
        window.refusal(incidentId, text).ifPresent(reason -> {
            throw new Refused(reason);
        });
        return new StudentResponse(sessionId, incidentId == null || incidentId.isBlank() ? null : incidentId, userId,
                userName, text.strip(), at);
    }

    /** A response the window does not take. */
    public static class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final ResponseWindow.Refusal reason;

        public Refused(ResponseWindow.Refusal reason) {
            super(reason.words());
            this.reason = reason;
        }

        public ResponseWindow.Refusal reason() {
            return reason;
        }
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public Optional<String> incidentId() {
        return Optional.ofNullable(incidentId);
    }

    public String userId() {
        return userId;
    }

    public String userName() {
        return userName;
    }

    public String text() {
        return body;
    }

    public Instant writtenAt() {
        return writtenAt;
    }
}
