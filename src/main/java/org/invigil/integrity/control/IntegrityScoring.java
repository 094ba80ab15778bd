package org.invigil.integrity.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.invigil.integrity.entity.Contribution;
import org.invigil.integrity.entity.ReviewState;
import org.invigil.monitoring.entity.Incident;
import org.invigil.monitoring.entity.Rule;
import org.invigil.session.entity.IdentityStatus;
import org.invigil.session.entity.ProctoringSession;

/**
 * The integrity score, explainable line by line. It starts at 100; each rule with incidents takes off points, at
 * most its weight: weight × the highest strength among its incidents × (1 + 0.25 per further incident), capped at
 * the weight. A strength is what {@link Rule#strength()} says: a measurement (a detector's score, a descriptor
 * score through the identity calibration, the sound level) or the rule's own formula, and the explanation names it.
 * Insufficient-evidence and coverage incidents take nothing off. Anything that took points off, a coverage incident
 * (part of the quiz not monitored), an unverified identity or an unconfirmed liveness check means a person must
 * review; the score is never a verdict.
 */
public final class IntegrityScoring {

    public record Outcome(int score, ReviewState reviewState, List<Contribution> contributions, List<String> reasons) {
    }

    private IntegrityScoring() {
    }

    public static Outcome of(ProctoringSession session, List<Incident> incidents) {
        Map<Rule, List<Incident>> byRule = new EnumMap<>(Rule.class);
        for (Incident incident : incidents) {
            incident.rule().ifPresent(rule -> byRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(incident));
        }
        List<Contribution> contributions = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        int total = 0;
        for (Map.Entry<Rule, List<Incident>> entry : byRule.entrySet()) {
            Rule rule = entry.getKey();
            List<Incident> list = entry.getValue();
            double strength = list.stream().mapToDouble(Incident::strength).max().orElse(0);
            int points = rule.kind() != Rule.Kind.SUSPICION ? 0
                    : (int) Math.min(rule.weight(), Math.round(rule.weight() * strength * (1 + 0.25 * (list.size() - 1))));
            total += points;
            String explanation = switch (rule.kind()) {
                case INSUFFICIENT_EVIDENCE -> String.format(Locale.ROOT,
                        "%d× %s No points: poor capture is not a sign of misconduct.", list.size(), rule.description());
                case COVERAGE -> String.format(Locale.ROOT, "%d× %s No points: a person looks at why; the result "
                        + "cannot vouch for time nobody watched.", list.size(), rule.description());
                case SUSPICION -> String.format(Locale.ROOT, "%d× %s Up to %d points; highest strength %.2f (%s).",
                        list.size(), rule.description(), rule.weight(), strength, rule.strength());
            };
            contributions.add(new Contribution(rule.id(), points, list.size(), strength, explanation));
            if (points > 0 || rule.kind() == Rule.Kind.COVERAGE) {
                reasons.add(rule.id());
            }
        }
        contributions.sort(Comparator.comparingInt(Contribution::points).reversed());
        if (session.identityStatus() == IdentityStatus.NEEDS_REVIEW) {
            reasons.add("identity-needs-review");
        }
        if (session.identityStatus() == IdentityStatus.ENROLMENT_PENDING) {
            reasons.add("enrolment-photo-to-confirm");
        }
        if (session.livenessPassed().map(passed -> !passed).orElse(false)) {
            reasons.add("liveness-not-confirmed");
        }
        ReviewState state = reasons.isEmpty() ? ReviewState.NO_REVIEW_NEEDED : ReviewState.NEEDS_REVIEW;
        return new Outcome(Math.max(0, 100 - total), state, contributions, reasons);
    }
}
