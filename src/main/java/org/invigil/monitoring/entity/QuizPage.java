package org.invigil.monitoring.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of quiz page the exam-page agent tells apart (lti-config/agent.md): the quiz's own page, a page of the
 * attempt, the summary before submitting, and the page that shows the attempt submitted (Moodle's review page after
 * "Submit all and finish", Canvas Classic Quizzes' submission history).
 */
public enum QuizPage {
    QUIZ("quiz"), ATTEMPT("attempt"), SUMMARY("summary"), SUBMITTED("submitted");

    private final String id;

    QuizPage(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<QuizPage> of(String id) {
        return Arrays.stream(values()).filter(page -> page.id.equals(id)).findFirst();
    }
}
