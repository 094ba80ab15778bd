package org.invigil.access.control;

import java.util.Optional;
import org.invigil.access.entity.ToolSession;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.PlatformId;

/**
 * What instructors (and teaching assistants, administrators) may touch: the exam their launch was into; integrity
 * officers: every exam of their platform.
 */
public final class StaffAccess {

    private StaffAccess() {
    }

    /**
     * The exam's staff, or an integrity officer of the platform the exam belongs to.
     */
    public static ToolSession forExam(ToolSession session, ExamId examId, Optional<PlatformId> examPlatform) {
        if (session.isIntegrityOfficer()
                && examPlatform.map(PlatformId::value).filter(session.registrationId()::equals).isPresent()) {
            return session;
        }
        return forExam(session, examId);
    }

    public static ToolSession forExam(ToolSession session, ExamId examId) {
        if (!session.isStaff()) {
            throw staffOnly();
        }
        if (!session.examId().map(examId.value()::equals).orElse(false)) {
            throw otherExam();
        }
        return session;
    }

    /** The exam of the staff member's own launch, for the screens that are about it. */
    public static ExamId ownExam(ToolSession session) {
        if (!session.isStaff()) {
            throw staffOnly();
        }
        return session.exam().orElseThrow(StaffAccess::otherExam);
    }

    private static SessionRefused staffOnly() {
        return SessionRefused.notAllowed("staff_only", "Only the course's instructors can do this.");
    }

    private static SessionRefused otherExam() {
        return SessionRefused.notAllowed("other_exam", "Your session is for another exam; open this one from its "
                + "course page.");
    }
}
