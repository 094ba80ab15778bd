package org.invigil.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A person the tool administrator designated as an integrity officer of one platform. */
@Entity
@Table(name = "integrity_officer")
@IdClass(IntegrityOfficer.Key.class)
public class IntegrityOfficer {

    @Id
    @Column(name = "platform_id")
    private String platformId;

    @Id
    @Column(name = "user_id")
    private String userId;

    protected IntegrityOfficer() {
    }

    public IntegrityOfficer(String platformId, String userId) {
        this.platformId = platformId;
        this.userId = userId;
    }

    public String platformId() {
        return platformId;
    }

    public String userId() {
        return userId;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String platformId;
        private String userId;

        public Key() {
        }

        public Key(String platformId, String userId) {
            this.platformId = platformId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.platformId.equals(platformId) && key.userId.equals(userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(platformId, userId);
        }
    }
}
