package org.invigil.monitoring.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleTest {

    @Test
    void everyRuleSaysHowItsStrengthIsComputedAndNoneCallsItConfidence() {
        for (Rule rule : Rule.values()) {
            String strength = rule.strength();
            assertFalse(strength == null || strength.isBlank(), rule.id());
            assertFalse(strength.toLowerCase(Locale.ROOT).contains("confiden"), rule.id() + ": " + strength);
        }
    }

    @Test
    void onlyRulesWithAMeasurementBehindThemSayMeasured() {
        Set<Rule> measured = EnumSet.of(Rule.SEVERAL_FACES, Rule.DUPLICATE_FACE, Rule.NOISE);
        for (Rule rule : Rule.values()) {
            assertTrue(rule.strength().startsWith("measured: ") == measured.contains(rule), rule.id() + ": "
                    + rule.strength());
        }
    }

    @Test
    void factsAreAlwaysOneAndSaySoRatherThanPassingForAMeasurement() {
        for (Rule rule : EnumSet.of(Rule.TAB_HIDDEN, Rule.FOCUS_LOST, Rule.FULLSCREEN_EXIT, Rule.COPY_PASTE,
                Rule.PRINT, Rule.SEVERAL_SCREENS, Rule.CAMERA_OFF)) {
            assertTrue(rule.strength().startsWith("always 1: a fact") && rule.strength().endsWith("not a measurement"),
                    rule.id() + ": " + rule.strength());
        }
    }
}
