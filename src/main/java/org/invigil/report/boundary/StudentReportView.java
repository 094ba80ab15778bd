package org.invigil.report.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.invigil.ids.entity.SessionId;
import org.invigil.monitoring.entity.Incident;
import org.invigil.monitoring.entity.Rule;
import org.invigil.refusal.entity.Refusal;
import org.invigil.report.control.PlainWords;
import org.invigil.report.control.StudentReports;
import org.invigil.review.entity.ResponseWindow;
import org.invigil.review.entity.StudentResponse;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.session.entity.SessionState;
import org.invigil.web.boundary.RefusalMapper;
import org.invigil.web.control.Problem;

/**
 * The student's own report ({@code /report/index.xhtml?session=<launch token>}): their attempts, incidents with
 * evidence, result, review and decision, retention, and the response form while the attempt takes responses.
 */
@Named
@ViewScoped
public class StudentReportView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** An evidence picture: its frame and the words that describe it. */
    public record EvidenceRow(String frame, String alt) implements Serializable {
    }

    /** An incident in plain words. */
    public record IncidentRow(String id, String title, String kind, boolean insufficient, String when,
                              String duration, String saw, String threshold, String strength, String quality,
                              String detector, List<EvidenceRow> evidence, String evidenceNote)
            implements Serializable {
    }

    /** How much one rule took off the score, and why. */
    public record ContributionRow(String rule, String points, String explanation) implements Serializable {
    }

    /** A reviewer's decision, on the attempt or one incident. */
    public record DecisionRow(String about, String outcome, String words, String reviewer, String at, String note)
            implements Serializable {
    }

    /** A response the student wrote. */
    public record ResponseRow(String about, String at, String text) implements Serializable {
    }

    /** Something a response can be about. */
    public record Choice(String value, String label) implements Serializable {
    }

    /** One attempt. */
    public record AttemptRow(String id, String heading, String state, List<IncidentRow> incidents, String result,
                             String reviewState, List<ContributionRow> contributions, String decision,
                             List<DecisionRow> decisions, List<ResponseRow> responses, boolean canRespond,
                             String closed, List<Choice> choices, String retention, String coverage)
            implements Serializable {
    }

    @Inject
    StudentLogin login;

    @Inject
    StudentReports reports;

    private String token;
    private String attempt;
    private String exam;
    private String course;
    private String student;
    private String refusedTitle;
    private String refusedDetail;
    private List<AttemptRow> attempts = List.of();
    private final Map<String, String> drafts = new HashMap<>();
    private final Map<String, String> about = new HashMap<>();

    /** Enters with the launch token (then drops it from the address), and reads the report. */
    public String load() {
        try {
            if (token != null && !token.isBlank()) {
                login.enter(token);
                return "/report/index?faces-redirect=true" + (attempt == null || attempt.isBlank() ? ""
                        : "&attempt=" + URLEncoder.encode(attempt, StandardCharsets.UTF_8));
            }
            read();
        } catch (Refusal e) {
            refuse(RefusalMapper.problem(e));
        }
        return null;
    }

    public void respond(String attemptId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            reports.respond(login.student(), SessionId.of(attemptId), about.get(attemptId), drafts.get(attemptId));
            drafts.remove(attemptId);
            about.remove(attemptId);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Your response is saved.",
                    "The reviewer reads it beside your evidence before deciding."));
        } catch (Refusal e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.title() + ".",
                    e.detail()));
        }
        try {
            read();
        } catch (Refusal e) {
            refuse(RefusalMapper.problem(e));
        }
    }

    private void read() {
        StudentReports.Report report = attempt == null || attempt.isBlank() ? reports.of(login.student())
                : reports.of(login.student(), SessionId.of(attempt));
        exam = report.exam().title();
        course = report.exam().courseTitle().orElse("");
        student = login.student().userName();
        List<AttemptRow> rows = new ArrayList<>();
        int number = report.attempts().size();
        for (StudentReports.Attempt a : report.attempts()) {
            rows.add(row(a, report.attempts().size() == 1 ? "Your attempt" : "Attempt " + number));
            number--;
        }
        attempts = rows;
    }

    private void refuse(Problem problem) {
        refusedTitle = problem.title();
        refusedDetail = problem.detail();
        attempts = List.of();
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(problem.status());
    }

    private static AttemptRow row(StudentReports.Attempt a, String heading) {
        var session = a.session();
        Map<String, String> titles = new HashMap<>();
        List<IncidentRow> incidents = new ArrayList<>();
        for (StudentReports.IncidentEvidence item : a.incidents()) {
            Incident incident = item.incident();
            String title = PlainWords.rule(incident.ruleId());
            titles.put(incident.id(), title + " at " + WHEN.format(incident.startedAt()));
            List<EvidenceRow> evidence = new ArrayList<>();
            for (int i = 0; i < item.evidence().size(); i++) {
                evidence.add(new EvidenceRow(item.evidence().get(i).id(), "Evidence picture " + (i + 1) + " of "
                        + item.evidence().size() + " for “" + title + "”, taken "
                        + WHEN.format(item.evidence().get(i).capturedAt())));
            }
            String evidenceNote = !evidence.isEmpty() ? ""
                    : session.purgedAt().isPresent() ? "The evidence pictures have been deleted (retention)."
                    : "No picture backs this incident: it was noticed by the browser or the connection.";
            incidents.add(new IncidentRow(incident.id(), title, PlainWords.kind(incident.kind()),
                    incident.kind() == Rule.Kind.INSUFFICIENT_EVIDENCE, WHEN.format(incident.startedAt()),
                    duration(incident.duration()), incident.description(), incident.threshold(),
                    PlainWords.strength(incident.strength(), incident.strengthBasis()),
                    incident.captureQuality().orElse("not measured"),
                    incident.detector() + incident.modelVersion().map(model -> " (" + model + ")").orElse(""),
                    evidence, evidenceNote));
        }
        String result = a.result().map(r -> r.score() + " out of 100").orElse("Not yet: your attempt has not ended.");
        String reviewState = a.result().map(r -> PlainWords.reviewState(r.reviewState()))
                .orElse("The result is computed when your attempt ends.");
        List<ContributionRow> contributions = a.result().map(r -> r.contributions().stream()
                .map(c -> new ContributionRow(PlainWords.rule(c.ruleId()), c.points() == 0 ? "0" : "−" + c.points(),
                        c.explanation())).toList()).orElse(List.of());
        var exchange = a.exchange();
        String decision = exchange.attemptDecision().map(d -> PlainWords.outcome(d.outcome()))
                .orElse("No decision yet.");
        List<DecisionRow> decisions = exchange.decisions().stream().map(d -> new DecisionRow(
                d.incidentId().map(id -> titles.getOrDefault(id, "an incident")).orElse("The whole attempt"),
                d.outcome().id(), PlainWords.outcome(d.outcome()), d.reviewerName(), WHEN.format(d.decidedAt()),
                d.note().orElse(""))).toList();
        List<ResponseRow> responses = exchange.responses().stream().map(r -> new ResponseRow(
                about(r, titles), WHEN.format(r.writtenAt()), r.text())).toList();
        ResponseWindow window = exchange.window();
        String closed = window.isOpen() ? ""
                : window.finalDecision() ? ResponseWindow.Refusal.DECIDED.words()
                : !window.attemptFinished() ? ResponseWindow.Refusal.ATTEMPT_RUNNING.words()
                : ResponseWindow.Refusal.TOO_MANY.words();
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("", "The whole attempt"));
        titles.forEach((id, title) -> choices.add(new Choice(id, title)));
        choices.sort((x, y) -> x.value().isEmpty() ? -1 : y.value().isEmpty() ? 1 : x.label().compareTo(y.label()));
        return new AttemptRow(session.id(), heading, progress(session), incidents, result, reviewState,
                contributions, decision, decisions, responses, window.isOpen(), closed, choices, a.retention(),
                a.result().flatMap(r -> r.coverage()).map(c -> capitalised(c.summary()) + ".")
                        .orElse("Measured when your attempt ends."));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String progress(ProctoringSession session) {
        if (session.state() == SessionState.DECLINED) {
            return "Opened " + WHEN.format(session.createdAt()) + "; you declined proctoring.";
        }
        if (session.monitoringStartedAt().isEmpty()) {
            return "Opened " + WHEN.format(session.createdAt()) + session.endedAt()
                    .map(at -> ", ended " + WHEN.format(at) + " before monitoring started.")
                    .orElse("; monitoring has not started.");
        }
        String started = "Monitoring started " + WHEN.format(session.monitoringStartedAt().get());
        return session.endedAt().map(at -> started + ", ended " + WHEN.format(at) + ".")
                .orElse(started + "; it has not ended yet.");
    }

    private static String about(StudentResponse response, Map<String, String> titles) {
        return response.incidentId().map(id -> titles.getOrDefault(id, "an incident")).orElse("the whole attempt");
    }

    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getAttempt() {
        return attempt;
    }

    public void setAttempt(String attempt) {
        this.attempt = attempt;
    }

    public String getExam() {
        return exam;
    }

    public String getCourse() {
        return course;
    }

    public String getStudent() {
        return student;
    }

    public boolean isRefused() {
        return refusedTitle != null;
    }

    public String getRefusedTitle() {
        return refusedTitle;
    }

    public String getRefusedDetail() {
        return refusedDetail;
    }

    public List<AttemptRow> getAttempts() {
        return attempts;
    }

    public Map<String, String> getDrafts() {
        return drafts;
    }

    public Map<String, String> getAbout() {
        return about;
    }
}
