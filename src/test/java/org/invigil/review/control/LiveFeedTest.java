package org.invigil.review.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveFeedTest {

    /** A monitor whose pulses the test sets. */
    static final class Pulses extends LiveMonitor {
        final Map<String, String> now = new HashMap<>();

        @Override
        public String pulse(String examId) {
            return now.getOrDefault(examId, "");
        }
    }

    final Pulses pulses = new Pulses();
    final LiveFeed feed = new LiveFeed();

    LiveFeedTest() {
        feed.monitor = pulses;
    }

    /** A screen that records what it was sent, and can go away. */
    static final class Screen implements LiveFeed.Listener {
        final List<String> received = new ArrayList<>();
        boolean gone;

        @Override
        public boolean push(String event) {
            if (gone) {
                return false;
            }
            received.add(event);
            return true;
        }
    }

    Screen watch(String examId) {
        Screen screen = new Screen();
        feed.watch(examId, screen);
        return screen;
    }

    @Test
    void aChangeIsPushedToTheExamsScreensOnlyAndOnlyOnce() {
        pulses.now.put("a", "s1:monitoring:[]:0");
        pulses.now.put("b", "s2:monitoring:[]:0");
        Screen a1 = watch("a");
        Screen a2 = watch("a");
        Screen b = watch("b");
        feed.tick();
        assertEquals(List.of(), a1.received, "nothing changed since the screens subscribed");
        pulses.now.put("a", "s1:monitoring:[several-faces]:1");
        feed.tick();
        feed.tick();
        assertEquals(List.of("change"), a1.received);
        assertEquals(List.of("change"), a2.received);
        assertEquals(List.of(), b.received);
    }

    @Test
    void aScreenThatWentAwayIsForgottenAndAnExamNobodyWatchesIsNoLongerRead() {
        Screen a = watch("a");
        pulses.now.put("a", "1");
        feed.tick();
        a.gone = true;
        pulses.now.put("a", "2");
        feed.tick();
        assertEquals(0, feed.watching("a"));
    }

    @Test
    void screensArePingedNowAndThenSoClosedConnectionsAreNoticed() {
        pulses.now.put("a", "same");
        Screen a = watch("a");
        long ticks = LiveFeed.PING_EVERY.toMillis() / LiveFeed.TICK_MILLIS;
        for (long i = 0; i < ticks; i++) {
            feed.tick();
        }
        assertEquals(List.of("ping"), a.received);
    }

    @Test
    void aChangeRightAfterASubscriptionIsPushedEvenBeforeTheFirstTick() {
        pulses.now.put("a", "before");
        Screen screen = watch("a");
        pulses.now.put("a", "after");
        feed.tick();
        assertEquals(List.of("change"), screen.received);
    }
}
