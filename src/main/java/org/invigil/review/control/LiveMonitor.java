package org.invigil.review.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.invigil.access.control.StaffAccess;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.control.Exams;
import org.invigil.monitoring.control.Incidents;
import org.invigil.monitoring.entity.Incident;
import org.invigil.roster.control.Roster;
import org.invigil.roster.entity.Member;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.web.control.ProblemException;

/** What is happening in an exam right now: every attempt with its step and open incidents, and who has not started. */
@ApplicationScoped
public class LiveMonitor {

    @Inject
    ProctoringSessions sessions;

    @Inject
    Incidents incidents;

    @Inject
    Exams exams;

    @Inject
    Roster roster;

    /** One attempt as the live monitor shows it. */
    public record Tile(String sessionId, String student, String state, Optional<Instant> lastPicture,
                       List<String> openIncidents, int incidents) {
    }

    /** The exam now; {@code notStarted} is empty with a reason when the LMS did not give its roster. */
    public record Snapshot(List<Tile> tiles, List<String> notStarted, Optional<String> rosterProblem) {
    }

    public Snapshot snapshot(ToolSession staff, String examId) {
        StaffAccess.forExam(staff, examId, exams.byId(examId).map(exam -> exam.platformId()).orElse(""));
        List<ProctoringSession> attempts = sessions.ofExam(examId);
        List<Tile> tiles = attempts.stream().map(session -> {
            List<Incident> all = incidents.of(session.id());
            return new Tile(session.id(), session.userName(), session.state().id(), session.lastFrameAt(),
                    all.stream().filter(Incident::isOpen).map(Incident::ruleId).toList(), all.size());
        }).toList();
        Set<String> started = attempts.stream().map(ProctoringSession::userId).collect(Collectors.toSet());
        try {
            List<String> waiting = roster.of(examId).stream()
                    .filter(member -> member.isActive() && member.roles().isLearner() && !started.contains(member.userId()))
                    .map(Member::displayName).sorted().toList();
            return new Snapshot(tiles, waiting, Optional.empty());
        } catch (ProblemException e) {
            return new Snapshot(tiles, List.of(), Optional.of(e.problem().detail()));
        }
    }
}
