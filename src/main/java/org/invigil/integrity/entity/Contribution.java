package org.invigil.integrity.entity;

/** How much one rule took off the integrity score, and why: its incidents' highest strength and how that is computed. */
public record Contribution(String ruleId, int points, int incidents, double strength, String explanation) {
}
