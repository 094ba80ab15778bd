package org.invigil.review.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.invigil.access.control.StaffAccess;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.ExamSummary;
import org.invigil.identity.control.BulkReferences;
import org.invigil.identity.control.BulkReport;
import org.invigil.identity.control.ReferenceStatuses;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.UserId;
import org.invigil.refusal.entity.Refusal;
import org.invigil.screens.boundary.ReviewerLogin;
import org.invigil.session.control.Accommodations;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.Accommodation;
import org.invigil.web.boundary.RefusalMapper;
import org.primefaces.model.file.UploadedFile;

/**
 * The settings screen of the exam the staff member launched into: its proctoring settings, the course roster with
 * each student's reference photo and accommodation, and a bulk upload of reference photos.
 */
@Named
@ViewScoped
public class ExamSettingsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A check as the screen describes it. */
    public record CheckOption(String id, String title, String captures) implements Serializable {
    }

    /** One student of the roster. */
    public record RosterRow(String userId, String name, String email, String username, String referenceId,
                            String reference, List<String> checksOff, String checksOffText, int extraMinutes,
                            String note)
            implements Serializable {
    }

    /** One line of the bulk upload report. */
    public record ReportRow(String file, String outcome, String student, String detail) implements Serializable {
    }

    /** Which field each sentence of {@code ExamSettings} is about, by how the sentence starts. */
    private static final Map<String, String> FIELDS = Map.of(
            "The frame interval", "frame-interval", "The no-face", "no-face", "The looking-away time", "look-away",
            "The looking-away angles", "yaw", "The noise", "noise", "The number of identity", "identity-attempts",
            "The retention", "retention", "The consent note", "consent-note", "The quiz address", "quiz-url",
            "The close time", "closes-at");

    @Inject
    ReviewerLogin login;

    @Inject
    Exams exams;

    @Inject
    ReferenceStatuses referenceStatuses;

    @Inject
    ProctoringSessions sessions;

    @Inject
    Accommodations accommodations;

    @Inject
    BulkReferences bulk;

    private String token;
    private ExamId examId;
    private String examTitle = "";
    private String course = "";
    private SettingsForm form = new SettingsForm();
    private List<RosterRow> roster = List.of();
    private String rosterProblem;
    private String editUserId;
    private String editName;
    private List<String> editChecksOff = new ArrayList<>();
    private Integer editExtraMinutes;
    private String editNote;
    private transient UploadedFile zip;
    private List<ReportRow> report = List.of();
    private String reportSummary;

    /** Opens the screen: only the exam's staff may, the others get a 403 page. */
    public String load() throws IOException {
        try {
            if (login.enter(token)) {
                token = null;
                return ReviewerLogin.sameScreen();
            }
            ToolSession staff = login.reviewer();
            examId = StaffAccess.ownExam(staff);
            ExamSummary exam = exams.summary(examId).orElseThrow();
            examTitle = exam.title();
            course = exam.courseTitle().orElse("");
            form = SettingsForm.of(exam.settings());
            loadRoster();
        } catch (Refusal e) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.responseSendError(RefusalMapper.problem(e).status(), e.detail());
            FacesContext.getCurrentInstance().responseComplete();
        }
        return null;
    }

    public void save() {
        try {
            form = SettingsForm.of(exams.configure(staff(), examId, form.toSettings()));
            message(null, FacesMessage.SEVERITY_INFO, "Settings saved. Attempts under way keep to what their "
                    + "students consented to: a check switched on, or a longer retention, applies to new attempts only.");
        } catch (Refusal e) {
            message(null, FacesMessage.SEVERITY_ERROR, e.detail());
        } catch (IllegalArgumentException e) {
            String field = FIELDS.entrySet().stream().filter(f -> e.getMessage().startsWith(f.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            message(field == null ? null : "settings:" + field, FacesMessage.SEVERITY_ERROR, e.getMessage());
            message(null, FacesMessage.SEVERITY_ERROR, "Not saved: correct the value marked below.");
        }
    }

    /** Starts editing one student's accommodation. */
    public void edit(RosterRow row) {
        editUserId = row.userId();
        editName = row.name();
        editChecksOff = new ArrayList<>(row.checksOff());
        editExtraMinutes = row.extraMinutes();
        editNote = row.note();
    }

    public void saveAccommodation() {
        Set<Check> off = editChecksOff.stream().map(id -> Check.of(id).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Check.class)));
        try {
            accommodations.change(staff(), examId, UserId.of(editUserId), off,
                    editExtraMinutes == null ? 0 : editExtraMinutes,
                    editNote == null || editNote.isBlank() ? null : editNote.strip());
            message(null, FacesMessage.SEVERITY_INFO, "Accommodation of " + editName + " saved.");
        } catch (Refusal e) {
            message(null, FacesMessage.SEVERITY_ERROR, e.detail());
        }
        loadRoster();
    }

    public void upload() {
        if (zip == null || zip.getSize() == 0) {
            message("bulk:zip", FacesMessage.SEVERITY_ERROR, "Choose a zip archive of JPEG photos first.");
            return;
        }
        try (InputStream in = zip.getInputStream()) {
            BulkReport result = bulk.upload(staff(), examId, in, zip.getSize());
            report = result.lines().stream().map(line -> new ReportRow(line.file(), line.outcome().id(),
                    line.student(), line.detail())).toList();
            reportSummary = result.summary();
            loadRoster();
        } catch (Refusal e) {
            message("bulk:zip", FacesMessage.SEVERITY_ERROR, e.detail());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void loadRoster() {
        try {
            Map<String, Accommodation> byStudent = sessions.accommodations(examId);
            roster = referenceStatuses.ofRoster(examId).stream().map(entry -> {
                Accommodation accommodation = byStudent.get(entry.member().userId());
                List<Check> off = accommodation == null ? List.of() : accommodation.checksOff().stream().sorted()
                        .toList();
                return new RosterRow(entry.member().userId(), entry.member().displayName(),
                        entry.member().email().orElse(""), entry.member().username().orElse(""),
                        entry.status().id(), entry.status().label(), off.stream().map(Check::id).toList(),
                        granted(off, accommodation == null ? 0 : accommodation.extraMinutes()),
                        accommodation == null ? 0 : accommodation.extraMinutes(),
                        accommodation == null || accommodation.note() == null ? "" : accommodation.note());
            }).toList();
            rosterProblem = null;
        } catch (Refusal e) {
            roster = List.of();
            rosterProblem = e.detail();
        }
    }

    /** "Identity check off, 30 min extra time", or nothing. */
    private static String granted(List<Check> off, int extraMinutes) {
        List<String> parts = new ArrayList<>();
        if (!off.isEmpty()) {
            parts.add(off.stream().map(Check::title).collect(Collectors.joining(", ")) + " off");
        }
        if (extraMinutes > 0) {
            parts.add(extraMinutes + " min extra time");
        }
        return String.join(", ", parts);
    }

    /** The staff member, checked again against the launch and the exam at each action. */
    private ToolSession staff() {
        return StaffAccess.forExam(login.reviewer(), examId);
    }

    private static void message(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }

    public List<CheckOption> getChecks() {
        return Arrays.stream(Check.values()).map(check -> new CheckOption(check.id(), check.title(),
                check.captures())).toList();
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getExamTitle() {
        return examTitle;
    }

    public String getCourse() {
        return course;
    }

    public SettingsForm getForm() {
        return form;
    }

    public List<RosterRow> getRoster() {
        return roster;
    }

    public String getRosterProblem() {
        return rosterProblem;
    }

    public String getEditUserId() {
        return editUserId;
    }

    public String getEditName() {
        return editName;
    }

    public List<String> getEditChecksOff() {
        return editChecksOff;
    }

    public void setEditChecksOff(List<String> editChecksOff) {
        this.editChecksOff = editChecksOff == null ? new ArrayList<>() : new ArrayList<>(editChecksOff);
    }

    public Integer getEditExtraMinutes() {
        return editExtraMinutes;
    }

    public void setEditExtraMinutes(Integer editExtraMinutes) {
        this.editExtraMinutes = editExtraMinutes;
    }

    public String getEditNote() {
        return editNote;
    }

    public void setEditNote(String editNote) {
        this.editNote = editNote;
    }

    public UploadedFile getZip() {
        return zip;
    }

    public void setZip(UploadedFile zip) {
        this.zip = zip;
    }

    /** The bulk upload's limits, as the screen states them. */
    public String getBulkLimits() {
        return bulk.limits().sentence();
    }

    public List<ReportRow> getReport() {
        return report;
    }

    public String getReportSummary() {
        return reportSummary;
    }
}
