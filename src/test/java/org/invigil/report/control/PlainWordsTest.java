package org.invigil.report.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.invigil.monitoring.entity.Rule;
import org.junit.jupiter.api.Test;

class PlainWordsTest {

    @Test
    void everyRuleHasAName() {
        for (Rule rule : Rule.values()) {
            assertNotEquals(rule.id(), PlainWords.rule(rule.id()), "a plain name for " + rule.id());
        }
        assertEquals("unknown-rule", PlainWords.rule("unknown-rule"));
    }

    @Test
    void aStrengthReadsWithHowItIsComputedAndNeverAsAPercentage() {
        assertEquals("0.87 of 1: measured: the lowest face score among the faces in those pictures (the detector's, or Face Mesh's face presence for a followed face)",
                PlainWords.strength(0.8712, Rule.SEVERAL_FACES.strength()));
        assertEquals("1.00 of 1: always 1: a fact the browser reported, not a measurement",
                PlainWords.strength(1, Rule.TAB_HIDDEN.strength()));
    }
}
