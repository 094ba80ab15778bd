package org.invigil.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.invigil.exam.entity.Check;
import org.invigil.exam.entity.ExamSettings;
import org.junit.jupiter.api.Test;

class ConsentTextTest {

    static final List<Check> CAMERA_AND_BROWSER = List.of(Check.CAMERA, Check.BROWSER);

    static ExamSettings settings(int retentionDays, String note) {
        return new ExamSettings(3, EnumSet.allOf(Check.class), 10, 30, 20, 2, 5, 3, retentionDays, note,
                Optional.empty());
    }

    static String section(ConsentText text, String heading) {
        return text.sections().stream().filter(s -> s.heading().equals(heading)).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + heading)).text();
    }

    static String all(ConsentText text) {
        return text.sections().stream().map(s -> s.heading() + "\n" + s.text()).collect(Collectors.joining("\n"));
    }

    @Test
    void listsOnlyTheChecksActiveForTheStudent() {
        String captured = section(ConsentText.of(settings(30, ""), CAMERA_AND_BROWSER), "What is captured");
        for (Check check : Check.values()) {
            assertEquals(CAMERA_AND_BROWSER.contains(check), captured.contains(check.title()), check.title());
            assertEquals(CAMERA_AND_BROWSER.contains(check), captured.contains(check.captures()), check.title());
        }
    }

    @Test
    void saysSoWhenNothingIsCaptured() {
        String captured = section(ConsentText.of(settings(30, ""), List.of()), "What is captured");
        assertTrue(captured.startsWith("Nothing"), captured);
        for (Check check : Check.values()) {
            assertFalse(captured.contains(check.title()), check.title());
        }
    }

    @Test
    void mentionsTheRetentionDays() {
        assertTrue(section(ConsentText.of(settings(45, ""), CAMERA_AND_BROWSER), "How long it is kept")
                .contains("45 days"));
        assertTrue(section(ConsentText.of(settings(365, ""), CAMERA_AND_BROWSER), "How long it is kept")
                .contains("365 days"));
    }

    @Test
    void saysWhoSeesItHowToAppealAndWhatDecliningMeans() {
        ConsentText text = ConsentText.of(settings(30, ""), CAMERA_AND_BROWSER);
        assertTrue(section(text, "Who sees it").contains("instructors"));
        assertTrue(section(text, "Responding and appealing").contains("appeal"));
        assertTrue(section(text, "If you decline").contains("not be monitored"));
    }

    @Test
    void theInstructorsNoteAppearsOnlyWhenThereIsOne() {
        ConsentText without = ConsentText.of(settings(30, ""), CAMERA_AND_BROWSER);
        assertTrue(without.sections().stream().noneMatch(s -> s.heading().contains("instructor")));
        ConsentText with = ConsentText.of(settings(30, "Keep your desk clear."), CAMERA_AND_BROWSER);
        assertEquals("Keep your desk clear.", section(with, "A note from your instructor"));
    }

    @Test
    void theVersionIsStableForTheSameText() {
        ConsentText one = ConsentText.of(settings(30, "Note"), CAMERA_AND_BROWSER);
        ConsentText two = ConsentText.of(settings(30, "Note"), List.copyOf(CAMERA_AND_BROWSER));
        assertEquals(one.version(), two.version());
        assertEquals(one.sections(), two.sections());
        assertTrue(one.version().matches("[0-9a-f]{16}"), one.version());
    }

    @Test
    void theVersionIgnoresSettingsTheTextDoesNotMention() {
        ConsentText base = ConsentText.of(settings(30, ""), CAMERA_AND_BROWSER);
        ExamSettings otherTimes = new ExamSettings(10, Set.of(Check.CAMERA), 60, 45, 30, 8, 20, 5, 30, "",
                Optional.of("https://lms.example.org/quiz"));
        ConsentText other = ConsentText.of(otherTimes, CAMERA_AND_BROWSER);
        assertEquals(all(base), all(other));
        assertEquals(base.version(), other.version());
    }

    @Test
    void theVersionChangesWhenTheTextChanges() {
        String base = ConsentText.of(settings(30, ""), CAMERA_AND_BROWSER).version();
        assertNotEquals(base, ConsentText.of(settings(31, ""), CAMERA_AND_BROWSER).version(), "retention");
        assertNotEquals(base, ConsentText.of(settings(30, "A note"), CAMERA_AND_BROWSER).version(), "note");
        assertNotEquals(base, ConsentText.of(settings(30, ""), List.of(Check.CAMERA)).version(), "checks");
        assertNotEquals(base, ConsentText.of(settings(30, ""),
                List.of(Check.CAMERA, Check.BROWSER, Check.AUDIO)).version(), "checks");
    }
}
