package org.invigil.review.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.SessionId;
import org.invigil.journey.control.MonitoringLifecycle;
import org.invigil.refusal.entity.Refusal;
import org.invigil.review.control.LiveMonitor;
import org.invigil.screens.boundary.ReviewerLogin;

/**
 * The live monitor of the reviewer's exam. The screen refreshes when the live feed pushes a change (and every 30 s
 * in any case); the roster, an LMS call, is read at most once a minute. Pausing, resuming and ending a student's
 * monitoring each take a reason, typed in a dialog that refreshes do not disturb.
 */
@Named
@ViewScoped
public class LiveMonitorView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final Duration ROSTER_EVERY = Duration.ofMinutes(1);

    /** One tile. */
    public record TileRow(String sessionId, String student, String state, String lastPicture, String openIncidents,
                          boolean alert, int incidents, String pauseReason, boolean canPause, boolean canResume,
                          boolean canEnd, boolean livePicture) implements Serializable {
    }

    /** What the staff member is about to do to whom. */
    public enum Action { PAUSE, RESUME, END }

    @Inject
    ReviewerLogin login;

    @Inject
    LiveMonitor monitor;

    @Inject
    MonitoringLifecycle lifecycle;

    private String token;
    private String exam;
    private List<TileRow> tiles = List.of();
    private LiveMonitor.Learners learners;
    private Instant learnersReadAt;
    private List<String> notStarted = List.of();
    private String rosterProblem;
    private boolean livePictures;
    private Action action;
    private String actionSession;
    private String actionStudent;
    private String reason;

    public String load() {
        try {
            if (login.enter(token)) {
                token = null;
                return ReviewerLogin.sameScreen();
            }
            refresh();
        } catch (Refusal refused) {
            ScreenRefusals.send(refused);
        }
        return null;
    }

    public void refresh() {
        ExamId examId = login.examOf(exam);
        List<LiveMonitor.Tile> now = monitor.tiles(login.reviewer(), examId);
        tiles = now.stream().map(LiveMonitorView::row).toList();
        Instant at = Clock.systemUTC().instant();
        if (learners == null || learnersReadAt.plus(ROSTER_EVERY).isBefore(at)) {
            learners = monitor.learners(login.reviewer(), examId);
            learnersReadAt = at;
        }
        notStarted = LiveMonitor.notStarted(learners, now);
        livePictures = monitor.showsLivePictures(examId);
        rosterProblem = learners.problem();
    }

    private static TileRow row(LiveMonitor.Tile tile) {
        return new TileRow(tile.sessionId(), tile.student(), tile.state(),
                tile.lastPicture().map(at -> "last picture " + TIME.format(at) + " UTC").orElse("no picture yet"),
                tile.openIncidents().isEmpty() ? "none" : String.join(", ", tile.openIncidents()),
                !tile.openIncidents().isEmpty(), tile.incidents(), tile.pauseReason().orElse(""), tile.canPause(),
                tile.canResume(), tile.canEnd(), tile.livePicture());
    }

    /** Opens the reason dialog for an action on one student. */
    public void prepare(String sessionId, Action chosen) {
        action = chosen;
        actionSession = sessionId;
        actionStudent = tiles.stream().filter(tile -> tile.sessionId().equals(sessionId)).map(TileRow::student)
                .findFirst().orElse("this student");
        reason = "";
    }

    public void confirm() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (action == null) { // confirmed twice: the first one did it
            refresh();
            return;
        }
        try {
            switch (action) {
                case PAUSE -> lifecycle.pauseByStaff(login.reviewer(), SessionId.of(actionSession), reason);
                case RESUME -> lifecycle.resumeByStaff(login.reviewer(), SessionId.of(actionSession), reason);
                case END -> lifecycle.endByStaff(login.reviewer(), SessionId.of(actionSession), reason);
            }
            faces.addMessage(null, new FacesMessage(switch (action) {
                case PAUSE -> "Monitoring of " + actionStudent + " is paused.";
                case RESUME -> "Monitoring of " + actionStudent + " goes on.";
                case END -> "Monitoring of " + actionStudent + " has ended.";
            }));
            action = null;
        } catch (Refusal e) {
            faces.validationFailed(); // keeps the dialog open with the reason typed so far
            faces.addMessage("action:reason", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.title(),
                    e.detail()));
        }
        refresh();
    }

    /** The live feed's address in this screen's HTTP session. */
    public String getFeedUrl() {
        return inSession("/api/review/live" + (exam == null || exam.isBlank() ? "" : "?exam="
                + URLEncoder.encode(exam, StandardCharsets.UTF_8)));
    }

    /** The address of a student's live picture in this screen's HTTP session. */
    public String pictureUrl(String sessionId) {
        return inSession("/review/live-picture?attempt=" + URLEncoder.encode(sessionId,
                StandardCharsets.UTF_8));
    }

    private static String inSession(String path) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return external.encodeResourceURL(external.getRequestContextPath() + path);
    }

    public boolean isLivePictures() {
        return livePictures;
    }

    public String getActionTitle() {
        if (action == null) {
            return "";
        }
        return switch (action) {
            case PAUSE -> "Pause the monitoring of " + actionStudent;
            case RESUME -> "Resume the monitoring of " + actionStudent;
            case END -> "End the monitoring of " + actionStudent;
        };
    }

    public String getActionHelp() {
        if (action == null) {
            return "";
        }
        return switch (action) {
            case PAUSE -> "Nothing is analysed and no incident is raised until you resume. The student sees the reason.";
            case RESUME -> "Monitoring goes on from now; the pause and its reasons stay in the audit log.";
            case END -> "The attempt ends and its result is computed. This cannot be undone. The student sees the reason.";
        };
    }

    public String getActionLabel() {
        return action == null ? "" : switch (action) {
            case PAUSE -> "Pause monitoring";
            case RESUME -> "Resume monitoring";
            case END -> "End monitoring";
        };
    }

    public int getMaxReason() {
        return MonitoringLifecycle.MAX_REASON;
    }

    public String getToken() {
        return token;
    }

    public String getExam() {
        return exam;
    }

    public void setExam(String exam) {
        this.exam = exam;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public List<TileRow> getTiles() {
        return tiles;
    }

    public List<String> getNotStarted() {
        return notStarted;
    }

    public String getRosterProblem() {
        return rosterProblem;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Action getPause() {
        return Action.PAUSE;
    }

    public Action getResume() {
        return Action.RESUME;
    }

    public Action getEnd() {
        return Action.END;
    }
}
