package org.invigil.integrity.entity;

/** How much one rule took off the integrity score, and why. */
public record Contribution(String ruleId, int points, int incidents, double confidence, String explanation) {
}
