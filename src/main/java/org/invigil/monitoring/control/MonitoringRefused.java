package org.invigil.monitoring.control;

import org.invigil.refusal.entity.Refusal;

/** An upload the server will not ingest, with the status and words the client shows. */
public class MonitoringRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    public MonitoringRefused(Kind kind, String code, String title, String detail) {
        super(kind, code, title, detail);
    }

    public static MonitoringRefused replayed(long sequence) {
        return new MonitoringRefused(Kind.NOT_NOW, "sequence_replayed", "Already received",
                "Item " + sequence + " was already received; it is not counted twice.");
    }

    public static MonitoringRefused notMonitoring(String state) {
        return new MonitoringRefused(Kind.NOT_NOW, "session_state", "Not monitoring",
                "This session is not being monitored (it is at the step '" + state + "').");
    }

    public static MonitoringRefused malformed(String code, String detail) {
        return new MonitoringRefused(Kind.INVALID, code, "Bad request", detail);
    }
}
