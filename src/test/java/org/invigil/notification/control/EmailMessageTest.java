package org.invigil.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.invigil.notification.entity.EventType;
import org.invigil.notification.entity.NotificationEvent;
import org.junit.jupiter.api.Test;

class EmailMessageTest {

    static NotificationEvent event(String student, List<String> reasons) {
        return new NotificationEvent(EventType.NEEDS_REVIEW, NotificationEvent.needsReviewId("s1"),
                Instant.parse("2025-03-03T10:00:00Z"), new NotificationEvent.Exam("x1", "Ethics exam", "Ethics"),
                new NotificationEvent.Attempt("s1", "41", student, 75, "needs-review", reasons, Optional.empty()));
    }

    @Test
    void theSubjectNamesTheStudentAndTheExam() {
        assertEquals("Invigil: Two Faces needs review in Ethics exam",
                EmailMessage.needsReview(event("Two Faces", List.of("several-faces"))).subject());
    }

    @Test
    void theBodySaysWhyWithTheRulesThatTookPointsOffAndWhereToReview() {
        EmailMessage email = EmailMessage.needsReview(event("Two Faces", List.of("several-faces",
                "identity-needs-review")));
        assertTrue(email.text().contains("Two Faces's attempt at Ethics exam (Ethics) needs a review."), email.text());
        assertTrue(email.text().contains("Why: More than one face was visible. The identity check could not confirm"),
                email.text());
        assertTrue(email.text().contains("Integrity score: 75/100"), email.text());
        assertTrue(email.text().contains("Open the exam from your course page to review"), email.text());
        assertTrue(email.html().contains("<li>More than one face was visible.</li>"), email.html());
        assertFalse(email.text().contains("http"), "no link: the review screen needs a launch");
    }

    @Test
    void theHtmlEscapesWhatComesFromTheLms() {
        EmailMessage email = EmailMessage.needsReview(event("<script>alert(1)</script> & Co", List.of()));
        assertFalse(email.html().contains("<script>"), email.html());
        assertTrue(email.html().contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"), email.html());
        assertTrue(email.text().contains("Why: the integrity checks asked for a person to look."), email.text());
    }

    @Test
    void aNameCannotInjectMailHeadersThroughTheSubject() {
        String subject = EmailMessage.needsReview(event("Eve\r\nBcc: all@example.com", List.of())).subject();
        assertFalse(subject.contains("\n") || subject.contains("\r"), subject);
    }

    @Test
    void unknownReasonsAreShownAsTheyCame() {
        assertEquals("some-new-rule", EmailMessage.describe("some-new-rule"));
        assertEquals("The exam page was hidden (another tab or window).", EmailMessage.describe("tab-hidden"));
    }
}
