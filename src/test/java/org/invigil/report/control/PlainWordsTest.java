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
    void confidenceReadsAsAPercentage() {
        assertEquals("87 %", PlainWords.percent(0.8712));
    }
}
