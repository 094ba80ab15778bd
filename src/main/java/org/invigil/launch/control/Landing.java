package org.invigil.launch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.invigil.access.control.SessionRefused;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.assessment.control.Handoffs;
import org.invigil.assessment.entity.Handoff;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Exam;
import org.invigil.exam.entity.ExamSettings;
import org.invigil.ids.entity.PlatformId;
import org.invigil.ids.entity.UserId;
import org.invigil.integrity.control.Results;
import org.invigil.journey.control.MonitoringLifecycle;
import org.invigil.launch.entity.LtiLaunch.LaunchContext;
import org.invigil.launch.entity.LtiLaunch;
import org.invigil.launch.entity.MessageType;
import org.invigil.registration.control.Platforms;
import org.invigil.registration.control.ToolConfiguration;
import org.invigil.registration.entity.Origins;
import org.invigil.review.control.IntegrityOfficers;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.ProctoringSession;

/**
 * Where a verified launch goes: learners to the exam entry of their resource link, instructors, teaching assistants
 * and administrators to the instructor page, deep linking (staff only) to the page that creates a proctored exam.
 */
@ApplicationScoped
public class Landing {

    @Inject
    Exams exams;

    @Inject
    ToolSessions sessions;

    @Inject
    ProctoringSessions proctoringSessions;

    @Inject
    Results results;

    @Inject
    IntegrityOfficers officers;

    @Inject
    Platforms platforms;

    @Inject
    MonitoringLifecycle lifecycle;

    @Inject
    Handoffs handoffs;

    Clock clock = Clock.systemUTC();

    private static final Logger LOG = Logger.getLogger(Landing.class.getName());

    /** Open edX's custom parameter of an instructor launch from edx-exams ({@code launch_instructor_tool}). */
    static final String ROSTER_URL = "roster_url";

    /** A page to go to, with the session it needs. */
    public record Destination(String path, String sessionToken) {
    }

    public Destination land(LtiLaunch launch) {
        learnWhereThePlatformIs(launch);
        if (launch.messageType() == MessageType.DEEP_LINKING) {
            if (!launch.roles().isStaff()) {
                throw SessionRefused.notAllowed("deep_linking_staff_only", "Only instructors can add a proctored "
                        + "exam to a course.");
            }
            return new Destination("/lti/deep-linking", sessions.issue(session(launch, Optional.empty())));
        }
        LtiLaunch.ResourceLink link = launch.resourceLink().orElseThrow();
        Exam exam = exams.forLaunch(new Exams.LinkLaunch(launch.registrationId(), launch.deploymentId(),
                launch.context().map(LaunchContext::id).orElse(null),
                launch.context().flatMap(LaunchContext::title).orElse(null), link.id(), link.title().orElse(null),
                launch.custom().get(Exams.EXAM_PARAMETER),
                launch.gradeService().flatMap(LtiLaunch.GradeServiceClaim::lineItem).orElse(null),
                launch.gradeService().flatMap(LtiLaunch.GradeServiceClaim::lineItems).orElse(null),
                launch.membershipService().map(LtiLaunch.MembershipServiceClaim::contextMembershipsUrl).orElse(null),
                launch.proctoring().flatMap(LtiLaunch.ProctoringClaims::settingsData).orElse(null),
                learnerNamesUrl(launch).orElse(null)));
        ToolSession session = session(launch, Optional.of(exam.id()));
        if (session.isStaff()) {
            return new Destination("/lti/exam/instructor", sessions.issue(session));
        }
        ProctoringSession attempt = proctoringSessions.currentFor(session);
        if (launch.messageType() == MessageType.START_PROCTORING) {
            handoffs.record(attempt.sessionId(), PlatformId.of(launch.registrationId()), handoff(launch, link));
        }
        results.recordStart(attempt);
        closeTime(launch.custom().get(ToolConfiguration.CLOSE_PARAMETER), clock.instant())
                .ifPresent(closes -> proctoringSessions.learnCloseTime(attempt.sessionId(), closes));
        return new Destination("/lti/exam/student", sessions.issue(session));
    }

    /**
     * The student's close time from the launch's custom parameter, when the platform substituted it with a date
     * still ahead: a variable's own name (the platform does not know it), an empty value, text that is no date or a
     * date already past are no close time (a past one would end the attempt the student was just let into).
     */
    static Optional<Instant> closeTime(String value, Instant now) {
        if (value == null || value.isBlank() || value.strip().startsWith("$")) {
            return Optional.empty();
        }
        try {
            return ExamSettings.closeTime(value).filter(at -> at.isAfter(now));
        } catch (IllegalArgumentException notADate) {
            LOG.fine(() -> "The launch's close time is no date: " + notADate.getMessage());
            return Optional.empty();
        }
    }

