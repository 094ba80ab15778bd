package org.invigil.planted.control;

import org.invigil.ids.entity.ExamId;

/** A control whose id parameters ArchitectureTest's rule (f) must tell apart; test fixture, never deployed. */
public class PlantedExams {

    public String find(String examId) {
        return examId;
    }

    public String typed(ExamId examId) {
        return examId.value();
    }

    public String titled(String title) {
        return title;
    }

    public String onlyOwnCallers(String sessionId) {
        return sessionId;
    }

    String again(String examId) {
        return onlyOwnCallers(examId);
    }
}
