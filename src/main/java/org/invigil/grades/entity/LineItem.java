package org.invigil.grades.entity;

import java.util.Optional;

/** A gradebook column (AGS 2.0 §3.2). {@code id} is its URL; absent before the platform creates it. */
public record LineItem(Optional<String> id, String label, double scoreMaximum, Optional<String> resourceLinkId,
                       Optional<String> resourceId, Optional<String> tag) {

    public LineItem {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("A line item needs a label");
        }
        if (!(scoreMaximum > 0)) {
            throw new IllegalArgumentException("A line item's scoreMaximum must be greater than 0");
        }
    }
}
