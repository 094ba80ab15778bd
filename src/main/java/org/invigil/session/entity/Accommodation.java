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

/** Checks switched off for one student in one exam (a tic, a disability, no camera), with the reason. */
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

    protected Accommodation() {
    }

    public Accommodation(String examId, String userId, Set<Check> off, String note) {
        this.examId = examId;
        this.userId = userId;
        change(off, note);
    }

    public void change(Set<Check> off, String note) {
        this.checksOff = off.stream().map(Check::id).sorted().collect(Collectors.joining(","));
        this.note = note;
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
