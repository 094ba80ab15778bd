package org.invigil.exam.control;

import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** An exam that does not exist (any more). */
public class ExamUnknown extends ProblemException {

    private static final long serialVersionUID = 1L;

    public ExamUnknown(String examId) {
        super(new Problem(404, "exam_unknown", "No such exam", "There is no exam " + examId + "."));
    }
}
