package org.invigil.session.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.stream.Collectors;
import org.invigil.access.control.StaffAccess;
import org.invigil.access.entity.ToolSession;
import org.invigil.audit.control.AuditLog;
import org.invigil.exam.entity.Check;
import org.invigil.session.entity.Accommodation;

/**
 * Staff switch checks off for one student of their exam (the screen and the API alike), each change written to the
 * audit log with what it was before; {@link ProctoringSessions} keeps the accommodation itself.
 */
@ApplicationScoped
public class Accommodations {

    @PersistenceContext
    EntityManager em;

    @Inject
    ProctoringSessions sessions;

    @Inject
    AuditLog audit;

    @Transactional
    public void change(ToolSession staff, String examId, String userId, Set<Check> off, String note) {
        StaffAccess.forExam(staff, examId);
        Accommodation before = em.find(Accommodation.class, new Accommodation.Key(examId, userId));
        String was = before == null ? null : checks(before.checksOff());
        sessions.accommodate(examId, userId, off, note);
        audit.record(staff, "accommodate", "exam:" + examId, describe(userId, was, off, note));
    }

    /** "student 63: identity, liveness off (was: every check on); note: ..." */
    static String describe(String userId, String was, Set<Check> off, String note) {
        return "student " + userId + ": " + checks(off) + (was == null ? "" : " (was: " + was + ")")
                + (note == null || note.isBlank() ? "" : "; note: " + note.strip());
    }

    private static String checks(Set<Check> off) {
        return off.isEmpty() ? "every check on" : off.stream().sorted().map(Check::id)
                .collect(Collectors.joining(", ")) + " off";
    }
}
