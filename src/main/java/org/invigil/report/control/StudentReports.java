package org.invigil.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.invigil.access.entity.ToolSession;
import org.invigil.audit.control.AuditLog;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.ExamSummary;
import org.invigil.ids.entity.SessionId;
import org.invigil.integrity.control.Results;
import org.invigil.integrity.entity.IntegrityResult;
import org.invigil.monitoring.control.Incidents;
import org.invigil.monitoring.entity.EvidenceFrame;
import org.invigil.monitoring.entity.Incident;
import org.invigil.review.control.StudentResponses;
import org.invigil.review.entity.StudentResponse;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.control.SessionRefusals;
import org.invigil.session.entity.ProctoringSession;

/**
 * A student's own report: only the attempts of the student the launch names, in the exam of that launch; staff are
 * refused. Opening the report, each evidence picture and each response are audited on the attempt, where its
 * reviewers see them.
 */
@ApplicationScoped
public class StudentReports {

    @Inject
    ProctoringSessions sessions;

    @Inject
    Exams exams;

    @Inject
    Incidents incidents;

    @Inject
    Results results;

    @Inject
    StudentResponses responses;

    @Inject
    AuditLog audit;

    /** An incident and the evidence frames that back it. */
    public record IncidentEvidence(Incident incident, List<EvidenceFrame> evidence) {
    }

    /** One attempt as its student reads it. */
    public record Attempt(ProctoringSession session, List<IncidentEvidence> incidents, Optional<IntegrityResult> result,
                          StudentResponses.Exchange exchange, String retention) {
    }

    /** The student's attempts at one exam, newest first. */
    public record Report(ExamSummary exam, List<Attempt> attempts) {
    }

    /** Every attempt of the student at the exam of their launch. */
    @Transactional
    public Report of(ToolSession student) {
        ExamSummary exam = examOf(student);
        List<ProctoringSession> own = sessions.ofExam(exam.examId()).stream()
                .filter(session -> session.userId().equals(student.userId()))
                .sorted(Comparator.comparing(ProctoringSession::createdAt).reversed()).toList();
        return new Report(exam, own.stream().map(session -> read(student, session, exam)).toList());
    }

    /** One attempt, if it is the student's own. */
    @Transactional
    public Report of(ToolSession student, SessionId sessionId) {
        ExamSummary exam = examOf(student);
        return new Report(exam, List.of(read(student, sessions.of(sessionId, student), exam)));
    }

    /** An evidence picture of the student's own attempt, opened and audited. */
    @Transactional
    public byte[] evidence(ToolSession student, SessionId sessionId, String frameId) {
        requireLearner(student);
        sessions.of(sessionId, student);
        audit.record(student, "student-view-evidence", "session:" + sessionId, "frame " + frameId);
        return incidents.openEvidence(sessionId, frameId);
    }

    /** The student's response to their own attempt, about one incident or (blank) the whole attempt. */
    @Transactional
    public StudentResponse respond(ToolSession student, SessionId sessionId, String incidentId, String text) {
        requireLearner(student);
        ProctoringSession session = sessions.of(sessionId, student);
        StudentResponse response = responses.write(student, session, incidents.of(sessionId), incidentId, text);
        audit.record(student, "student-respond", "session:" + sessionId,
                response.incidentId().map(id -> "on incident " + id).orElse("on the attempt"));
        return response;
    }

    private Attempt read(ToolSession student, ProctoringSession session, ExamSummary exam) {
        audit.record(student, "student-view-report", "session:" + session.id(), null);
        List<Incident> list = incidents.of(session.sessionId());
        return new Attempt(session, list.stream()
                .map(incident -> new IncidentEvidence(incident, incidents.evidenceOf(incident.id()))).toList(),
                results.of(session.sessionId()), responses.of(session, list),
                RetentionNotice.of(session.endedAt(), session.purgedAt(),
                        session.retentionDays(exam.settings().retentionDays())));
    }

    private ExamSummary examOf(ToolSession student) {
        requireLearner(student);
        return student.exam().flatMap(exams::summary).orElseThrow(SessionRefusals::notYours);
    }

    private static void requireLearner(ToolSession student) {
        if (student.isStaff()) {
            throw SessionRefusals.notALearner();
        }
    }
}
