package org.invigil.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A student's reference photo in one course, sealed, with its identity descriptor, sealed too. */
@Entity
@Table(name = "reference_photo")
public class ReferencePhoto {

    /** Where the photo came from, in the order Invigil prefers them. */
    public enum Source { INSTRUCTOR, LMS, ENROLMENT }

    /** An enrolment capture waits for a person; uploads and LMS pictures are confirmed as they come. */
    public enum Status { CONFIRMED, PENDING }

    @Id
    private String id;

    @Column(name = "platform_id", nullable = false)
    private String platformId;

    @Column(name = "context_id", nullable = false)
    private String contextId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Lob
    @Column(name = "sealed_jpeg", nullable = false)
    private byte[] sealedJpeg;

    @Column(name = "sealed_descriptor")
    private byte[] sealedDescriptor;

    private String model;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ReferencePhoto() {
    }

    public ReferencePhoto(String platformId, String contextId, String userId, Source source, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.platformId = platformId;
        this.contextId = contextId;
        this.userId = userId;
        this.source = source;
        this.status = source == Source.ENROLMENT ? Status.PENDING : Status.CONFIRMED;
        this.createdAt = now;
    }

    public byte[] associatedData(String part) {
        return ("reference/" + id + "/" + part).getBytes(StandardCharsets.UTF_8);
    }

    public void seal(byte[] jpeg, byte[] descriptor, String model) {
        this.sealedJpeg = jpeg.clone();
        this.sealedDescriptor = descriptor == null ? null : descriptor.clone();
        this.model = model;
    }

    /** The photo was the student's reference in an identity check. */
    public void used(Instant at) {
        if (lastUsedAt == null || at.isAfter(lastUsedAt)) {
            lastUsedAt = at;
        }
    }

    /** When it was last the student's reference, or else when it was stored. */
    public Instant lastUsedAt() {
        return lastUsedAt == null || lastUsedAt.isBefore(createdAt) ? createdAt : lastUsedAt;
    }

    /**
     * Whether the reference retention has passed since its last use (Invigil is not told when a course ends: the
     * last use stands for it), so photo and descriptor must go.
     */
    public boolean isDueForDeletion(Instant now, int retentionDays) {
        return !lastUsedAt().plus(Duration.ofDays(retentionDays)).isAfter(now);
    }

    /** A person confirmed the enrolment capture as this student. */
    public void confirm() {
        this.status = Status.CONFIRMED;
    }

    public String id() {
        return id;
    }

    public String platformId() {
        return platformId;
    }

    public String contextId() {
        return contextId;
    }

    public String userId() {
        return userId;
    }

    public Source source() {
        return source;
    }

    public Status status() {
        return status;
    }

    public byte[] sealedJpeg() {
        return sealedJpeg.clone();
    }

    public Optional<byte[]> sealedDescriptor() {
        return Optional.ofNullable(sealedDescriptor).map(byte[]::clone);
    }

    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
