package org.invigil.review.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.invigil.access.control.StaffAccess;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Check;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.SessionId;
import org.invigil.monitoring.control.Incidents;
import org.invigil.monitoring.control.RecentFrames;
import org.invigil.refusal.entity.Refusal;
import org.invigil.roster.control.Roster;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.AttemptStatus;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.session.entity.SessionState;

/**
 * What is happening in an exam right now: every attempt with its step and open incidents, and who has not started.
 * Reading it costs two queries, whatever the number of students; the roster (an LMS call) is read separately, so a
 * screen can refresh the attempts often and the roster seldom.
 */
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

    @Inject
    RecentFrames recentFrames;

    /** One attempt as the live monitor shows it. */
    public record Tile(String sessionId, String userId, String student, String state, Optional<Instant> lastPicture,
                       List<String> openIncidents, int incidents, Optional<String> pauseReason, boolean livePicture) {

        /** What staff can do to the attempt now. */
        public boolean canPause() {
            return state.equals(SessionState.MONITORING.id());
        }

        public boolean canResume() {
            return state.equals(SessionState.PAUSED.id());
        }

        public boolean canEnd() {
            return !state.equals(SessionState.ENDED.id()) && !state.equals(SessionState.DECLINED.id());
        }
    }

    /** A student of the course, as the "not started yet" list needs them. */
    public record Learner(String userId, String name) implements Serializable {
    }

    /** The course's students, or why the LMS did not give them (then {@code problem} is set and the list empty). */
    public record Learners(List<Learner> members, String problem) implements Serializable {
    }

    public List<Tile> tiles(ToolSession staff, ExamId examId) {
        exams.reviewer(staff, examId);
        Incidents.Tally tally = incidents.tallyOfExam(examId);
        Set<String> livePictures = exams.byId(examId)
                .map(exam -> sessions.attemptsWith(examId, exam.settings(), Check.LIVE_PICTURE)).orElse(Set.of());
        return sessions.statusOfExam(examId).stream().map(attempt -> tile(attempt, tally,
                livePictures.contains(attempt.sessionId()) && attempt.state() == SessionState.MONITORING)).toList();
    }

    /** Whether the exam shows live pictures at all (the "live picture" check is on). */
    public boolean showsLivePictures(ExamId examId) {
        return exams.byId(examId).map(exam -> exam.settings().enabled(Check.LIVE_PICTURE)).orElse(false);
    }

    /**
     * The student's latest camera picture, small, for the exam's staff: only while monitoring runs, only where the
     * "live picture" check applies to the attempt (the exam's settings, the accommodation, the student's consent).
     * It comes from the frames this node holds in memory; nothing is read from or written to storage.
     */
    public Optional<byte[]> livePicture(ToolSession staff, String sessionId) {
        ProctoringSession session = sessions.byId(SessionId.of(sessionId));
        StaffAccess.forExam(staff, session.exam(), Optional.of(session.platform()));
        boolean applies = session.isMonitoring() && exams.byId(session.exam())
                .map(exam -> sessions.activeChecks(session, exam.settings()).contains(Check.LIVE_PICTURE)).orElse(false);
        if (!applies) {
            return Optional.empty();
        }
        return recentFrames.latest(session.sessionId()).stream().findFirst()
                .flatMap(frame -> Thumbnails.of(frame.jpeg()));
    }

    public Learners learners(ToolSession staff, ExamId examId) {
        exams.reviewer(staff, examId);
        try {
            return new Learners(roster.of(examId).stream()
                    .filter(member -> member.isActive() && member.roles().isLearner())
                    .map(member -> new Learner(member.userId(), member.displayName())).toList(), null);
        } catch (Refusal e) {
            return new Learners(List.of(), e.detail());
        }
    }

    /** The learners who have not opened the exam, by name. */
    public static List<String> notStarted(Learners learners, Collection<Tile> tiles) {
        Set<String> started = tiles.stream().map(Tile::userId).collect(Collectors.toSet());
        return learners.members().stream().filter(learner -> !started.contains(learner.userId()))
                .map(Learner::name).sorted().toList();
    }

    /**
     * A value that changes whenever what the monitor shows changes (an attempt appears, changes step or pauses, an
     * incident opens or closes), and not with every picture: the live feed compares it to know when to push.
     */
    public String pulse(String examId) {
        Incidents.Tally tally = incidents.tallyOfExam(ExamId.of(examId));
        return sessions.statusOfExam(ExamId.of(examId)).stream()
                .map(attempt -> attempt.sessionId() + ':' + attempt.state().id()
                        + ':' + tally.open().getOrDefault(attempt.sessionId(), List.of()) + ':'
                        + tally.total().getOrDefault(attempt.sessionId(), 0))
                .collect(Collectors.joining(","));
    }

    private static Tile tile(AttemptStatus attempt, Incidents.Tally tally, boolean livePicture) {
        return new Tile(attempt.sessionId(), attempt.userId(), attempt.userName(), attempt.state().id(),
                attempt.lastPicture(), tally.open().getOrDefault(attempt.sessionId(), List.of()),
                tally.total().getOrDefault(attempt.sessionId(), 0), attempt.pauseReason(), livePicture);
    }
}
