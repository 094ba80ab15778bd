package org.invigil.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.invigil.exam.control.ExamUnknown;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Exam;
import org.invigil.identity.entity.ReferencePhoto;
import org.invigil.ids.entity.ExamId;
import org.invigil.roster.control.Roster;
import org.invigil.roster.entity.Member;

/** Where each student of a course stands with their reference photo, for the instructor's roster. */
@ApplicationScoped
public class ReferenceStatuses {

    /** A student's reference photo, in the order Invigil trusts them. */
    public enum Status {
        INSTRUCTOR("instructor", "Instructor's photo"),
        LMS("lms", "LMS picture"),
        ENROLMENT("enrolment", "Enrolment capture, confirmed"),
        ENROLMENT_PENDING("enrolment-pending", "Enrolment capture, waiting for confirmation"),
        LMS_OFFERED("lms-offered", "LMS picture, checked at the first attempt"),
        NONE("none", "None: the student's first capture will be kept for a person to confirm");

        private final String id;
        private final String label;

        Status(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }
    }

    /** A member of the course with their reference status. */
    public record RosterEntry(Member member, Status status) {
    }

    /** What is known of one stored photo, without its sealed content. */
    record Stored(ReferencePhoto.Source source, ReferencePhoto.Status status) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Exams exams;

    @Inject
    Roster roster;

    /**
     * The exam's students from the roster (NRPS; staff left out), each with their reference status; no transaction
     * is held during the call to the platform.
     */
    public List<RosterEntry> ofRoster(ExamId examId) {
        Exam exam = exams.byId(examId).orElseThrow(() -> new ExamUnknown(examId));
        List<Member> members = roster.of(examId);
        Map<String, List<Stored>> stored = new HashMap<>();
        em.createQuery("select r.userId, r.source, r.status from ReferencePhoto r where r.platformId = :platform "
                        + "and r.contextId = :context", Object[].class)
                .setParameter("platform", exam.platformId()).setParameter("context", exam.contextId().orElse(""))
                .getResultList()
                .forEach(row -> stored.computeIfAbsent((String) row[0], id -> new ArrayList<>())
                        .add(new Stored((ReferencePhoto.Source) row[1], (ReferencePhoto.Status) row[2])));
        return members.stream().filter(member -> !member.roles().isStaff())
                .map(member -> new RosterEntry(member, status(stored.getOrDefault(member.userId(), List.of()),
                        member.picture().isPresent()))).toList();
    }

    static Status status(Collection<Stored> photos, boolean lmsPictureOffered) {
        if (has(photos, ReferencePhoto.Source.INSTRUCTOR, ReferencePhoto.Status.CONFIRMED)) {
            return Status.INSTRUCTOR;
        }
        if (has(photos, ReferencePhoto.Source.LMS, ReferencePhoto.Status.CONFIRMED)) {
            return Status.LMS;
        }
        if (has(photos, ReferencePhoto.Source.ENROLMENT, ReferencePhoto.Status.CONFIRMED)) {
            return Status.ENROLMENT;
        }
        if (has(photos, ReferencePhoto.Source.ENROLMENT, ReferencePhoto.Status.PENDING)) {
            return Status.ENROLMENT_PENDING;
        }
        return lmsPictureOffered ? Status.LMS_OFFERED : Status.NONE;
    }

    private static boolean has(Collection<Stored> photos, ReferencePhoto.Source source, ReferencePhoto.Status status) {
        return photos.stream().anyMatch(photo -> photo.source() == source && photo.status() == status);
    }
}
