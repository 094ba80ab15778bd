package org.invigil.grades.entity;

import java.util.Optional;

/** What the gradebook holds for one user in one line item (AGS 2.0 §3.3). */
public record Result(String userId, Optional<Double> resultScore, Optional<Double> resultMaximum,
                     Optional<String> comment) {
}
