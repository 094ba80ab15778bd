package org.invigil.monitoring.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The exam-page agent saw the attempt's student on a quiz page of that kind at that time. Nothing else is kept. */
@Entity
@Table(name = "quiz_sighting")
public class QuizSighting {

    @Id
    private String id;

    @Column(name = "session_id", nullable = false)
    private String sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QuizPage page;

    @Column(name = "seen_at", nullable = false)
    private Instant seenAt;

    protected QuizSighting() {
    }

    public QuizSighting(String sessionId, QuizPage page, Instant seenAt) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.page = page;
        this.seenAt = seenAt;
    }

    public String sessionId() {
        return sessionId;
    }

    public QuizPage page() {
        return page;
    }

    public Instant seenAt() {
        return seenAt;
    }
}
