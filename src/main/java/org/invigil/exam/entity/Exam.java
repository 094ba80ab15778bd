package org.invigil.exam.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.PlatformId;

/**
 * A proctored exam. Created by deep linking before the platform has made the resource link (so the link id is
 * learned at the first launch, through the {@code invigil_exam} custom parameter), or on the first launch of a link
 * the tool did not create.
 */
@Entity
@Table(name = "exam")
public class Exam {

    @Id
    private String id;

    @Column(name = "platform_id", nullable = false)
    private String platformId;

    @Column(name = "deployment_id", nullable = false)
    private String deploymentId;

    @Column(name = "context_id")
    private String contextId;

    @Column(name = "context_title")
    private String contextTitle;

    @Column(name = "resource_link_id")
    private String resourceLinkId;

    @Column(nullable = false)
    private String title;

    @Column(name = "settings", nullable = false)
    private String settings;

    @Column(name = "line_item_url")
    private String lineItemUrl;

    @Column(name = "line_items_url")
    private String lineItemsUrl;

    @Column(name = "memberships_url")
    private String membershipsUrl;

    /** Open edX's {@code custom.roster_url} of a staff launch: anonymous ids to usernames, for staff browsers only. */
    @Column(name = "learner_names_url")
    private String learnerNamesUrl;

    @Column(name = "integrity_line_item_url")
    private String integrityLineItemUrl;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Exam() {
    }

    public Exam(String platformId, String deploymentId, String contextId, String title, ExamSettings settings,
                Instant now) {
        this.id = UUID.randomUUID().toString();
        this.platformId = platformId;
        this.deploymentId = deploymentId;
        this.contextId = contextId;
        this.title = title;
        this.createdAt = now;
        configure(settings);
    }

    public void configure(ExamSettings settings) {
        this.settings = settings.toJson();
    }

    /** The first launch tells which resource link the platform made for this exam; it never changes after. */
    public void bindTo(String resourceLinkId) {
        if (this.resourceLinkId == null) {
            this.resourceLinkId = resourceLinkId;
        }
    }

    /** Whether a launch into {@code contextId} may use this exam (a deep-linked exam belongs to one course). */
    public boolean belongsTo(String platformId, String deploymentId, String contextId) {
        return this.platformId.equals(platformId) && this.deploymentId.equals(deploymentId)
                && (this.contextId == null || this.contextId.equals(contextId));
    }

    /** Remembers what the latest launch said about the course and the services; absent values leave ours. */
    public void observe(String contextId, String contextTitle, String lineItemUrl, String lineItemsUrl,
                        String membershipsUrl) {
        if (this.contextId == null) {
            this.contextId = contextId;
        }
        this.contextTitle = contextTitle == null ? this.contextTitle : contextTitle;
        this.lineItemUrl = lineItemUrl == null ? this.lineItemUrl : lineItemUrl;
        this.lineItemsUrl = lineItemsUrl == null ? this.lineItemsUrl : lineItemsUrl;
        this.membershipsUrl = membershipsUrl == null ? this.membershipsUrl : membershipsUrl;
    }

    /** Remembers the latest staff launch's roster of anonymous learners (Open edX's {@code custom.roster_url}). */
    public void observeLearnerNames(String url) {
        this.learnerNamesUrl = url;
    }

    /** The gate: the link's own line item, found or created through AGS when the launch did not name one. */
    public void useLineItem(String url) {
        this.lineItemUrl = url;
    }

    /** The integrity column, once found or created through AGS. */
    public void useIntegrityLineItem(String url) {
        this.integrityLineItemUrl = url;
    }

    public Optional<String> integrityLineItemUrl() {
        return Optional.ofNullable(integrityLineItemUrl);
    }

    /** The exam's id as the value type other components take. */
    public ExamId examId() {
        return ExamId.of(id);
    }

    /** The platform registration the exam belongs to. */
    public PlatformId platform() {
        return PlatformId.of(platformId);
    }

    public String id() {
        return id;
    }

    public String platformId() {
        return platformId;
    }

    public String deploymentId() {
        return deploymentId;
    }

    public Optional<String> contextId() {
        return Optional.ofNullable(contextId);
    }

    public Optional<String> contextTitle() {
        return Optional.ofNullable(contextTitle);
    }

    public Optional<String> resourceLinkId() {
        return Optional.ofNullable(resourceLinkId);
    }

    public String title() {
        return title;
    }

    public ExamSettings settings() {
        return ExamSettings.fromJson(settings);
    }

    public Optional<String> lineItemUrl() {
        return Optional.ofNullable(lineItemUrl);
    }

    public Optional<String> lineItemsUrl() {
        return Optional.ofNullable(lineItemsUrl);
    }

    public Optional<String> membershipsUrl() {
        return Optional.ofNullable(membershipsUrl);
    }

    public Optional<String> learnerNamesUrl() {
        return Optional.ofNullable(learnerNamesUrl);
    }
}
