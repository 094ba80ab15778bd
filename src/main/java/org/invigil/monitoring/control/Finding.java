package org.invigil.monitoring.control;

import java.time.Instant;
import org.invigil.monitoring.entity.Rule;

/**
 * A rule's condition holding now: since when, how confident, against which threshold, seen by which detector and
 * model, at what capture quality.
 */
public record Finding(Rule rule, Instant since, double confidence, String threshold, String detector, String model,
                      String quality, String detail) {
}
