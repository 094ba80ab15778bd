package org.invigil.review.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.invigil.access.entity.ToolSession;
import org.invigil.audit.control.AuditLog;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.ExamSummary;
import org.invigil.ids.entity.ExamId;
import org.invigil.integrity.control.Results;
import org.invigil.integrity.entity.IntegrityResult;
import org.invigil.monitoring.control.Incidents;
import org.invigil.review.entity.Decision;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.ProctoringSession;

/**
 * The report of an exam for its staff: reads the attempts, their results, incidents and decisions, and lets
 * {@link ExamReport} aggregate them. Opening and exporting a report are audited.
 */
@ApplicationScoped
public class ExamReports {

    @PersistenceContext
    EntityManager em;

    @Inject
    ProctoringSessions sessions;

    @Inject
    Incidents incidents;

    @Inject
    Results results;

    @Inject
    Exams exams;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    @Transactional
    public ExamReport of(ToolSession staff, ExamId examId) {
        exams.reviewer(staff, examId);
        audit.record(staff, "view-report", "exam:" + examId, null);
        return build(examId);
    }

    /** The filtered rows of the exam's report as a file; the export is audited with its format and row count. */
    @Transactional
    public ExamReportExport.File export(ToolSession staff, ExamId examId, ReportFilter filter,
                                        ExamReportExport.Format format) {
        exams.reviewer(staff, examId);
        ExamReport report = build(examId);
        List<ExamReport.Row> rows = report.rows(filter);
        audit.record(staff, "export-report", "exam:" + examId, format.extension() + ", " + rows.size() + " of "
                + report.rows().size() + " attempts" + (filter.isEmpty() ? "" : ", filtered"));
        return ExamReportExport.export(report, rows, format, clock.instant());
    }

    private ExamReport build(ExamId examId) {
        String title = exams.summary(examId).map(ExamSummary::title).orElse(examId.value());
        List<ProctoringSession> attempts = sessions.ofExam(examId);
        Map<String, Decision.Outcome> decisions = latestDecisions(attempts);
        List<ExamReport.Attempt> rows = attempts.stream().map(session -> {
            Optional<IntegrityResult> result = results.of(session.sessionId());
            return new ExamReport.Attempt(session.id(), session.userName(), session.state().id(),
                    session.identityStatus().id(), consent(session), session.createdAt(),
                    session.monitoringStartedAt(), session.endedAt(), result.map(IntegrityResult::score),
                    result.map(r -> r.reviewState().id()),
                    Optional.ofNullable(decisions.get(session.id())).map(Decision.Outcome::id),
                    incidents.of(session.sessionId()).stream()
                            .map(incident -> new ExamReport.Incident(incident.ruleId(), incident.startedAt()))
                            .toList());
        }).toList();
        return ExamReport.of(examId.value(), title, rows, clock.instant());
    }

    /** The latest decision on each whole attempt (decisions on single incidents aside). */
    private Map<String, Decision.Outcome> latestDecisions(List<ProctoringSession> attempts) {
        Map<String, Decision.Outcome> latest = new HashMap<>();
        if (attempts.isEmpty()) {
            return latest;
        }
        em.createQuery("select d from Decision d where d.incidentId is null and d.sessionId in :sessions "
                        + "order by d.decidedAt", Decision.class)
                .setParameter("sessions", attempts.stream().map(ProctoringSession::id).toList())
                .getResultStream().forEach(decision -> latest.put(decision.sessionId(), decision.outcome()));
        return latest;
    }

    private static String consent(ProctoringSession session) {
        if (session.declinedAt().isPresent()) {
            return "declined";
        }
        return session.consentedAt().isPresent() ? "given" : "not yet";
    }
}
