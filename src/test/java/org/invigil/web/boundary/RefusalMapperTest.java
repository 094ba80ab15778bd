package org.invigil.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.invigil.exam.control.ExamUnknown;
import org.invigil.ids.entity.ExamId;
import org.invigil.refusal.entity.Refusal;
import org.invigil.session.control.SessionRefusals;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;
import org.junit.jupiter.api.Test;

class RefusalMapperTest {

    @Test
    void everyKindHasItsOwnStatusAndAProblemExceptionOfThatStatusIsOfThatKind() {
        for (Refusal.Kind kind : Refusal.Kind.values()) {
            int status = RefusalMapper.status(kind);
            ProblemException same = new ProblemException(new Problem(status, "c", "t", "d"));
            assertEquals(kind, same.kind(), "status " + status);
        }
    }

    @Test
    void aDomainRefusalIsAnsweredWithItsKindsStatusAndItsOwnWords() {
        Problem unknown = RefusalMapper.problem(new ExamUnknown(ExamId.of("e-1")));
        assertEquals(new Problem(404, "exam_unknown", "No such exam", "There is no exam e-1."), unknown);
        Problem notNow = RefusalMapper.problem(SessionRefusals.wrongState("end the exam", "consent"));
        assertEquals(409, notNow.status());
        assertEquals("session_state", notNow.code());
        assertEquals("You cannot end the exam now: this session is at the step 'consent'.", notNow.detail());
    }

    @Test
    void aProblemExceptionKeepsTheProblemItWasGiven() {
        Problem teapot = new Problem(418, "teapot", "I am a teapot", "Short and stout.");
        assertEquals(teapot, RefusalMapper.problem(new ProblemException(teapot)));
        assertEquals(Refusal.Kind.INVALID, new ProblemException(teapot).kind());
    }
}
