package org.invigil.exam.control;

import org.invigil.ids.entity.ExamId;
import org.invigil.refusal.entity.Refusal;

/** An exam that does not exist (any more). */
public class ExamUnknown extends Refusal {

    private static final long serialVersionUID = 1L;

    public ExamUnknown(ExamId examId) {
        super(Kind.UNKNOWN, "exam_unknown", "No such exam", "There is no exam " + examId + ".");
    }
}
