package org.invigil.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An LTI context (a course), created with {@link LtiPlatformSimulator#course(String, String)}: its members with
 * their context roles, its resource links and its gradebook (line items).
 */
public final class Course {
    private final LtiPlatformSimulator platform;
    private final String id;
    private final String title;
    private volatile String label;
    private final Map<String, Membership> members = new LinkedHashMap<>();
    private final Map<String, ResourceLink> links = new LinkedHashMap<>();
    private final List<LineItem> lineItems = new ArrayList<>();
    /** Link ids are unique across the whole platform, as LMSs make them (Moodle's course-module ids). */
    private static final AtomicLong nextLinkId = new AtomicLong(1000);

    /** A user's enrolment: roles in this course and whether it is active. */
    public record Membership(User user, Set<Role> roles, boolean active) {
    }

    Course(LtiPlatformSimulator platform, String id, String title) {
        this.platform = platform;
        this.id = id;
        this.title = title;
        this.label = id.toUpperCase(java.util.Locale.ROOT);
    }

    /** Sets {@code context.label} (default: the id in upper case). */
    public Course label(String label) {
        this.label = label;
        return this;
    }

    /** Enrols (or re-enrols, replacing roles) a user with context roles. */
    public synchronized Course enrol(User user, Role... roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        for (Role role : roles) {
            if (!role.isContextRole()) {
                throw new IllegalArgumentException(role + " is not a context role: use User.institutionRoles");
            }
            set.add(role);
        }
        members.put(user.sub(), new Membership(user, set, true));
        return this;
    }

    /** Suspends an enrolment: NRPS reports the member {@code Inactive}. */
    public synchronized Course suspend(User user) {
        Membership m = membership(user).orElseThrow(() -> new IllegalArgumentException(user + " not enrolled"));
        members.put(user.sub(), new Membership(user, m.roles(), false));
        return this;
    }

    /** Removes a user from the course. */
    public synchronized Course unenrol(User user) {
        members.remove(user.sub());
        return this;
    }

    /** Creates a resource link (an activity placed in the course) launching the only/first registered tool. */
    public synchronized ResourceLink resourceLink(String linkId, String linkTitle) {
        if (links.containsKey(linkId)) {
            throw new IllegalArgumentException("resource link " + linkId + " exists");
        }
        ResourceLink link = new ResourceLink(this, linkId, linkTitle);
        links.put(linkId, link);
        return link;
    }

    synchronized ResourceLink newResourceLink(String linkTitle) {
        String linkId;
        do {
            linkId = Long.toString(nextLinkId.incrementAndGet());
        } while (links.containsKey(linkId));
        return resourceLink(linkId, linkTitle);
    }

    /** The resource link with that id. */
    public synchronized Optional<ResourceLink> link(String linkId) {
        return Optional.ofNullable(links.get(linkId));
    }

    public synchronized List<ResourceLink> links() {
        return List.copyOf(links.values());
    }

    public synchronized Optional<Membership> membership(User user) {
        return Optional.ofNullable(members.get(user.sub()));
    }

    public synchronized Optional<Membership> membership(String sub) {
        return Optional.ofNullable(members.get(sub));
    }

    /** All enrolments in enrolment order. */
    public synchronized List<Membership> members() {
        return List.copyOf(members.values());
    }

    /** The gradebook columns, including the ones tools created over AGS. */
    public List<LineItem> lineItems() {
        synchronized (lineItems) {
            return List.copyOf(lineItems);
        }
    }

    /** The line item with that (simulator) id. */
    public Optional<LineItem> lineItem(long lineItemId) {
        synchronized (lineItems) {
            return lineItems.stream().filter(li -> li.id() == lineItemId).findFirst();
        }
    }

    LineItem addLineItem(String label, double scoreMaximum, ToolRegistration owner) {
        LineItem item = new LineItem(this, platform.nextLineItemId(), label, scoreMaximum, owner);
        synchronized (lineItems) {
            lineItems.add(item);
        }
        return item;
    }

    boolean removeLineItem(LineItem item) {
        synchronized (lineItems) {
            return lineItems.remove(item);
        }
    }

    List<Role> roles(User user) {
        return membership(user).map(m -> List.copyOf(m.roles())).orElse(Collections.emptyList());
    }

    LtiPlatformSimulator platform() {
        return platform;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return "Course[" + id + " " + title + "]";
    }
}
