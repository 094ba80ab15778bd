package org.invigil.vision.entity;

/**
 * What a descriptor similarity says about two faces. {@code NEEDS_REVIEW} is the band where the model's same-person
 * and different-person scores overlap or come close: a person decides, not the engine.
 */
public enum IdentityVerdict {
    MATCH,
    NEEDS_REVIEW,
    NO_MATCH
}
