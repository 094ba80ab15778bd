package org.invigil.simulator;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An LTI resource link: an activity in a {@link Course} that launches a tool (LTI Core 1.3 §5.3.5). Created by
 * {@link Course#resourceLink(String, String)} or by a deep-linking response. It may have a line item (its
 * gradebook column, sent as {@code lineitem} in the AGS endpoint claim) and custom parameters.
 */
public final class ResourceLink {
    private final Course course;
    private final String id;
    private final String title;
    private final Map<String, String> custom = new LinkedHashMap<>();
    private volatile String text;
    private volatile URI url;
    private volatile ToolRegistration tool;
    private volatile LineItem lineItem;
    private volatile Instant availableUntil;

    ResourceLink(Course course, String id, String title) {
        this.course = course;
        this.id = id;
        this.title = title;
    }

    /** Adds a custom parameter ({@code custom} claim); {@code $User.id}-style substitution variables are expanded. */
    public ResourceLink custom(String name, String value) {
        synchronized (custom) {
            custom.put(name, value);
        }
        return this;
    }

    /** Sets the launch URL ({@code target_link_uri}) of this link; default is the tool's target_link_uri. */
    public ResourceLink url(URI url) {
        this.url = url;
        return this;
    }

    /**
     * Sets the link's availability end (Canvas: the assignment's "Until" / lock date), which a Canvas-flavoured
     * platform substitutes for {@code $ResourceLink.available.endDateTime}; Moodle knows no such variable.
     */
    public ResourceLink availableUntil(Instant until) {
        this.availableUntil = until;
        return this;
    }

    public Optional<Instant> availableUntil() {
        return Optional.ofNullable(availableUntil);
    }

    /** Sets the description. */
    public ResourceLink text(String text) {
        this.text = text;
        return this;
    }

    /** Binds the link to a tool (by default, launches use the only registered tool). */
    public ResourceLink tool(ToolRegistration tool) {
        this.tool = tool;
        return this;
    }

    /** Creates this link's gradebook column (as Moodle does for a graded activity) and returns the link. */
    public ResourceLink gradedOutOf(double scoreMaximum) {
        LineItem item = course.addLineItem(title, scoreMaximum, tool);
        item.resourceLinkId(id);
        this.lineItem = item;
        return this;
    }

    void lineItem(LineItem item) {
        this.lineItem = item;
    }

    public Course course() {
        return course;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    public Optional<URI> url() {
        return Optional.ofNullable(url);
    }

    public Optional<ToolRegistration> tool() {
        return Optional.ofNullable(tool);
    }

    /** The link's own line item, if graded. */
    public Optional<LineItem> lineItem() {
        return Optional.ofNullable(lineItem);
    }

    public Map<String, String> customParameters() {
        synchronized (custom) {
            return Map.copyOf(custom);
        }
    }

    @Override
    public String toString() {
        return "ResourceLink[" + id + " " + title + " in " + course.id() + "]";
    }
}
