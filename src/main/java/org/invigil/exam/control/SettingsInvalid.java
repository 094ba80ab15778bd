package org.invigil.exam.control;

import org.invigil.refusal.entity.Refusal;

/** Exam settings out of their bounds, with the sentence {@code ExamSettings} gave. */
public class SettingsInvalid extends Refusal {

    private static final long serialVersionUID = 1L;

    public SettingsInvalid(IllegalArgumentException cause) {
        super(Kind.INVALID, "settings_invalid", "Settings not saved", cause.getMessage(), cause);
    }
}
