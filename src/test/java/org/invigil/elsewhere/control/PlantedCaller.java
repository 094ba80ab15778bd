package org.invigil.elsewhere.control;

import org.invigil.ids.entity.ExamId;
import org.invigil.planted.control.PlantedExams;

/** Another component calling {@link PlantedExams}; test fixture for ArchitectureTest's rule (f). */
public class PlantedCaller {

    String call(PlantedExams exams) {
        return exams.find("e") + exams.typed(ExamId.of("e")) + exams.titled("t");
    }
}
