package org.invigil.integrity.entity;

/** Whether a person needs to look at an attempt. */
public enum ReviewState {
    NO_REVIEW_NEEDED("no-review-needed"),
    NEEDS_REVIEW("needs-review"),
    REVIEWED("reviewed");

    private final String id;

    ReviewState(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
