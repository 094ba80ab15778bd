package org.invigil.review.control;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which rows of an {@link ExamReport} to show or export: a review state, a rule with at least one incident, a score
 * range (inclusive; an attempt without a score passes only an open range), and a text found in the student's name,
 * step, identity status, review state or decision. Empty criteria match everything.
 */
public record ReportFilter(Optional<String> reviewState, Optional<String> rule, Optional<Integer> minScore,
                           Optional<Integer> maxScore, Optional<String> text) {

    public static final ReportFilter NONE = new ReportFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public ReportFilter {
        reviewState = reviewState.map(String::strip).filter(value -> !value.isEmpty());
        rule = rule.map(String::strip).filter(value -> !value.isEmpty());
        text = text.map(String::strip).filter(value -> !value.isEmpty()).map(value -> value.toLowerCase(Locale.ROOT));
    }

    /** A filter from request or form values, where blank means "any" and a score that is not a number is ignored. */
    public static ReportFilter of(String reviewState, String rule, String minScore, String maxScore, String text) {
        return new ReportFilter(Optional.ofNullable(reviewState), Optional.ofNullable(rule), number(minScore),
                number(maxScore), Optional.ofNullable(text));
    }

    public boolean matches(ExamReport.Row row) {
        if (reviewState.isPresent() && !reviewState.get().equals(row.reviewState())) {
            return false;
        }
        if (rule.isPresent() && row.incidentsOf(rule.get()) == 0) {
            return false;
        }
        if ((minScore.isPresent() || maxScore.isPresent()) && (row.score() == null
                || row.score() < minScore.orElse(Integer.MIN_VALUE) || row.score() > maxScore.orElse(Integer.MAX_VALUE))) {
            return false;
        }
        return text.isEmpty() || Stream.of(row.student(), row.state(), row.identity(), row.reviewState(), row.decision())
                .anyMatch(value -> value != null && value.toLowerCase(Locale.ROOT).contains(text.get()));
    }

    public boolean isEmpty() {
        return this.equals(NONE);
    }

    private static Optional<Integer> number(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
