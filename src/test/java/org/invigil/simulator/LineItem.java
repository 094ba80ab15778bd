package org.invigil.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A gradebook column (AGS 2.0 §3.2). Holds the latest {@link Score} per user and the full history of accepted
 * scores, for assertions. Its URL is {@code {issuer}/ags/{contextId}/lineitems/{id}/lineitem?type_id={typeId}},
 * shaped like Moodle's so that tools must insert {@code /scores} or {@code /results} before the query string.
 */
public final class LineItem {
    private final Course course;
    private final long id;
    private final ToolRegistration owner;
    private volatile String label;
    private volatile double scoreMaximum;
    private volatile String resourceLinkId;
    private volatile String resourceId;
    private volatile String tag;
    private volatile String startDateTime;
    private volatile String endDateTime;
    private final Map<String, Score> latest = new LinkedHashMap<>();
    private final List<Score> history = new ArrayList<>();
    private final List<Score> posts = new ArrayList<>();

    LineItem(Course course, long id, String label, double scoreMaximum, ToolRegistration owner) {
        this.course = course;
        this.id = id;
        this.label = label;
        this.scoreMaximum = scoreMaximum;
        this.owner = owner;
    }

    public Course course() {
        return course;
    }

    /** The simulator's numeric id (the last path segment before {@code /lineitem}). */
    public long id() {
        return id;
    }

    public String label() {
        return label;
    }

    public double scoreMaximum() {
        return scoreMaximum;
    }

    public Optional<String> resourceLinkId() {
        return Optional.ofNullable(resourceLinkId);
    }

    public Optional<String> resourceId() {
        return Optional.ofNullable(resourceId);
    }

    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    public Optional<String> startDateTime() {
        return Optional.ofNullable(startDateTime);
    }

    public Optional<String> endDateTime() {
        return Optional.ofNullable(endDateTime);
    }

    /** The tool that created it, or empty when created by the test (visible to every tool). */
    public Optional<ToolRegistration> owner() {
        return Optional.ofNullable(owner);
    }

    /** The latest accepted score of a user. */
    public synchronized Optional<Score> score(String userId) {
        return Optional.ofNullable(latest.get(userId));
    }

    /** The latest accepted score per user id. */
    public synchronized Map<String, Score> scores() {
        return Map.copyOf(latest);
    }

    /** Every accepted score, in arrival order. */
    public synchronized List<Score> scoreHistory() {
        return List.copyOf(history);
    }

    /** Every score posted, taken or refused (409), in arrival order. */
    public synchronized List<Score> scorePosts() {
        return List.copyOf(posts);
    }

    LineItem label(String label) {
        this.label = label;
        return this;
    }

    LineItem scoreMaximum(double scoreMaximum) {
        this.scoreMaximum = scoreMaximum;
        return this;
    }

    LineItem resourceLinkId(String resourceLinkId) {
        this.resourceLinkId = resourceLinkId;
        return this;
    }

    LineItem resourceId(String resourceId) {
        this.resourceId = resourceId;
        return this;
    }

    LineItem tag(String tag) {
        this.tag = tag;
        return this;
    }

    LineItem startDateTime(String startDateTime) {
        this.startDateTime = startDateTime;
        return this;
    }

    LineItem endDateTime(String endDateTime) {
        this.endDateTime = endDateTime;
        return this;
    }

    /** Stores a score unless it is not newer, at second granularity, than the stored one (Moodle answers 409). */
    synchronized boolean accept(Score score) {
        posts.add(score);
        Score previous = latest.get(score.userId());
        if (previous != null
                && score.timestamp().getEpochSecond() <= previous.timestamp().getEpochSecond()) {
            return false;
        }
        latest.put(score.userId(), score);
        history.add(score);
        return true;
    }

    @Override
    public String toString() {
        return "LineItem[" + id + " " + label + " /" + scoreMaximum + "]";
    }
}
