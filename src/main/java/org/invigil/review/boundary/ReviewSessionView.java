package org.invigil.review.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.invigil.monitoring.control.Incidents;
import org.invigil.monitoring.entity.EvidenceFrame;
import org.invigil.refusal.entity.Refusal;
import org.invigil.review.control.Reviews;
import org.invigil.review.control.StudentResponses;
import org.invigil.review.entity.Decision;
import org.invigil.screens.boundary.ReviewerLogin;

/** One attempt under review: its incidents with evidence and explanation, its decisions, and the decision form. */
@Named
@ViewScoped
public class ReviewSessionView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** An incident as the reviewer reads it. */
    public record IncidentRow(String id, String rule, String kind, String start, String end, String description,
                              String detector, String model, String threshold, String strength, String strengthBasis, String quality,
                              List<String> evidence) implements Serializable {
    }

    /** A decision already taken. */
    public record DecisionRow(String outcome, String reviewer, String at, String incident, String note)
            implements Serializable {
    }

    /** What the student answered (issue 5, item 5). */
    public record ResponseRow(String at, String about, String text) implements Serializable {
    }

    @Inject
    ReviewerLogin login;

    @Inject
    StudentResponses studentResponses;

    @Inject
    Reviews reviews;

    @Inject
    Incidents incidents;

    private String id;
    private String student;
    private String identity;
    private boolean referenceOnFile;
    private boolean captureOnFile;
    private String summary;
    private List<IncidentRow> rows = List.of();
    private List<DecisionRow> decisions = List.of();
    private List<ResponseRow> responses = List.of();
    private String outcome = "cleared";
    private String note;

    public void load() {
        try {
            Reviews.Detail detail = reviews.detail(login.reviewer(), id);
            student = detail.session().userName();
            referenceOnFile = detail.referenceOnFile();
            captureOnFile = detail.session().sealedIdentityCapture().isPresent();
            identity = "Identity: " + detail.session().identityStatus().id() + detail.session().identitySimilarity()
                    .map(score -> String.format(Locale.ROOT, " (distance %.2f; a match is at most 0.50, 0.50–0.65 needs "
                            + "a person)", score)).orElse("");
            summary = detail.result().map(result -> "Integrity " + result.score() + "/100, " + result.reviewState().id()
                            + result.coverage().map(c -> "; coverage: " + c.summary()).orElse("")
                            + detail.session().endReason().map(reason -> "; ended: " + reason.id()).orElse(""))
                    .orElse("In progress (" + detail.session().state().id() + ")");
            rows = detail.incidents().stream().map(incident -> new IncidentRow(incident.id(), incident.ruleId(),
                    incident.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), TIME.format(incident.startedAt()),
                    TIME.format(incident.endedAt()), incident.description(), incident.detector(),
                    incident.modelVersion().orElse("—"), incident.threshold(),
                    String.format(Locale.ROOT, "%.2f", incident.strength()), incident.strengthBasis(),
                    incident.captureQuality().orElse("—"),
                    incidents.evidenceOf(incident.id()).stream().map(EvidenceFrame::id).toList())).toList();
            decisions = detail.decisions().stream().map(decision -> new DecisionRow(decision.outcome().id(),
                    decision.reviewerName(), TIME.format(decision.decidedAt()), decision.incidentId().orElse("attempt"),
                    decision.note().orElse(""))).toList();
            responses = studentResponses.responses(id).stream().map(response -> new ResponseRow(
                    TIME.format(response.writtenAt()), response.incidentId().orElse("attempt"), response.text())).toList();
        } catch (Refusal refused) {
            ScreenRefusals.send(refused);
        }
    }

    private final Map<String, String> incidentOutcomes = new HashMap<>();
    private final Map<String, String> incidentNotes = new HashMap<>();

    /** Records a decision on one incident (cleared, confirmed or follow-up) with its note. */
    public void decideIncident(String incidentId) {
        try {
            String chosen = incidentOutcomes.getOrDefault(incidentId, "cleared");
            reviews.decideIncident(login.reviewer(), id, incidentId, Decision.Outcome.of(chosen).orElseThrow(),
                    incidentNotes.get(incidentId));
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Decision on the incident recorded: " + chosen + ".", null));
            incidentNotes.remove(incidentId);
            load();
        } catch (Refusal e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    e.title(), e.detail()));
        }
    }

    public Map<String, String> getIncidentOutcomes() {
        return incidentOutcomes;
    }

    public Map<String, String> getIncidentNotes() {
        return incidentNotes;
    }

    public void decide() {
        try {
            reviews.decideSession(login.reviewer(), id, Decision.Outcome.of(outcome).orElseThrow(), note);
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Decision recorded: " + outcome + ".", "It is on its way to the gradebook."));
            note = null;
            load();
        } catch (Refusal e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    e.title(), e.detail()));
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public boolean isReferenceOnFile() {
        return referenceOnFile;
    }

    public boolean isCaptureOnFile() {
        return captureOnFile;
    }

    public String getIdentity() {
        return identity;
    }

    public String getStudent() {
        return student;
    }

    public String getSummary() {
        return summary;
    }

    public List<IncidentRow> getRows() {
        return rows;
    }

    public List<DecisionRow> getDecisions() {
        return decisions;
    }

    public List<ResponseRow> getResponses() {
        return responses;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
