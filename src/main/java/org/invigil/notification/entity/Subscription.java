package org.invigil.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's wish to get an email when an attempt needs review: in one exam (its instructors), or in every exam of
 * their platform (integrity officers), to one address.
 */
@Entity
@Table(name = "notification_subscription")
public class Subscription {

    @Id
    private String id;

    @Column(name = "platform_id", nullable = false)
    private String platformId;

    /** Empty: every exam of the platform. */
    @Column(name = "exam_id")
    private String examId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "user_name", nullable = false)
    private String userName;

    @Column(nullable = false)
    private String email;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Subscription() {
    }

    private Subscription(String platformId, String examId, String userId, String userName, String email,
                         Instant at) {
        this.id = UUID.randomUUID().toString();
        this.platformId = platformId;
        this.examId = examId;
        this.userId = userId;
        this.userName = userName == null ? "" : userName;
        this.email = email;
        this.createdAt = at;
    }

    public static Subscription toExam(String platformId, String examId, String userId, String userName,
                                      String email, Instant at) {
        return new Subscription(platformId, examId, userId, userName, email, at);
    }

    public static Subscription toPlatform(String platformId, String userId, String userName, String email,
                                          Instant at) {
        return new Subscription(platformId, null, userId, userName, email, at);
    }

    /** Sends to another address from now on. */
    public void sendTo(String address) {
        this.email = address;
    }

    public String id() {
        return id;
    }

    public String platformId() {
        return platformId;
    }

    public Optional<String> examId() {
        return Optional.ofNullable(examId);
    }

    public boolean isPlatformWide() {
        return examId == null;
    }

    public String userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
