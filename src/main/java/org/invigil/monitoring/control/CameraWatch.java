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
import java.util.Optional;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.Exam;
import org.invigil.monitoring.entity.Rule;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.ProctoringSession;

/**
 * Notices a camera that went quiet: no frame for longer than three frame intervals and a heartbeat window, while the
 * monitor itself still gives signs (heartbeats, events), opens a camera-off incident from the last frame; the next
 * frame closes it. A monitor that gives no sign at all (closed, frozen by the browser, offline) says nothing about the
 * camera: that stretch is not monitored, which the result's coverage counts as such ({@code not-monitored}), rather
 * than as the student's camera being off.
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
            Exam exam = exams.byId(session.exam()).orElse(null);
            if (exam == null || !sessions.activeChecks(session, exam.settings()).contains(Check.CAMERA)) {
                continue;
            }
            Instant last = session.expectingPicturesSince().orElse(now);
            Duration quiet = quietLimit(exam.settings().frameIntervalSeconds());
            if (isCameraOff(last, session.lastEventAt(), now, quiet)
                    && incidents.open(session.id(), Rule.CAMERA_OFF).isEmpty()) {
                // strength 1: a fact the server observed, shown as such (Rule.CAMERA_OFF.strength()), not a measurement
                incidents.record(session, new Finding(Rule.CAMERA_OFF, last, 1.0, "no picture for "
                        + quiet.toSeconds() + " s", "Invigil server", null, null, "No picture arrived for "
                        + Duration.between(last, now).toSeconds() + " s."), now, true, List.of());
            }
        }
    }

    /**
     * Whether the camera is off: no picture expected since {@code expectingSince} arrived within {@code quiet}, and
     * the monitor gave a sign (an event, a heartbeat) within {@code quiet}.
     */
    static boolean isCameraOff(Instant expectingSince, Optional<Instant> lastEvent, Instant now, Duration quiet) {
        boolean noPicture = Duration.between(expectingSince, now).compareTo(quiet) > 0;
        boolean monitorAlive = lastEvent.filter(at -> Duration.between(at, now).compareTo(quiet) <= 0).isPresent();
        return noPicture && monitorAlive;
    }

    /** Three frame intervals plus a heartbeat window. */
    public static Duration quietLimit(int frameIntervalSeconds) {
        return Duration.ofSeconds(3L * frameIntervalSeconds + 15);
    }
}
