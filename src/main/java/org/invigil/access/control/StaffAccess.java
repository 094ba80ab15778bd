package org.invigil.access.control;

import org.invigil.access.entity.ToolSession;

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
    public static ToolSession forExam(ToolSession session, String examId, String examPlatformId) {
        if (session.isIntegrityOfficer() && session.registrationId().equals(examPlatformId)) {
            return session;
        }
        return forExam(session, examId);
    }

    public static ToolSession forExam(ToolSession session, String examId) {
        if (!session.isStaff()) {
            throw SessionRefused.notAllowed("staff_only", "Only the course's instructors can do this.");
        }
        if (!session.examId().map(examId::equals).orElse(false)) {
            throw SessionRefused.notAllowed("other_exam", "Your session is for another exam; open this one from its "
                    + "course page.");
        }
        return session;
    }
}
