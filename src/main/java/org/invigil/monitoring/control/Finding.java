package org.invigil.monitoring.control;

import java.time.Instant;
import org.invigil.monitoring.entity.Rule;

/**
 * A rule's condition holding now: since when, how strongly (0–1, computed as {@link Rule#strength()} says: a
 * measurement or the rule's formula, never a constant passed off as one), against which threshold, seen by which
 * detector and model, at what capture quality.
 */
public record Finding(Rule rule, Instant since, double strength, String threshold, String detector, String model,
                      String quality, String detail) {
}
