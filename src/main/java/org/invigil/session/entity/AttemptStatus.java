package org.invigil.session.entity;

import java.time.Instant;
import java.util.Optional;

/** Where one attempt stands, as the live monitor reads it without loading the attempt's pictures. */
public record AttemptStatus(String sessionId, String userId, String userName, SessionState state,
                            Optional<Instant> lastPicture, Optional<String> pauseReason) {
}
