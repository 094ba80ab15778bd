package org.invigil.exam.entity;

import java.util.Optional;
import org.invigil.ids.entity.ExamId;

/**
 * What pages show of an exam. {@code learnerNamesUrl}: where the staff's browser reads the names of students the
 * platform launched anonymously (Open edX's roster).
 */
public record ExamSummary(String id, String title, Optional<String> courseTitle, Optional<String> resourceLinkId,
                          ExamSettings settings, boolean gradebookOffered, boolean rosterOffered,
                          Optional<String> learnerNamesUrl) {

    /** The exam's id as the value type other components take. */
    public ExamId examId() {
        return ExamId.of(id);
    }

    public static ExamSummary of(Exam exam) {
        return new ExamSummary(exam.id(), exam.title(), exam.contextTitle(), exam.resourceLinkId(), exam.settings(),
                exam.lineItemUrl().isPresent() || exam.lineItemsUrl().isPresent(), exam.membershipsUrl().isPresent(),
                exam.learnerNamesUrl());
    }
}
