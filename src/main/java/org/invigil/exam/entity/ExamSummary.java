package org.invigil.exam.entity;

import java.util.Optional;

/** What pages show of an exam. */
public record ExamSummary(String id, String title, Optional<String> courseTitle, Optional<String> resourceLinkId,
                          ExamSettings settings, boolean gradebookOffered, boolean rosterOffered) {

    public static ExamSummary of(Exam exam) {
        return new ExamSummary(exam.id(), exam.title(), exam.contextTitle(), exam.resourceLinkId(), exam.settings(),
                exam.lineItemUrl().isPresent() || exam.lineItemsUrl().isPresent(), exam.membershipsUrl().isPresent());
    }
}
