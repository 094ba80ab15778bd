package org.invigil.review.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.invigil.refusal.entity.Refusal;
import java.util.stream.Collectors;
import org.invigil.review.control.Reviews;
import org.invigil.screens.boundary.ReviewerLogin;
import org.invigil.web.control.ProblemException;

/** An integrity officer's overview: every exam of the platform, those with attempts waiting first. */
@Named
@ViewScoped
public class OfficerExamsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One exam line. */
    public record Row(String examId, String title, String course, int attempts, int needReview) implements Serializable {
    }

    @Inject
    ReviewerLogin login;

    @Inject
    Reviews reviews;

    private String token;
    private List<Row> rows = List.of();

    public String load() {
        try {
            if (login.enter(token)) {
                token = null;
                return ReviewerLogin.sameScreen();
            }
            rows = reviews.examsOfPlatform(login.reviewer()).stream()
                    .map(line -> new Row(line.examId(), line.title(), line.course(), line.attempts(), line.needReview()))
                    .collect(Collectors.toCollection(ArrayList::new)); // sorted in place
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

    public List<Row> getRows() {
        return rows;
    }
}
