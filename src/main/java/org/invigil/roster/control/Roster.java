package org.invigil.roster.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Exam;
import org.invigil.registration.control.Platforms;
import org.invigil.registration.entity.PlatformRegistration;
import org.invigil.roster.entity.Member;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** The members of an exam's course, read from the platform when asked. */
@ApplicationScoped
public class Roster {

    @Inject
    Exams exams;

    @Inject
    Platforms platforms;

    @Inject
    NamesRoleService nrps;

    public List<Member> of(String examId) {
        Exam exam = exams.byId(examId).orElseThrow(() -> new ProblemException(new Problem(404, "exam_unknown",
                "No such exam", "There is no exam " + examId + ".")));
        String url = exam.membershipsUrl().orElseThrow(() -> new ProblemException(new Problem(409,
                "roster_unavailable", "No roster", "The LMS did not offer its roster (NRPS) for this exam.")));
        PlatformRegistration platform = platforms.byId(exam.platformId()).orElseThrow(() -> new ProblemException(
                new Problem(409, "platform_unknown", "Platform removed", "The platform of this exam is no longer registered.")));
        return nrps.members(platform, url, Optional.empty());
    }
}
