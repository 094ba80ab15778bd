package org.invigil.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.invigil.exam.entity.Check;

/**
 * What one student of one exam is granted, with the reason: checks switched off (a tic, a disability, no camera) and
 * extra time, which moves the exam's close time for them.
 */
@Entity
@Table(name = "accommodation")
@IdClass(Accommodation.Key.class)
public class Accommodation {

    @Id
    @Column(name = "exam_id")
    private String examId;

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(name = "checks_off", nullable = false)
    private String checksOff;

    private String note;

    @Column(name = "extra_minutes", nullable = false)
    private int extraMinutes;

    /** The most extra time an accommodation grants: a day. */
    public static final int MAX_EXTRA_MINUTES = 24 * 60;

    protected Accommodation() {
    }

    public Accommodation(String examId, String userId, Set<Check> off, int extraMinutes, String note) {
        this.examId = examId;
        this.userId = userId;
        change(off, extraMinutes, note);
    }

    public void change(Set<Check> off, int extraMinutes, String note) {
        if (extraMinutes < 0 || extraMinutes > MAX_EXTRA_MINUTES) {
            throw new IllegalArgumentException("The extra time must be between 0 and " + MAX_EXTRA_MINUTES
                    + " minutes, not " + extraMinutes + ".");
        }
        this.checksOff = off.stream().map(Check::id).sorted().collect(Collectors.joining(","));
        this.extraMinutes = extraMinutes;
        this.note = note;
    }

    public int extraMinutes() {
        return extraMinutes;
    }

    public Set<Check> checksOff() {
        Set<Check> off = EnumSet.noneOf(Check.class);
        Arrays.stream(checksOff.split(",")).map(Check::of).forEach(check -> check.ifPresent(off::add));
        return off;
    }

    public String note() {
        return note;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String examId;
        private String userId;

        public Key() {
        }

        public Key(String examId, String userId) {
            this.examId = examId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.examId.equals(examId) && key.userId.equals(userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(examId, userId);
        }
    }
}
