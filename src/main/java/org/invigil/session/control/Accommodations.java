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
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.UserId;
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
    public void change(ToolSession staff, ExamId examId, UserId userId, Set<Check> off, int extraMinutes,
                       String note) {
        StaffAccess.forExam(staff, examId);
        if (extraMinutes < 0 || extraMinutes > Accommodation.MAX_EXTRA_MINUTES) {
            throw new AccommodationInvalid("The extra time must be between 0 and " + Accommodation.MAX_EXTRA_MINUTES
                    + " minutes, not " + extraMinutes + ".");
        }
        Accommodation before = em.find(Accommodation.class, new Accommodation.Key(examId.value(), userId.value()));
        String was = before == null ? null : granted(before.checksOff(), before.extraMinutes());
        sessions.accommodate(examId, userId, off, extraMinutes, note);
        audit.record(staff, "accommodate", "exam:" + examId, describe(userId.value(), was, off, extraMinutes, note));
    }

    /** "student 63: identity, liveness off, 30 min extra time (was: every check on); note: ..." */
    static String describe(String userId, String was, Set<Check> off, int extraMinutes, String note) {
        return "student " + userId + ": " + granted(off, extraMinutes) + (was == null ? "" : " (was: " + was + ")")
                + (note == null || note.isBlank() ? "" : "; note: " + note.strip());
    }

    private static String granted(Set<Check> off, int extraMinutes) {
        return checks(off) + (extraMinutes == 0 ? "" : ", " + extraMinutes + " min extra time");
    }

    private static String checks(Set<Check> off) {
        return off.isEmpty() ? "every check on" : off.stream().sorted().map(Check::id)
                .collect(Collectors.joining(", ")) + " off";
    }
}
