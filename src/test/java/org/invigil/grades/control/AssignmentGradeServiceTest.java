package org.invigil.grades.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AssignmentGradeServiceTest {

    @Test
    void scoresGoAtTheEndOfThePathBeforeTheQuery() {
        assertEquals("https://moodle.example/mod/lti/services.php/2/lineitems/7/lineitem/scores?type_id=1",
                AssignmentGradeService.subResource(
                        "https://moodle.example/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1", "scores"));
        assertEquals("https://canvas.example/api/lti/courses/1/line_items/5/results",
                AssignmentGradeService.subResource("https://canvas.example/api/lti/courses/1/line_items/5", "results"));
        assertEquals("http://127.0.0.1:9000/ags/c/lineitems/1/scores",
                AssignmentGradeService.subResource("http://127.0.0.1:9000/ags/c/lineitems/1/", "scores"));
    }

    @Test
    void filtersJoinAnExistingQuery() {
        assertEquals("https://lms/li?type_id=1&tag=x", AssignmentGradeService.withQuery("https://lms/li?type_id=1", "tag=x"));
        assertEquals("https://lms/li?tag=x", AssignmentGradeService.withQuery("https://lms/li", "tag=x"));
        assertEquals("https://lms/li", AssignmentGradeService.withQuery("https://lms/li", ""));
    }
}
