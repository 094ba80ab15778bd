package org.invigil.integrity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.invigil.monitoring.control.Timelines;
import org.invigil.monitoring.entity.QuizPage;
import org.junit.jupiter.api.Test;

class CoverageTest {

    static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    static final Duration MAX_GAP = Duration.ofSeconds(30);

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** A frame every {@code every} seconds from {@code from} to {@code until}. */
    static List<Instant> frames(long from, long until, long every) {
        List<Instant> live = new ArrayList<>();
        for (long s = from; s <= until; s += every) {
            live.add(at(s));
        }
        return live;
    }

    static Timelines.Sighting seen(QuizPage page, long seconds) {
        return new Timelines.Sighting(page, at(seconds));
    }

    @Test
    void aQuizWatchedThroughoutIsFullyCovered() {
        Coverage coverage = Coverage.of(at(0), at(1900), new Timelines.Timeline(frames(0, 1900, 3),
                List.of(seen(QuizPage.QUIZ, 60), seen(QuizPage.ATTEMPT, 65), seen(QuizPage.SUMMARY, 1790),
                        seen(QuizPage.SUBMITTED, 1800))), MAX_GAP);
        assertTrue(coverage.quizSeen() && coverage.submittedSeen());
        assertEquals(at(60), coverage.quizStart());
        assertEquals(at(1800), coverage.quizEnd(), "the quiz ends where it was submitted");
        assertEquals(1740, coverage.quizSeconds());
        assertEquals(1740, coverage.monitoredSeconds());
        assertEquals(1.0, coverage.ratio());
        assertTrue(coverage.gaps().isEmpty(), coverage.gaps().toString());
        assertEquals("monitored 29 min 0 s of 29 min 0 s of quiz time (100 %)", coverage.summary());
    }

    @Test
    void aStretchWithoutAnyFrameOrHeartbeatIsAGapOfItsExactLength() {
        List<Instant> live = frames(0, 600, 3);
        live.addAll(frames(850, 1200, 3)); // nothing from 600 s to 850 s
        Coverage coverage = Coverage.of(at(0), at(1200), new Timelines.Timeline(live,
                List.of(seen(QuizPage.ATTEMPT, 0), seen(QuizPage.SUBMITTED, 1200))), MAX_GAP);
        assertEquals(1, coverage.gaps().size(), coverage.gaps().toString());
        Coverage.Gap gap = coverage.gaps().get(0);
        assertEquals(at(630), gap.from(), "the last frame covers the next 30 s");
        assertEquals(at(850), gap.until());
        assertEquals(1200 - 220, coverage.monitoredSeconds());
        assertEquals(List.of(gap), coverage.gapsOf(Duration.ofSeconds(120)));
        assertEquals(List.of(), coverage.gapsOf(Duration.ofSeconds(221)));
        assertEquals("3 min 40 s", Coverage.duration(gap.length().toSeconds()));
    }

    @Test
    void monitoringEndedEarlyLeavesTheRestOfTheQuizUnwatched() {
        // monitoring ran 10 s; the quiz was opened a minute later and submitted after nine more
        Coverage coverage = Coverage.of(at(0), at(10), new Timelines.Timeline(frames(0, 10, 3),
                List.of(seen(QuizPage.ATTEMPT, 60), seen(QuizPage.SUBMITTED, 600))), MAX_GAP);
        assertEquals(540, coverage.quizSeconds());
        assertEquals(0, coverage.monitoredSeconds(), "a frame never covers time after monitoring ended");
        assertEquals(List.of(new Coverage.Gap(at(60), at(600))), coverage.gaps());
        assertEquals(0.0, coverage.ratio());
    }

    @Test
    void attemptPagesAfterASubmittedPageMeanTheQuizWentOn() {
        // a forged "submitted" at 30 s ends monitoring; the student goes on answering until 400 s and submits
        Coverage coverage = Coverage.of(at(0), at(30), new Timelines.Timeline(frames(0, 30, 3),
                List.of(seen(QuizPage.ATTEMPT, 5), seen(QuizPage.SUBMITTED, 30), seen(QuizPage.ATTEMPT, 60),
                        seen(QuizPage.SUMMARY, 390), seen(QuizPage.SUBMITTED, 400))), MAX_GAP);
        assertTrue(coverage.submittedSeen());
        assertEquals(at(400), coverage.quizEnd(), "the submission after the last attempt page counts");
        assertEquals(List.of(new Coverage.Gap(at(30), at(400))), coverage.gaps());
        assertTrue(coverage.wentOnAfterSubmitted());
        Coverage stillGoing = Coverage.of(at(0), at(30), new Timelines.Timeline(frames(0, 30, 3),
                List.of(seen(QuizPage.ATTEMPT, 5), seen(QuizPage.SUBMITTED, 30), seen(QuizPage.ATTEMPT, 300))),
                MAX_GAP);
        assertFalse(stillGoing.submittedSeen());
        assertEquals(at(300), stillGoing.quizEnd());
    }

