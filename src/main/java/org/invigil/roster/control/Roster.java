package org.invigil.roster.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.invigil.exam.control.ExamUnknown;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Exam;
import org.invigil.ids.entity.ExamId;
import org.invigil.registration.control.Platforms;
import org.invigil.registration.control.RegistrationRefused;
import org.invigil.registration.entity.PlatformRegistration;
import org.invigil.roster.entity.Member;

/** The members of an exam's course, read from the platform when asked. */
@ApplicationScoped
public class Roster {

    @Inject
    Exams exams;

    @Inject
    Platforms platforms;

    @Inject
    NamesRoleService nrps;

    public List<Member> of(ExamId examId) {
        Exam exam = exams.byId(examId).orElseThrow(() -> new ExamUnknown(examId));
        String url = exam.membershipsUrl().orElseThrow(RosterRefused::notOffered);
        PlatformRegistration platform = platforms.byId(exam.platformId())
                .orElseThrow(RegistrationRefused::platformRemoved);
        return nrps.members(platform, url, Optional.empty());
    }
}
