package org.invigil.integrity.entity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The stored integrity result of one attempt. */
@Entity
@Table(name = "integrity_result")
public class IntegrityResult {

    @Id
    @Column(name = "session_id")
    private String sessionId;

    @Column(nullable = false)
    private int score;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_state", nullable = false)
    private ReviewState reviewState;

    @Column(nullable = false)
    private String contributions;

    @Column(name = "computed_at", nullable = false)
    private Instant computedAt;

    @Column(name = "quiz_seconds")
    private Long quizSeconds;

    @Column(name = "monitored_seconds")
    private Long monitoredSeconds;

    @Column(name = "quiz_seen")
    private Short quizSeen;

    protected IntegrityResult() {
    }

    public IntegrityResult(String sessionId) {
        this.sessionId = sessionId;
    }

    public void update(int score, ReviewState reviewState, List<Contribution> contributions, Instant at) {
        if (this.reviewState == ReviewState.REVIEWED) {
            return;
        }
        this.score = score;
        this.reviewState = reviewState;
        JsonArrayBuilder json = Json.createArrayBuilder();
        contributions.forEach(c -> json.add(Json.createObjectBuilder().add("rule", c.ruleId()).add("points", c.points())
                .add("incidents", c.incidents()).add("strength", c.strength()).add("explanation", c.explanation())));
        this.contributions = json.build().toString();
        this.computedAt = at;
    }

    /** The monitoring coverage the result was computed with (kept even after a person decided). */
    public void coverage(long quizSeconds, long monitoredSeconds, boolean quizSeen) {
        this.quizSeconds = quizSeconds;
        this.monitoredSeconds = monitoredSeconds;
        this.quizSeen = (short) (quizSeen ? 1 : 0);
    }

    /** The coverage the result states; empty for results computed before coverage was measured. */
    public Optional<CoverageFigures> coverage() {
        return quizSeconds == null || monitoredSeconds == null ? Optional.empty()
                : Optional.of(new CoverageFigures(quizSeen != null && quizSeen == 1, quizSeconds,
                monitoredSeconds));
    }

    /** A person has decided; computations no longer change the result. */
    public void reviewed() {
        this.reviewState = ReviewState.REVIEWED;
    }

    public String sessionId() {
        return sessionId;
    }

    public int score() {
        return score;
    }

    public ReviewState reviewState() {
        return reviewState;
    }

    public Instant computedAt() {
        return computedAt;
    }

    public List<Contribution> contributions() {
        List<Contribution> list = new ArrayList<>();
        for (JsonValue value : Json.createReader(new StringReader(contributions)).readArray()) {
            JsonObject c = value.asJsonObject();
            list.add(new Contribution(c.getString("rule"), c.getInt("points"), c.getInt("incidents"),
                    // results computed before the rename kept it as "confidence"
                    (c.containsKey("strength") ? c.getJsonNumber("strength") : c.getJsonNumber("confidence"))
                            .doubleValue(), c.getString("explanation")));
        }
        return list;
    }
}
