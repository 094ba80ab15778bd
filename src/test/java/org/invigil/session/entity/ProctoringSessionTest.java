package org.invigil.session.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.invigil.exam.entity.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProctoringSessionTest {

    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    static ProctoringSession session(boolean identityRequired) {
        return new ProctoringSession("exam-1", "platform-1", "course-1", "user-1", "Ada Lovelace", "ada@example.org",
                null, identityRequired, new byte[] {1, 2, 3}, T0);
    }

    static ProctoringSession atIdentity() {
        ProctoringSession session = session(true);
        session.consent("v1", T0, Set.of(), 30);
        session.passSystemCheck(true, true);
        return session;
    }

    @Test
    void aNewSessionAsksForConsent() {
        ProctoringSession session = session(true);
        assertEquals(SessionState.CONSENT, session.state());
        assertEquals(IdentityStatus.PENDING, session.identityStatus());
        assertEquals(IdentityStatus.NOT_REQUIRED, session(false).identityStatus());
        assertFalse(session.isMonitoring());
    }

    @Test
    void theFullJourneyGoesThroughEveryStepInOrder() {
        ProctoringSession session = session(true);
        session.consent("v1", T0.plusSeconds(1), Set.of(), 30);
        assertEquals(SessionState.SYSTEM_CHECK, session.state());
        assertEquals(Optional.of("v1"), session.consentVersion());
        assertEquals(Optional.of(T0.plusSeconds(1)), session.consentedAt());
        session.passSystemCheck(true, true);
        assertEquals(SessionState.IDENTITY, session.state());
        session.recordIdentityAttempt(IdentityStatus.VERIFIED, 0.81, true);
        assertEquals(SessionState.LIVENESS, session.state());
        assertEquals(IdentityStatus.VERIFIED, session.identityStatus());
        assertEquals(Optional.of(0.81), session.identitySimilarity());
        session.recordLivenessAttempt(true, false);
        assertEquals(SessionState.READY, session.state());
        assertEquals(Optional.of(true), session.livenessPassed());
        session.startMonitoring(T0.plusSeconds(90));
        assertEquals(SessionState.MONITORING, session.state());
        assertTrue(session.isMonitoring());
        assertEquals(Optional.of(T0.plusSeconds(90)), session.monitoringStartedAt());
        assertTrue(session.end(T0.plusSeconds(3600)));
        assertEquals(SessionState.ENDED, session.state());
        assertEquals(Optional.of(T0.plusSeconds(3600)), session.endedAt());
    }

    @ParameterizedTest(name = "identity {0}, liveness {1}: {2}")
    @CsvSource({
            "true,  true,  IDENTITY",
            "true,  false, IDENTITY",
            "false, true,  LIVENESS",
            "false, false, READY"})
    void theSystemCheckLeadsToTheFirstActiveStep(boolean identity, boolean liveness, SessionState next) {
        ProctoringSession session = session(identity);
        session.consent("v1", T0, Set.of(), 30);
        session.passSystemCheck(identity, liveness);
        assertEquals(next, session.state());
    }

    @Test
    void identityLeadsStraightToReadyWithoutLiveness() {
        ProctoringSession session = session(true);
        session.consent("v1", T0, Set.of(), 30);
        session.passSystemCheck(true, false);
        session.recordIdentityAttempt(IdentityStatus.VERIFIED, 0.9, false);
        assertEquals(SessionState.READY, session.state());
        assertEquals(Optional.empty(), session.livenessPassed());
    }

    @Test
    void declineIsRecordedAndFinal() {
        ProctoringSession session = session(true);
        session.decline("v2", T0.plusSeconds(5));
        assertEquals(SessionState.DECLINED, session.state());
        assertEquals(Optional.of(T0.plusSeconds(5)), session.declinedAt());
        assertEquals(Optional.of("v2"), session.consentVersion());
        assertEquals(Optional.empty(), session.consentedAt());
        assertThrows(IllegalStateException.class, () -> session.consent("v2", T0.plusSeconds(6), Set.of(), 30));
        assertThrows(IllegalStateException.class, () -> session.decline("v2", T0.plusSeconds(6)));
        assertThrows(IllegalStateException.class, () -> session.passSystemCheck(false, false));
        assertThrows(IllegalStateException.class, () -> session.startMonitoring(T0.plusSeconds(6)));
        assertFalse(session.end(T0.plusSeconds(7)), "a declined attempt is not ended");
        assertEquals(SessionState.DECLINED, session.state());
        assertEquals(Optional.empty(), session.endedAt());
    }

    @Test
    void consentCannotBeGivenTwice() {
        ProctoringSession session = session(true);
        session.consent("v1", T0, Set.of(), 30);
        assertThrows(IllegalStateException.class, () -> session.consent("v1", T0, Set.of(), 30));
        assertThrows(IllegalStateException.class, () -> session.decline("v1", T0));
    }

    static List<Consumer<ProctoringSession>> everyStep() {
        return List.of(
                s -> s.consent("v1", T0, Set.of(), 30),
                s -> s.decline("v1", T0),
                s -> s.passSystemCheck(true, true),
                s -> s.recordIdentityAttempt(IdentityStatus.VERIFIED, 0.9, true),
                ProctoringSession::retryIdentity,
                s -> s.requestIdentityReview(true),
                s -> s.recordLivenessAttempt(true, false),
                ProctoringSession::requestLivenessReview,
                s -> s.startMonitoring(T0),
                s -> s.pause(T0, "break"),
                s -> s.resume(T0));
    }

    /** Which of {@link #everyStep()} is allowed in each state. */
    static List<Integer> allowed(SessionState state) {
        return switch (state) {
            case CONSENT -> List.of(0, 1);
            case SYSTEM_CHECK -> List.of(2);
            case IDENTITY -> List.of(3, 4, 5);
            case LIVENESS -> List.of(6, 7);
            case READY -> List.of(8);
            case MONITORING -> List.of(9);
            case PAUSED -> List.of(10);
            default -> List.of();
        };
    }

    @org.junit.jupiter.api.Test
    void everyMonitorGetsItsOwnBlockOfSequenceNumbers() {
        ProctoringSession session = in(SessionState.MONITORING);
        long first = session.allocateMonitorBlock();
        long second = session.allocateMonitorBlock();
        org.junit.jupiter.api.Assertions.assertTrue(second >= first + ProctoringSession.MONITOR_BLOCK);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> in(SessionState.CONSENT).allocateMonitorBlock());
    }

    static ProctoringSession in(SessionState state) {
        ProctoringSession session = session(true);
        switch (state) {
            case CONSENT -> { }
            case DECLINED -> session.decline("v1", T0);
            default -> {
                session.consent("v1", T0, Set.of(), 30);
                if (state == SessionState.SYSTEM_CHECK) {
                    break;
                }
                session.passSystemCheck(true, true);
                if (state == SessionState.IDENTITY) {
                    break;
                }
                session.recordIdentityAttempt(IdentityStatus.VERIFIED, 0.9, true);
                if (state == SessionState.LIVENESS) {
                    break;
                }
                session.recordLivenessAttempt(true, false);
                if (state == SessionState.READY) {
                    break;
                }
                session.startMonitoring(T0);
                if (state == SessionState.PAUSED) {
                    session.pause(T0, "break");
                }
                if (state == SessionState.ENDED) {
                    session.end(T0);
                }
            }
        }
        assertEquals(state, session.state());
        return session;
    }

    @Test
    void outOfOrderStepsThrowAndLeaveTheStateAlone() {
        List<Consumer<ProctoringSession>> steps = everyStep();
        for (SessionState state : SessionState.values()) {
            for (int step = 0; step < steps.size(); step++) {
                ProctoringSession session = in(state);
                Consumer<ProctoringSession> action = steps.get(step);
                if (allowed(state).contains(step)) {
                    action.accept(session);
                } else {
                    IllegalStateException refused = assertThrows(IllegalStateException.class,
                            () -> action.accept(session), "step " + step + " in " + state);
                    assertTrue(refused.getMessage().contains(state.id()), refused.getMessage());
                    assertEquals(state, session.state());
                }
            }
        }
    }

    @Test
    void anUnusableIdentityCaptureKeepsTheStateAndUsesNoAttempt() {
        ProctoringSession session = atIdentity();
        session.retryIdentity();
        assertEquals(SessionState.IDENTITY, session.state());
        assertEquals(0, session.identityAttempts());
    }

    @Test
    void aFailedIdentityAttemptWithAttemptsLeftKeepsTheState() {
        ProctoringSession session = atIdentity();
        session.recordIdentityAttempt(IdentityStatus.PENDING, 0.12, true);
        assertEquals(SessionState.IDENTITY, session.state());
        assertEquals(IdentityStatus.PENDING, session.identityStatus());
        assertEquals(1, session.identityAttempts());
        assertEquals(Optional.of(0.12), session.identitySimilarity());
    }

    @Test
    void theLastFailedIdentityAttemptMovesOnForAPersonToReview() {
        ProctoringSession session = atIdentity();
        session.recordIdentityAttempt(IdentityStatus.PENDING, 0.1, true);
        session.recordIdentityAttempt(IdentityStatus.PENDING, 0.2, true);
        session.recordIdentityAttempt(IdentityStatus.NEEDS_REVIEW, 0.15, true);
        assertEquals(SessionState.LIVENESS, session.state());
        assertEquals(IdentityStatus.NEEDS_REVIEW, session.identityStatus());
        assertEquals(3, session.identityAttempts());
    }

    @Test
    void askingForAnIdentityReviewMovesOn() {
        ProctoringSession session = atIdentity();
        session.requestIdentityReview(false);
        assertEquals(SessionState.READY, session.state());
        assertEquals(IdentityStatus.NEEDS_REVIEW, session.identityStatus());
    }

    @Test
    void aFailedLivenessAttemptWithAttemptsLeftKeepsTheState() {
        ProctoringSession session = atIdentity();
        session.recordIdentityAttempt(IdentityStatus.VERIFIED, 0.9, true);
        session.recordLivenessAttempt(false, false);
        assertEquals(SessionState.LIVENESS, session.state());
        assertEquals(1, session.livenessAttempts());
        assertEquals(Optional.empty(), session.livenessPassed());
    }

    @Test
    void theLastFailedLivenessAttemptMovesOnUnconfirmed() {
        ProctoringSession session = atIdentity();
        session.recordIdentityAttempt(IdentityStatus.VERIFIED, 0.9, true);
        session.recordLivenessAttempt(false, false);
        session.recordLivenessAttempt(false, true);
        assertEquals(SessionState.READY, session.state());
        assertEquals(Optional.of(false), session.livenessPassed());
        assertEquals(2, session.livenessAttempts());
    }

    @Test
    void askingForALivenessReviewMovesOnUnconfirmed() {
        ProctoringSession session = atIdentity();
        session.recordIdentityAttempt(IdentityStatus.VERIFIED, 0.9, true);
        session.requestLivenessReview();
        assertEquals(SessionState.READY, session.state());
        assertEquals(Optional.of(false), session.livenessPassed());
    }

    @Test
    void theBaselineIsCalibratedOnlyOnce() {
        ProctoringSession session = in(SessionState.MONITORING);
        assertEquals(Optional.empty(), session.baselineYaw());
        session.calibrate(12.5, -8);
        session.calibrate(40, 20);
        assertEquals(Optional.of(12.5), session.baselineYaw());
        assertEquals(Optional.of(-8.0), session.baselinePitch());
    }

    @Test
    void endingTwiceIsHarmless() {
        ProctoringSession session = in(SessionState.MONITORING);
        assertTrue(session.end(T0.plusSeconds(100)));
        assertFalse(session.end(T0.plusSeconds(200)));
        assertEquals(SessionState.ENDED, session.state());
        assertEquals(Optional.of(T0.plusSeconds(100)), session.endedAt());
        assertFalse(session.isMonitoring());
    }

    @Test
    void lastFrameAndEventTimesOnlyMoveForward() {
        ProctoringSession session = in(SessionState.MONITORING);
        session.frameReceived(T0.plusSeconds(30));
        session.frameReceived(T0.plusSeconds(10));
        session.eventReceived(T0.plusSeconds(50));
        session.eventReceived(T0.plusSeconds(40));
        assertEquals(Optional.of(T0.plusSeconds(30)), session.lastFrameAt());
        assertEquals(Optional.of(T0.plusSeconds(50)), session.lastEventAt());
    }

    @Test
    void secretsAreCopiedInAndOut() {
        byte[] key = {9, 8, 7};
        ProctoringSession session = new ProctoringSession("e", "p", null, "u", "U", null, null, false, key, T0);
        key[0] = 0;
        assertArrayEquals(new byte[] {9, 8, 7}, session.wrappedDataKey());
        session.wrappedDataKey()[1] = 0;
        assertArrayEquals(new byte[] {9, 8, 7}, session.wrappedDataKey());
        byte[] sealed = {4, 5};
        session.keepBaselineDescriptor(sealed);
        sealed[0] = 0;
        assertArrayEquals(new byte[] {4, 5}, session.sealedBaselineDescriptor().orElseThrow());
    }

    @Test
    void eachSessionHasItsOwnId() {
        assertFalse(session(true).id().equals(session(true).id()));
    }

    static ProctoringSession monitoring() {
        ProctoringSession session = session(false);
        session.consent("v1", T0, Set.of(), 30);
        session.passSystemCheck(false, false);
        session.startMonitoring(T0.plusSeconds(10));
        return session;
    }

    @Test
    void staffPauseAndResumeMonitoringAndThePauseIsCounted() {
        ProctoringSession session = monitoring();
        session.frameReceived(T0.plusSeconds(20));
        session.pause(T0.plusSeconds(30), "fire alarm");
        assertTrue(session.isPaused());
        assertFalse(session.isMonitoring());
        assertEquals(Optional.of("fire alarm"), session.pauseReason());
        assertEquals(Optional.of(T0.plusSeconds(30)), session.pausedAt());
        session.resume(T0.plusSeconds(150));
        assertTrue(session.isMonitoring());
        assertEquals(Optional.empty(), session.pauseReason());
        assertEquals(Optional.empty(), session.pausedAt());
        assertEquals(120, session.pausedSeconds());
        assertEquals(Optional.of(T0.plusSeconds(150)), session.resumedAt());
    }

    @Test
    void afterAResumeTheCameraIsExpectedFromTheResumeNotFromTheLastPictureBeforeThePause() {
        ProctoringSession session = monitoring();
        assertEquals(Optional.of(T0.plusSeconds(10)), session.expectingPicturesSince());
        session.frameReceived(T0.plusSeconds(20));
        assertEquals(Optional.of(T0.plusSeconds(20)), session.expectingPicturesSince());
        session.pause(T0.plusSeconds(30), "break");
        session.resume(T0.plusSeconds(600));
        assertEquals(Optional.of(T0.plusSeconds(600)), session.expectingPicturesSince());
        session.frameReceived(T0.plusSeconds(603));
        assertEquals(Optional.of(T0.plusSeconds(603)), session.expectingPicturesSince());
    }

    @Test
    void onlyARunningMonitoringCanBePausedAndOnlyAPausedOneResumed() {
        ProctoringSession session = monitoring();
        assertThrows(IllegalStateException.class, () -> session.resume(T0.plusSeconds(20)));
        session.pause(T0.plusSeconds(20), "break");
        assertThrows(IllegalStateException.class, () -> session.pause(T0.plusSeconds(21), "again"));
        ProctoringSession notStarted = session(false);
        assertThrows(IllegalStateException.class, () -> notStarted.pause(T0, "too early"));
    }

    @Test
    void endingAPausedAttemptClosesThePause() {
        ProctoringSession session = monitoring();
        session.pause(T0.plusSeconds(20), "technical problem");
        assertTrue(session.end(T0.plusSeconds(80)));
        assertEquals(SessionState.ENDED, session.state());
        assertEquals(60, session.pausedSeconds());
        assertEquals(Optional.empty(), session.pauseReason());
        assertThrows(IllegalStateException.class, () -> session.resume(T0.plusSeconds(90)));
    }

    @Test
    void aReloadedMonitorGetsItsOwnBlockWhilePaused() {
        ProctoringSession session = monitoring();
        long first = session.allocateMonitorBlock();
        session.pause(T0.plusSeconds(20), "break");
        assertEquals(first + ProctoringSession.MONITOR_BLOCK, session.allocateMonitorBlock());
    }

    @Test
    void aRunningAttemptNeverGetsACheckOrARetentionBeyondItsConsent() {
        ProctoringSession session = session(false);
        assertEquals(Set.of(Check.CAMERA, Check.AUDIO), session.withinConsent(Set.of(Check.CAMERA, Check.AUDIO)),
                "before consent the exam's checks are what the consent text shows");
        session.consent("v1", T0, Set.of(Check.CAMERA, Check.BROWSER), 30);
        assertEquals(Set.of(Check.CAMERA), session.withinConsent(Set.of(Check.CAMERA, Check.HEAD_POSE)),
                "head pose switched on later stays off; browser switched off applies at once");
        assertEquals(Set.of(), session.withinConsent(Set.of()));
        assertEquals(14, session.retentionDays(14), "a shorter retention applies at once");
        assertEquals(30, session.retentionDays(365), "a longer one does not reach attempts that consented to less");
    }

    @Test
    void anEndedAttemptKnowsWhyAndItsMonitorsLastSign() {
        ProctoringSession session = session(false);
        session.consent("v1", T0, Set.of(), 30);
        session.passSystemCheck(false, false);
        session.startMonitoring(T0.plusSeconds(10));
        assertEquals(T0.plusSeconds(10), session.lastActivity());
        session.frameReceived(T0.plusSeconds(40));
        session.eventReceived(T0.plusSeconds(25));
        assertEquals(T0.plusSeconds(40), session.lastActivity(), "the latest item counts");
        assertEquals(java.util.Optional.empty(), session.endReason());
        assertTrue(session.end(T0.plusSeconds(60), EndReason.QUIZ_SUBMITTED));
        assertFalse(session.end(T0.plusSeconds(70), EndReason.ABANDONED), "ending twice changes nothing");
        assertEquals(java.util.Optional.of(EndReason.QUIZ_SUBMITTED), session.endReason());
        assertEquals(java.util.Optional.of(T0.plusSeconds(60)), session.endedAt());
    }

    @Test
    void anAttemptThatNeverEndedIsAbandonedOnceNothingHappenedForItsRetention() {
        ProctoringSession session = session(false);
        session.consent("v1", T0, Set.of(), 30);
        session.passSystemCheck(false, false);
        session.startMonitoring(T0.plusSeconds(60));
        session.eventReceived(T0.plusSeconds(3600));
        Instant lastItem = T0.plusSeconds(3600);
        assertEquals(lastItem, session.lastActivity());
        assertFalse(session.isDueForPurge(lastItem.plus(java.time.Duration.ofDays(400)), 30), "it never ended");
        assertFalse(session.isAbandoned(lastItem.plus(java.time.Duration.ofDays(30)).minusSeconds(1), 30));
        assertTrue(session.isAbandoned(lastItem.plus(java.time.Duration.ofDays(30)), 30));
        session.frameReceived(lastItem.plus(java.time.Duration.ofDays(1)));
        assertFalse(session.isAbandoned(lastItem.plus(java.time.Duration.ofDays(30)), 30), "a later picture counts");
    }

    @Test
    void anEndedAttemptIsNeverAbandonedAndAnUntouchedOneIsFromItsCreation() {
        ProctoringSession ended = session(false);
        ended.end(T0);
        assertFalse(ended.isAbandoned(T0.plus(java.time.Duration.ofDays(365)), 30));
        assertTrue(ended.isDueForPurge(T0.plus(java.time.Duration.ofDays(30)), 30));
        assertTrue(session(false).isAbandoned(T0.plus(java.time.Duration.ofDays(30)), 30), "created, then nothing");
    }

    @Test
    void thePurgeDestroysTheDataKeyAndTheFaceData() {
        ProctoringSession session = session(true);
        session.keepIdentityCapture(new byte[] {9, 9});
        session.keepBaselineDescriptor(new byte[] {8, 8});
        assertTrue(session.hasDataKey());
        session.purged(T0);
        assertFalse(session.hasDataKey());
        assertEquals(0, session.wrappedDataKey().length);
        assertEquals(Optional.empty(), session.sealedIdentityCapture());
        assertEquals(Optional.empty(), session.sealedBaselineDescriptor());
        assertFalse(session.isAbandoned(T0.plus(java.time.Duration.ofDays(999)), 1), "purged once");
    }
}