    @Test
    void lookingAtTheResultsAfterSubmittingIsNotQuizTime() {
        Coverage coverage = Coverage.of(at(0), at(100), new Timelines.Timeline(frames(0, 100, 3),
                List.of(seen(QuizPage.ATTEMPT, 0), seen(QuizPage.SUBMITTED, 100), seen(QuizPage.SUBMITTED, 900),
                        seen(QuizPage.QUIZ, 1000))), MAX_GAP);
        assertEquals(at(100), coverage.quizEnd());
        assertTrue(coverage.gaps().isEmpty());
        assertFalse(coverage.wentOnAfterSubmitted(), "looking at the results is not going on with the quiz");
    }

    @Test
    void withoutTheAgentTheQuizTimeIsTheMonitoringTime() {
        Coverage coverage = Coverage.of(at(0), at(300), new Timelines.Timeline(frames(0, 300, 5), List.of()),
                MAX_GAP);
        assertFalse(coverage.quizSeen());
        assertEquals(300, coverage.quizSeconds());
        assertEquals(300, coverage.monitoredSeconds());
        assertTrue(coverage.summary().startsWith("quiz pages not seen"), coverage.summary());
    }

    @Test
    void withoutTheAgentAPictureDatedBeforeTheStartCountsFromItsTime() {
        Coverage coverage = Coverage.of(at(60), at(70), new Timelines.Timeline(List.of(at(0), at(3), at(6)),
                List.of()), MAX_GAP);
        assertEquals(at(0), coverage.quizStart());
        assertEquals(36, coverage.monitoredSeconds());
        assertEquals(List.of(new Coverage.Gap(at(36), at(70))), coverage.gaps());
    }

    @Test
    void noSignOfTheMonitorIsNoMonitoredTime() {
        Coverage coverage = Coverage.of(at(0), at(5), new Timelines.Timeline(List.of(), List.of()), MAX_GAP);
        assertEquals(0, coverage.monitoredSeconds());
        assertEquals(List.of(new Coverage.Gap(at(0), at(5))), coverage.gaps());
    }

    @Test
    void withoutASubmittedPageTheQuizRunsToTheLaterOfTheLastPageAndTheEnd() {
        Coverage seenLater = Coverage.of(at(0), at(100), new Timelines.Timeline(frames(0, 100, 3),
                List.of(seen(QuizPage.ATTEMPT, 10), seen(QuizPage.ATTEMPT, 400))), MAX_GAP);
        assertFalse(seenLater.submittedSeen());
        assertEquals(at(400), seenLater.quizEnd());
        assertEquals(List.of(new Coverage.Gap(at(100), at(400))), seenLater.gaps());
        Coverage endedLater = Coverage.of(at(0), at(500), new Timelines.Timeline(frames(0, 500, 3),
                List.of(seen(QuizPage.ATTEMPT, 10))), MAX_GAP);
        assertEquals(at(500), endedLater.quizEnd());
        assertEquals(490, endedLater.monitoredSeconds());
    }

    @Test
    void heartbeatsAloneKeepTheAttemptCoveredWithinTheGap() {
        Coverage coverage = Coverage.of(at(0), at(120), new Timelines.Timeline(frames(0, 120, 15),
                List.of(seen(QuizPage.ATTEMPT, 0), seen(QuizPage.SUBMITTED, 120))), MAX_GAP);
        assertEquals(120, coverage.monitoredSeconds());
        Coverage sparse = Coverage.of(at(0), at(120), new Timelines.Timeline(frames(0, 120, 60),
                List.of(seen(QuizPage.ATTEMPT, 0), seen(QuizPage.SUBMITTED, 120))), MAX_GAP);
        assertEquals(60, sparse.monitoredSeconds(), "a sign every 60 s covers 30 s of each minute");
        assertEquals(2, sparse.gaps().size());
    }
}