    /** What an LtiStartProctoring launch must get back: its claims as received (verified present by the verifier). */
    private static Handoff.Launch handoff(LtiLaunch launch, LtiLaunch.ResourceLink link) {
        LtiLaunch.ProctoringClaims claims = launch.proctoring().orElseThrow();
        try {
            return new Handoff.Launch(launch.deploymentId(), link.id(), link.title(), link.description(),
                    claims.attemptNumber(), claims.sessionData(), claims.startAssessmentUrl().orElseThrow(),
                    claims.control().map(LtiLaunch.AssessmentControlClaim::url),
                    claims.control().map(LtiLaunch.AssessmentControlClaim::actions).orElse(Set.of()));
        } catch (IllegalArgumentException unusable) {
            throw LaunchRejected.malformed("proctoring_claims_unusable", "The LtiStartProctoring launch cannot be "
                    + "used: " + unusable.getMessage() + ".");
        }
    }

    /**
     * What the student sees after LtiEndAssessment: whether a running attempt ended, and a session for their report
     * (where they read the result and can respond) when the exam is known.
     */
    public record EndOfAssessment(boolean ended, Optional<String> reportSession) {
    }

    /**
     * LTI Proctoring Services' end of assessment: the student's running attempt at the resource link's exam ends
     * (its result goes to the gradebook, or to the platform's control service). The platform's {@code errorlog},
     * meant for the tool's log, is logged.
     */
    public EndOfAssessment endAssessment(LtiLaunch launch) {
        learnWhereThePlatformIs(launch);
        launch.proctoring().flatMap(LtiLaunch.ProctoringClaims::errorLog).ifPresent(log -> LOG.warning(() ->
                "LtiEndAssessment from " + launch.issuer() + " for " + launch.user().subject() + " reports: " + log));
        PlatformId platform = PlatformId.of(launch.registrationId());
        Optional<Exam> exam = launch.resourceLink().flatMap(link -> exams.ofLink(platform, launch.deploymentId(),
                launch.context().map(LaunchContext::id).orElse(null), link.id()));
        boolean ended = exam.flatMap(e -> lifecycle.endByPlatform(platform, e.examId(),
                UserId.of(launch.user().subject()))).isPresent();
        Optional<String> report = exam.map(e -> session(launch, Optional.of(e.id())))
                .filter(session -> !session.isStaff()).map(sessions::issue);
        return new EndOfAssessment(ended, report);
    }

    /**
     * Open edX's {@code custom.roster_url}, sent to course staff only: the learners' usernames by anonymous id, which
     * the staff member's browser reads with its own edx-exams session. An address that is not http(s) is dropped.
     */
    static Optional<String> learnerNamesUrl(LtiLaunch launch) {
        return Optional.ofNullable(launch.custom().get(ROSTER_URL)).filter(url -> launch.roles().isStaff())
                .map(String::trim).filter(url -> Origins.of(url).isPresent());
    }

    /**
     * The pages a signed launch names as the platform's own (its return URL, the deep-linking return URL) tell the
     * origins that may frame Invigil's screens for it. Best effort: a launch never fails for it.
     */
    private void learnWhereThePlatformIs(LtiLaunch launch) {
        List<String> pages = new ArrayList<>();
        launch.presentation().flatMap(LtiLaunch.LaunchPresentation::returnUrl).ifPresent(pages::add);
        launch.deepLinking().map(LtiLaunch.DeepLinkingSettings::returnUrl).ifPresent(pages::add);
        for (String page : pages) {
            try {
                platforms.learnOrigin(PlatformId.of(launch.registrationId()), page);
            } catch (RuntimeException notLearned) {
                LOG.log(Level.FINE, "Could not record the platform's origin of " + page, notLearned);
            }
        }
    }

    private ToolSession session(LtiLaunch launch, Optional<String> examId) {
        Set<String> roles = new LinkedHashSet<>(launch.roles().uris());
        boolean designated = officers.isDesignated(PlatformId.of(launch.registrationId()),
                UserId.of(launch.user().subject()));
        if (designated) {
            roles.add(ToolSession.DESIGNATED_OFFICER);
        }
        return new ToolSession(launch.registrationId(), launch.issuer(), launch.clientId(), launch.deploymentId(),
                launch.context().map(LaunchContext::id), launch.context().flatMap(LaunchContext::title),
                launch.resourceLink().map(LtiLaunch.ResourceLink::id), examId, launch.user().subject(),
                launch.user().displayName(), launch.user().email(), launch.user().picture(), roles,
                launch.roles().isStaff() || designated ? ToolSession.Audience.STAFF : ToolSession.Audience.LEARNER,
                launch.deepLinking().map(LtiLaunch.DeepLinkingSettings::returnUrl),
                launch.deepLinking().flatMap(LtiLaunch.DeepLinkingSettings::data), sessions.expiryFromNow());
    }
}
