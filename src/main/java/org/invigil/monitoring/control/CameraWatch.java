package org.invigil.monitoring.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.Exam;
import org.invigil.monitoring.entity.Rule;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.ProctoringSession;

/**
 * Notices a camera that went quiet: no frame for longer than three frame intervals and a heartbeat window opens a
 * camera-off incident from the last frame; the next frame closes it.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CameraWatch {

    @Inject
    ProctoringSessions sessions;

    @Inject
    Exams exams;

    @Inject
    Incidents incidents;

    @Inject
    RecentFrames recentFrames;

    Clock clock = Clock.systemUTC();

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void sweep() {
        Instant now = clock.instant();
        for (ProctoringSession session : sessions.monitoring()) {
            Exam exam = exams.byId(session.examId()).orElse(null);
            if (exam == null || !sessions.activeChecks(session, exam.settings()).contains(Check.CAMERA)) {
                continue;
            }
            Instant last = session.expectingPicturesSince().orElse(now);
            Duration quiet = quietLimit(exam.settings().frameIntervalSeconds());
            if (Duration.between(last, now).compareTo(quiet) > 0 && incidents.open(session.id(), Rule.CAMERA_OFF).isEmpty()) {
                // strength 1: a fact the server observed, shown as such (Rule.CAMERA_OFF.strength()), not a measurement
                incidents.record(session, new Finding(Rule.CAMERA_OFF, last, 1.0, "no picture for "
                        + quiet.toSeconds() + " s", "Invigil server", null, null, "No picture arrived for "
                        + Duration.between(last, now).toSeconds() + " s."), now, true, List.of());
            }
        }
    }

    /** Three frame intervals plus a heartbeat window. */
    public static Duration quietLimit(int frameIntervalSeconds) {
        return Duration.ofSeconds(3L * frameIntervalSeconds + 15);
    }
}
