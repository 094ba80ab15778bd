package org.invigil.monitoring.control;

import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** An upload the server will not ingest, with the status and words the client shows. */
public class MonitoringRefused extends ProblemException {

    private static final long serialVersionUID = 1L;

    public MonitoringRefused(int status, String code, String title, String detail) {
        super(new Problem(status, code, title, detail));
    }

    public static MonitoringRefused replayed(long sequence) {
        return new MonitoringRefused(409, "sequence_replayed", "Already received",
                "Item " + sequence + " was already received; it is not counted twice.");
    }

    public static MonitoringRefused notMonitoring(String state) {
        return new MonitoringRefused(409, "session_state", "Not monitoring",
                "This session is not being monitored (it is at the step '" + state + "').");
    }

    public static MonitoringRefused malformed(String code, String detail) {
        return new MonitoringRefused(400, code, "Bad request", detail);
    }
}
