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
import org.invigil.journey.control.Journey;
import org.invigil.review.control.LiveMonitor;
import org.invigil.web.control.ProblemException;

/** The live monitor of the reviewer's exam, refreshed every two seconds. */
@Named
@ViewScoped
public class LiveMonitorView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One tile. */
    public record TileRow(String sessionId, String student, String state, String lastPicture, String openIncidents,
                          boolean alert, int incidents) implements Serializable {
    }

    @Inject
    ReviewerLogin login;

    @Inject
    LiveMonitor monitor;

    @Inject
    Journey journey;

    private String token;
    private List<TileRow> tiles = List.of();
    private List<String> notStarted = List.of();
    private String rosterProblem;
    private final Map<String, String> reasons = new HashMap<>();

    public void load() {
        try {
            login.enter(token);
            refresh();
        } catch (ProblemException refused) {
            ScreenRefusals.send(refused);
        }
    }

    public void refresh() {
        LiveMonitor.Snapshot snapshot = monitor.snapshot(login.reviewer(), login.reviewer().examId().orElseThrow());
        tiles = snapshot.tiles().stream().map(tile -> new TileRow(tile.sessionId(), tile.student(), tile.state(),
                tile.lastPicture().map(TIME::format).orElse("—"),
                tile.openIncidents().isEmpty() ? "none" : String.join(", ", tile.openIncidents()),
                !tile.openIncidents().isEmpty(), tile.incidents())).toList();
        notStarted = snapshot.notStarted();
        rosterProblem = snapshot.rosterProblem().orElse(null);
    }

    public void end(String sessionId) {
        try {
            journey.endByStaff(login.reviewer(), sessionId, reasons.get(sessionId));
            reasons.remove(sessionId);
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage("Monitoring ended."));
        } catch (ProblemException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    e.problem().title(), e.problem().detail()));
        }
        refresh();
    }

    public String getToken() {
        return token;
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

    public Map<String, String> getReasons() {
        return reasons;
    }
}
