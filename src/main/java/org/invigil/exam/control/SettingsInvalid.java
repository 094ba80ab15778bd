package org.invigil.exam.control;

import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** Exam settings out of their bounds, with the sentence {@code ExamSettings} gave. */
public class SettingsInvalid extends ProblemException {

    private static final long serialVersionUID = 1L;

    public SettingsInvalid(IllegalArgumentException cause) {
        super(new Problem(400, "settings_invalid", "Settings not saved", cause.getMessage()), cause);
    }
}
