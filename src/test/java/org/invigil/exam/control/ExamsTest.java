package org.invigil.exam.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.invigil.exam.entity.ExamSettings;
import org.junit.jupiter.api.Test;

class ExamsTest {

    @Test
    void proctoringSettingsInTheSettingsFormSetANewExam() {
        ExamSettings settings = Exams.initialSettings("{\"frameIntervalSeconds\": 7, \"checks\": [\"identity\"]}");

        assertEquals(7, settings.frameIntervalSeconds());
        assertEquals(1, settings.checks().size(), settings.checks().toString());
        assertEquals(ExamSettings.defaults().retentionDays(), settings.retentionDays(), "left out: the default");
    }

    @Test
    void proctoringSettingsThatAreNotInvigilsLeaveTheDefaults() {
        for (String data : new String[] {null, "", "opaque-platform-data", "[1, 2]", "{\"frameIntervalSeconds\": 1}",
                "{\"frameIntervalSeconds\": \"often\"}", "{\"closesAt\": 5}"}) {
            assertEquals(ExamSettings.defaults(), Exams.initialSettings(data), String.valueOf(data));
        }
        assertFalse(Exams.initialSettings("{\"checks\": []}").checks().equals(ExamSettings.defaults().checks()));
    }
}
