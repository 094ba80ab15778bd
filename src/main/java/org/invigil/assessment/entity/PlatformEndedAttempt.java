package org.invigil.assessment.entity;

import org.invigil.ids.entity.SessionId;

/**
 * The platform's Assessment Control Service answered that the attempt is over ({@code terminated} or
 * {@code complete}): published as a CDI event for whoever ends Invigil's side of the attempt.
 */
public record PlatformEndedAttempt(SessionId sessionId, String status) {
}
