package org.invigil.integrity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.invigil.integrity.entity.Contribution;
import org.invigil.integrity.entity.ReviewState;
import org.invigil.monitoring.entity.Incident;
import org.invigil.monitoring.entity.Rule;
import org.invigil.session.entity.IdentityStatus;
import org.invigil.session.entity.ProctoringSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IntegrityScoringTest {

    static final Instant START = Instant.parse("2025-03-03T09:00:00Z");

    static ProctoringSession atSystemCheck() {
        ProctoringSession session = new ProctoringSession("exam-1", "platform-1", "course-1", "user-1", "Ada Lovelace",
                "ada@example.org", null, true, new byte[32], START);
        session.consent("v1", START, java.util.Set.of(), 30);
        session.passSystemCheck(true, true);
        return session;
    }

    /** Identity verified, liveness passed, monitoring. */
    static ProctoringSession clean() {
        ProctoringSession session = atSystemCheck();
        session.recordIdentityAttempt(IdentityStatus.VERIFIED, 0.82, true);
        session.recordLivenessAttempt(true, false);
        session.startMonitoring(START.plusSeconds(60));
        return session;
    }

    static Incident incident(ProctoringSession session, Rule rule, double confidence) {
        Instant at = START.plusSeconds(120);
        return new Incident(session.id(), rule, at, at.plusSeconds(10), false, "", "test detector", "model@1",
                "threshold", confidence, "brightness 120/255");
    }

    static List<Incident> times(int count, ProctoringSession session, Rule rule, double confidence) {
        List<Incident> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(incident(session, rule, confidence));
        }
        return list;
    }

    @Test
    void aCleanAttemptScores100AndNeedsNoReview() {
        IntegrityScoring.Outcome outcome = IntegrityScoring.of(clean(), List.of());
        assertEquals(100, outcome.score());
        assertEquals(ReviewState.NO_REVIEW_NEEDED, outcome.reviewState());
        assertTrue(outcome.contributions().isEmpty());
        assertTrue(outcome.reasons().isEmpty());
    }

    @Test
    void anAttemptWithoutIdentityOrLivenessChecksIsCleanToo() {
        ProctoringSession session = new ProctoringSession("exam-1", "platform-1", null, "user-2", "Bob", null, null,
                false, new byte[32], START);
        session.consent("v1", START, java.util.Set.of(), 30);
        session.passSystemCheck(false, false);
        session.startMonitoring(START);
        IntegrityScoring.Outcome outcome = IntegrityScoring.of(session, List.of());
        assertEquals(100, outcome.score());
        assertEquals(ReviewState.NO_REVIEW_NEEDED, outcome.reviewState());
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void aRuleNeverTakesMoreThanItsWeight(Rule rule) {
        ProctoringSession session = clean();
        IntegrityScoring.Outcome outcome = IntegrityScoring.of(session, times(12, session, rule, 1.0));
        Contribution contribution = outcome.contributions().get(0);
        assertEquals(rule.id(), contribution.ruleId());
        assertEquals(12, contribution.incidents());
        assertTrue(contribution.points() <= rule.weight(), contribution.toString());
        assertEquals(100 - contribution.points(), outcome.score());
    }

    @ParameterizedTest
    @EnumSource(value = Rule.Kind.class)
    void manyIncidentsOfARuleAtFullConfidenceTakeExactlyItsWeight(Rule.Kind kind) {
        ProctoringSession session = clean();
        for (Rule rule : Rule.values()) {
            if (rule.kind() != kind) {
                continue;
            }
            IntegrityScoring.Outcome outcome = IntegrityScoring.of(session, times(12, session, rule, 1.0));
            assertEquals(kind == Rule.Kind.SUSPICION ? rule.weight() : 0, outcome.contributions().get(0).points(),
                    rule.id());
            assertEquals(kind == Rule.Kind.INSUFFICIENT_EVIDENCE ? ReviewState.NO_REVIEW_NEEDED
                    : ReviewState.NEEDS_REVIEW, outcome.reviewState(), rule.id());
        }
    }

    @Test
    void pointsGrowWithStrengthAndWithFurtherIncidents() {
        ProctoringSession session = clean();
        int unsure = points(IntegrityScoring.of(session, times(1, session, Rule.DIFFERENT_PERSON, 0.5)));
        int sure = points(IntegrityScoring.of(session, times(1, session, Rule.DIFFERENT_PERSON, 0.9)));
        int twice = points(IntegrityScoring.of(session, times(2, session, Rule.DIFFERENT_PERSON, 0.5)));
        assertEquals(20, unsure, "weight 40 x strength 0.5");
        assertTrue(sure > unsure, sure + " > " + unsure);
        assertTrue(twice > unsure, twice + " > " + unsure);
        assertTrue(points(IntegrityScoring.of(session, times(2, session, Rule.DIFFERENT_PERSON, 0.9))) <= 40);
    }

    @Test
    void theExplanationNamesTheStrengthAndHowItIsComputed() {
        ProctoringSession session = clean();
        Contribution faces = IntegrityScoring.of(session, List.of(incident(session, Rule.SEVERAL_FACES, 0.83)))
                .contributions().get(0);
        assertTrue(faces.explanation().contains("highest strength 0.83 (measured: the lowest face score"),
                faces.explanation());
        assertTrue(!faces.explanation().toLowerCase(java.util.Locale.ROOT).contains("confidence"), faces.explanation());
        Contribution hidden = IntegrityScoring.of(session, List.of(incident(session, Rule.TAB_HIDDEN, 1.0)))
                .contributions().get(0);
        assertTrue(hidden.explanation().contains("(always 1: a fact the browser reported, not a measurement)"),
                hidden.explanation());
    }

    @Test
    void theHighestStrengthOfARuleCounts() {
        ProctoringSession session = clean();
        List<Incident> mixed = List.of(incident(session, Rule.SEVERAL_FACES, 0.2),
                incident(session, Rule.SEVERAL_FACES, 0.8));
        Contribution contribution = IntegrityScoring.of(session, mixed).contributions().get(0);
        assertEquals(0.8, contribution.strength(), 1e-9);
    }

    private static int points(IntegrityScoring.Outcome outcome) {
        return outcome.contributions().stream().mapToInt(Contribution::points).sum();
    }

    @Test
    void insufficientEvidenceTakesNoPointsButIsListed() {
        ProctoringSession session = clean();
        List<Incident> poor = new ArrayList<>(times(3, session, Rule.CAMERA_DARK, 1.0));
        poor.addAll(times(2, session, Rule.CAMERA_BLURRED, 0.9));
        IntegrityScoring.Outcome outcome = IntegrityScoring.of(session, poor);
        assertEquals(100, outcome.score());
        assertEquals(ReviewState.NO_REVIEW_NEEDED, outcome.reviewState());
        assertEquals(List.of("camera-blurred", "camera-dark"),
                outcome.contributions().stream().map(Contribution::ruleId).sorted().toList());
        for (Contribution contribution : outcome.contributions()) {
            assertEquals(0, contribution.points());
            assertTrue(contribution.explanation().contains("not a sign of misconduct"), contribution.explanation());
        }
        assertEquals(3, outcome.contributions().stream().filter(c -> c.ruleId().equals("camera-dark"))
                .findFirst().orElseThrow().incidents());
    }

    @Test
    void anythingThatTookPointsOffNeedsAReview() {
        ProctoringSession session = clean();
        IntegrityScoring.Outcome outcome = IntegrityScoring.of(session, times(1, session, Rule.FOCUS_LOST, 0.2));
        assertTrue(outcome.score() < 100);
        assertEquals(ReviewState.NEEDS_REVIEW, outcome.reviewState());
        assertEquals(List.of("focus-lost"), outcome.reasons());
    }

    @Test
    void anIdentityLeftToAPersonNeedsReviewEvenAt100() {
        ProctoringSession session = atSystemCheck();
        session.requestIdentityReview(true);
        session.recordLivenessAttempt(true, false);
        IntegrityScoring.Outcome outcome = IntegrityScoring.of(session, List.of());
        assertEquals(100, outcome.score());
        assertEquals(ReviewState.NEEDS_REVIEW, outcome.reviewState());
        assertTrue(outcome.reasons().contains("identity-needs-review"), outcome.reasons().toString());
    }

    @Test
    void identityFailedOnEveryAttemptNeedsReviewEvenAt100() {
        ProctoringSession session = atSystemCheck();
        session.recordIdentityAttempt(IdentityStatus.PENDING, 0.1, true);
        session.recordIdentityAttempt(IdentityStatus.NEEDS_REVIEW, 0.1, true);
        session.recordLivenessAttempt(true, false);
        IntegrityScoring.Outcome outcome = IntegrityScoring.of(session, List.of());
        assertEquals(100, outcome.score());
        assertEquals(ReviewState.NEEDS_REVIEW, outcome.reviewState());
    }

    @Test
    void anEnrolmentPhotoToConfirmNeedsReviewEvenAt100() {
        ProctoringSession session = atSystemCheck();
        session.recordIdentityAttempt(IdentityStatus.ENROLMENT_PENDING, null, true);
        session.recordLivenessAttempt(true, false);
        IntegrityScoring.Outcome outcome = IntegrityScoring.of(session, List.of());
        assertEquals(100, outcome.score());
        assertEquals(ReviewState.NEEDS_REVIEW, outcome.reviewState());
        assertTrue(outcome.reasons().contains("enrolment-photo-to-confirm"), outcome.reasons().toString());
    }

    @Test
    void anUnconfirmedLivenessNeedsReviewEvenAt100() {
        ProctoringSession session = atSystemCheck();
        session.recordIdentityAttempt(IdentityStatus.VERIFIED, 0.8, true);
        session.recordLivenessAttempt(false, true);
        IntegrityScoring.Outcome outcome = IntegrityScoring.of(session, List.of());
        assertEquals(100, outcome.score());
        assertEquals(ReviewState.NEEDS_REVIEW, outcome.reviewState());
        assertTrue(outcome.reasons().contains("liveness-not-confirmed"), outcome.reasons().toString());
    }

    @Test
    void livenessAskedToBeReviewedNeedsReview() {
        ProctoringSession session = atSystemCheck();
        session.recordIdentityAttempt(IdentityStatus.VERIFIED, 0.8, true);
        session.requestLivenessReview();
        assertEquals(ReviewState.NEEDS_REVIEW, IntegrityScoring.of(session, List.of()).reviewState());
    }

    @Test
    void contributionsAreSortedByPointsMostFirst() {
        ProctoringSession session = clean();
        List<Incident> incidents = new ArrayList<>();
        incidents.addAll(times(1, session, Rule.PRINT, 1.0));
        incidents.addAll(times(2, session, Rule.CAMERA_DARK, 1.0));
        incidents.addAll(times(1, session, Rule.DIFFERENT_PERSON, 0.9));
        incidents.addAll(times(3, session, Rule.TAB_HIDDEN, 0.6));
        incidents.addAll(times(1, session, Rule.SEVERAL_FACES, 0.7));
        List<Contribution> contributions = IntegrityScoring.of(session, incidents).contributions();
        assertEquals(5, contributions.size());
        for (int i = 1; i < contributions.size(); i++) {
            assertTrue(contributions.get(i - 1).points() >= contributions.get(i).points(), contributions.toString());
        }
        assertEquals("different-person", contributions.get(0).ruleId());
        assertEquals("camera-dark", contributions.get(contributions.size() - 1).ruleId());
    }

    @Test
    void theScoreIsHundredMinusThePointsTaken() {
        ProctoringSession session = clean();
        List<Incident> incidents = new ArrayList<>();
        incidents.addAll(times(1, session, Rule.COPY_PASTE, 0.7));
        incidents.addAll(times(2, session, Rule.NO_FACE, 0.6));
        IntegrityScoring.Outcome outcome = IntegrityScoring.of(session, incidents);
        assertEquals(100 - points(outcome), outcome.score());
    }

    @Test
    void theScoreNeverGoesBelowZero() {
        ProctoringSession session = clean();
        List<Incident> everything = new ArrayList<>();
        Arrays.stream(Rule.values()).forEach(rule -> everything.addAll(times(5, session, rule, 1.0)));
        int weights = Arrays.stream(Rule.values()).mapToInt(Rule::weight).sum();
        assertTrue(weights > 100, "the rules together can take more than 100 points");
        IntegrityScoring.Outcome outcome = IntegrityScoring.of(session, everything);
        assertEquals(0, outcome.score());
        assertEquals(ReviewState.NEEDS_REVIEW, outcome.reviewState());
    }
}
