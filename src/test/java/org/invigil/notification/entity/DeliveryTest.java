package org.invigil.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
    static final Duration HOLD = Duration.ofMinutes(2);

    static NotificationEvent event() {
        return new NotificationEvent(EventType.NEEDS_REVIEW, NotificationEvent.needsReviewId("s1"), T0,
                new NotificationEvent.Exam("x1", "Ethics exam", "Ethics"),
                new NotificationEvent.Attempt("s1", "41", "Two Faces", 75, "needs-review", List.of("several-faces"),
                        Optional.empty()));
    }

    static Delivery delivery() {
        return new Delivery(event(), Channel.WEBHOOK, "platform-1", T0);
    }

    @Test
    void backoffDoublesFromTenSecondsToAnHour() {
        assertEquals(Duration.ZERO, Delivery.backoff(0));
        assertEquals(Duration.ofSeconds(10), Delivery.backoff(1));
        assertEquals(Duration.ofSeconds(20), Delivery.backoff(2));
        assertEquals(Duration.ofSeconds(40), Delivery.backoff(3));
        assertEquals(Duration.ofSeconds(2560), Delivery.backoff(9));
        assertEquals(Duration.ofHours(1), Delivery.backoff(10));
        assertEquals(Duration.ofHours(1), Delivery.backoff(500));
    }

    @Test
    void aFailureMakesItDueAgainAfterTheBackoff() {
        Delivery delivery = delivery();
        assertTrue(delivery.claim(T0, HOLD));
        delivery.failed(T0, "HTTP 500");
        assertEquals(T0.plusSeconds(10), delivery.dueAt());
        assertFalse(delivery.claim(T0.plusSeconds(9), HOLD), "not due yet");
        assertTrue(delivery.claim(T0.plusSeconds(10), HOLD));
        delivery.failed(T0.plusSeconds(10), "HTTP 500");
        assertEquals(T0.plusSeconds(30), delivery.dueAt());
        assertEquals(Optional.of("HTTP 500"), delivery.lastError());
    }

    @Test
    void aClaimedDeliveryIsNotClaimedAgainWhileHeld() {
        Delivery delivery = delivery();
        assertTrue(delivery.claim(T0, HOLD));
        assertFalse(delivery.claim(T0.plusSeconds(1), HOLD), "another node");
        assertTrue(delivery.claim(T0.plus(HOLD), HOLD), "the holder died");
    }

    @Test
    void aDeliveredOneIsNeverSentAgain() {
        Delivery delivery = delivery();
        assertTrue(delivery.claim(T0, HOLD));
        delivery.delivered(T0.plusSeconds(1));
        assertFalse(delivery.claim(T0.plus(Duration.ofDays(1)), HOLD));
        delivery.failed(T0.plusSeconds(2), "late failure report");
        assertEquals(Optional.of(T0.plusSeconds(1)), delivery.deliveredAt());
        assertEquals(1, delivery.attempts());
    }

    @Test
    void itIsAbandonedAfterTheLastAttempt() {
        Delivery delivery = delivery();
        Instant at = T0;
        for (int i = 0; i < Delivery.MAX_ATTEMPTS; i++) {
            assertTrue(delivery.claim(at, HOLD), "attempt " + (i + 1));
            delivery.failed(at, "refused");
            at = delivery.dueAt();
        }
        assertTrue(delivery.abandonedAt().isPresent());
        assertFalse(delivery.claim(at.plus(Duration.ofDays(1)), HOLD));
    }

    @Test
    void thePayloadIsTheEventAsWebhooksReceiveIt() {
        Delivery delivery = delivery();
        assertEquals(event(), delivery.event());
        assertTrue(delivery.payload().startsWith("{\"type\":\"attempt.needs_review\",\"id\":\""), delivery.payload());
        assertTrue(delivery.payload().contains("\"exam\":{\"id\":\"x1\",\"title\":\"Ethics exam\",\"course\":\"Ethics\"}"),
                delivery.payload());
        assertTrue(delivery.payload().contains("\"reasons\":[\"several-faces\"]"), delivery.payload());
    }

    @Test
    void anAttemptsNeedsReviewEventAlwaysHasTheSameId() {
        assertEquals(NotificationEvent.needsReviewId("s1"), NotificationEvent.needsReviewId("s1"));
        assertFalse(NotificationEvent.needsReviewId("s1").equals(NotificationEvent.needsReviewId("s2")));
    }
}
