package org.invigil.review.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.invigil.access.entity.ToolSession;
import org.invigil.ids.entity.ExamId;
import org.invigil.refusal.entity.Refusal;
import org.invigil.review.control.Reviews;
import org.invigil.screens.boundary.ReviewerLogin;

/** The review queue of the reviewer's exam: the attempts that need a person first. */
@Named
@ViewScoped
public class ReviewQueueView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One line of the queue. */
    public record Row(String sessionId, String student, String state, String identity, Integer score,
                      String reviewState, int incidents) implements Serializable {
    }

    @Inject
    ReviewerLogin login;

    @Inject
    Reviews reviews;

    private String token;
    private String exam;
    private String examId;
    private String examTitle;
    private boolean ownExam;
    private List<Row> rows = List.of();

    public String load() {
        try {
            if (login.enter(token)) {
                token = null;
                return ReviewerLogin.sameScreen();
            }
            ToolSession reviewer = login.reviewer();
            String examId = exam != null && !exam.isBlank() ? exam : reviewer.examId().orElseThrow();
            examTitle = exam != null && !exam.isBlank() ? "" : reviewer.contextTitle().orElse("");
            rows = reviews.queue(reviewer, ExamId.of(examId)).stream().map(entry -> new Row(entry.session().id(),
                    entry.session().userName(), entry.session().state().id(), entry.session().identityStatus().id(),
                    entry.result().map(result -> result.score()).orElse(null),
                    entry.result().map(result -> result.reviewState().id()).orElse("in progress"),
                    entry.incidents())).collect(Collectors.toCollection(ArrayList::new));
            this.examId = examId;
            ownExam = reviewer.examId().map(examId::equals).orElse(false);
        } catch (Refusal refused) {
            ScreenRefusals.send(refused);
        }
        return null;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getExam() {
        return exam;
    }

    public void setExam(String exam) {
        this.exam = exam;
    }

    /** The queue's exam, once the reviewer is let in; for the panels of the page. */
    public String getExamId() {
        return examId;
    }

    /**
     * Whether the queue is of the reviewer's own launch exam; an integrity officer looking at another course's exam
     * gets its live monitor and report, not its settings (those stay with the course's staff).
     */
    public boolean isOwnExam() {
        return ownExam;
    }

    public String getCourse() {
        return examTitle;
    }

    public List<Row> getRows() {
        return rows;
    }
}
