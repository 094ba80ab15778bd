package org.invigil.journey.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.entity.Check;
import org.invigil.identity.control.Pictures;
import org.invigil.ids.entity.SessionId;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.SessionState;

/**
 * The student's journey up to monitoring: the attempt as they see it, consent, the camera check and the start. The
 * identity and liveness checks between them are {@link IdentityStep} and {@link LivenessStep}; what follows the start
 * is {@link MonitoringLifecycle}. Every step is taken on behalf of the student the tool session names and only in its
 * turn; none is a dead end.
 * <p>
 * Transactions: none is open here ({@code NOT_SUPPORTED}). Each change to the attempt commits on its own through
 * {@link ProctoringSessions} (one row, optimistic lock, rerun on conflict); the camera check's picture is analysed
 * before it, outside any transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class Journey {

    @Inject
    JourneySteps steps;

    @Inject
    ProctoringSessions sessions;

    @Inject
    Pictures pictures;

    Clock clock = Clock.systemUTC();

    public JourneyView current(ToolSession student) {
        return steps.of(sessions.currentFor(student));
    }

    public JourneyView view(SessionId id, ToolSession student) {
        return steps.of(id, student);
    }

    /** Only checks that the session is the student's: the cheap check for every upload. */
    public void requireOwn(SessionId id, ToolSession student) {
        sessions.of(id, student);
    }

    public JourneyView consent(SessionId id, ToolSession student, boolean accept, String version) {
        JourneyView before = steps.of(id, student);
        if (!before.consent().version().equals(version)) {
            throw StepRefused.consentChanged();
        }
        Instant now = clock.instant();
        return steps.step(id, student, accept ? "give consent" : "decline",
                session -> {
                    if (accept) {
                        session.consent(version, now, before.active(), before.exam().settings().retentionDays());
                    } else {
                        session.decline(version, now);
                    }
                });
    }

    public SystemCheck.Advice systemCheck(SessionId id, ToolSession student, byte[] jpeg) {
        JourneyView before = steps.of(id, student);
        JourneySteps.requireState(before.session(), SessionState.SYSTEM_CHECK, "run the camera check");
        SystemCheck.Advice advice = SystemCheck.of(pictures.analyse(jpeg));
        Set<Check> active = before.active();
        steps.step(id, student, "finish the system check", session -> session.passSystemCheck(
                active.contains(Check.IDENTITY), active.contains(Check.LIVENESS)));
        return advice;
    }

    /** The first sequence number of a new monitor's own block. */
    public long allocateMonitor(SessionId id, ToolSession student) {
        long[] start = new long[1];
        steps.step(id, student, "start a monitor", session -> start[0] = session.allocateMonitorBlock());
        return start[0];
    }

    public JourneyView start(SessionId id, ToolSession student) {
        Instant now = clock.instant();
        return steps.step(id, student, "start monitoring", session -> session.startMonitoring(now));
    }
}
