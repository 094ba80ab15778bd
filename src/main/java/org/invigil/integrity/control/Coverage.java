package org.invigil.integrity.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.invigil.integrity.entity.CoverageFigures;
import org.invigil.monitoring.control.Timelines;
import org.invigil.monitoring.entity.QuizPage;

/**
 * How much of the quiz was actually watched. The quiz time runs from the first quiz page the exam-page agent saw to
 * the page that showed the attempt submitted after its last attempt page (else to the last quiz page seen or the end
 * of monitoring, whichever is later). Without the agent no quiz page is seen, and the quiz time is the monitoring time (from the first picture,
 * should the client have dated one before monitoring started). Each moment the monitor
 * was alive (a frame analysed, a heartbeat) covers the {@code maxGap} after it, never past the end of monitoring;
 * coverage is the covered part of the quiz time, and every uncovered stretch is a gap.
 *
 * @param quizSeen        whether the agent saw any quiz page
 * @param submittedSeen   whether it saw the page that shows the attempt submitted
 * @param quizStart       start of the quiz time
 * @param quizEnd         end of the quiz time
 * @param monitoredSeconds covered seconds of the quiz time
 * @param gaps            uncovered stretches of the quiz time, in order
 * @param wentOnAfterSubmitted whether attempt or summary pages were seen after the first "submitted" page (a forged or
 *                        mistaken submission: the quiz went on)
 */
public record Coverage(boolean quizSeen, boolean submittedSeen, Instant quizStart, Instant quizEnd,
                       long monitoredSeconds, List<Gap> gaps, boolean wentOnAfterSubmitted) {

    public record Gap(Instant from, Instant until) {

        public Duration length() {
            return Duration.between(from, until);
        }
    }

    public long quizSeconds() {
        return Math.max(0, Duration.between(quizStart, quizEnd).toSeconds());
    }

    /** The figures the result keeps and states. */
    public CoverageFigures figures() {
        return new CoverageFigures(quizSeen, quizSeconds(), monitoredSeconds);
    }

    public double ratio() {
        return figures().ratio();
    }

    /** Gaps at least that long. */
    public List<Gap> gapsOf(Duration atLeast) {
        return gaps.stream().filter(gap -> gap.length().compareTo(atLeast) >= 0).toList();
    }

    /**
     * The coverage of an attempt monitored from {@code monitoringStart} to {@code monitoringEnd} (now, if it is
     * still running), with what its timeline shows.
     */
    public static Coverage of(Instant monitoringStart, Instant monitoringEnd, Timelines.Timeline timeline,
                              Duration maxGap) {
        List<Timelines.Sighting> sightings = timeline.sightings();
        boolean quizSeen = !sightings.isEmpty();
        Optional<Instant> lastWork = sightings.stream()
                .filter(s -> s.page() == QuizPage.ATTEMPT || s.page() == QuizPage.SUMMARY)
                .map(Timelines.Sighting::at).reduce((a, b) -> b);
        // the submission that counts comes after the last page of work: attempt pages after a "submitted" page mean
        // the quiz went on (a forged or mistaken submission)
        Optional<Instant> submitted = sightings.stream().filter(s -> s.page() == QuizPage.SUBMITTED)
                .map(Timelines.Sighting::at)
                .filter(at -> lastWork.map(work -> !at.isBefore(work)).orElse(true)).findFirst();
        Instant start = quizSeen ? sightings.get(0).at()
                : timeline.live().isEmpty() ? monitoringStart : earliest(monitoringStart, timeline.live().get(0));
        Instant end = submitted.orElseGet(() -> quizSeen
                ? latest(latest(lastWork.orElse(start), sightings.get(sightings.size() - 1).at()), monitoringEnd)
                : monitoringEnd);
        if (end.isBefore(start)) {
            end = start;
        }
        List<Instant[]> covered = new ArrayList<>();
        for (Instant live : timeline.live()) {
            Instant from = latest(live, start);
            Instant until = earliest(earliest(live.plus(maxGap), monitoringEnd), end);
            if (until.isAfter(from)) {
                if (!covered.isEmpty() && !from.isAfter(covered.get(covered.size() - 1)[1])) {
                    Instant[] last = covered.get(covered.size() - 1);
                    last[1] = latest(last[1], until);
                } else {
                    covered.add(new Instant[] {from, until});
                }
            }
        }
        long monitored = 0;
        List<Gap> gaps = new ArrayList<>();
        Instant cursor = start;
        for (Instant[] stretch : covered) {
            if (stretch[0].isAfter(cursor)) {
                gaps.add(new Gap(cursor, stretch[0]));
            }
            monitored += Duration.between(stretch[0], stretch[1]).toMillis();
            cursor = stretch[1];
        }
        if (end.isAfter(cursor)) {
            gaps.add(new Gap(cursor, end));
        }
        Optional<Instant> firstSubmitted = sightings.stream().filter(s -> s.page() == QuizPage.SUBMITTED)
                .map(Timelines.Sighting::at).findFirst();
        boolean wentOn = firstSubmitted.flatMap(first -> lastWork.map(work -> work.isAfter(first))).orElse(false);
        return new Coverage(quizSeen, submitted.isPresent(), start, end, monitored / 1000, List.copyOf(gaps), wentOn);
    }

    public String summary() {
        return figures().summary();
    }

    public static String duration(long seconds) {
        return CoverageFigures.duration(seconds);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
