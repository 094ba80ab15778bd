package org.invigil.simulator;

import com.nimbusds.jwt.JWTClaimsSet;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The proctored attempts the platform knows (one per tool, user, resource link and attempt number), created when an
 * LtiStartProctoring id_token is issued, and the {@code session_data} each flavour puts in those launches.
 */
final class ProctoredAttempts {
    /** TAO signs its session_data (and every message) for {@code MessagePayloadInterface::TTL} = 600 s. */
    static final Duration TAO_SESSION_DATA_LIFETIME = Duration.ofMinutes(10);
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final LtiPlatformSimulator platform;
    private final Map<String, ProctoredAttempt> attempts = new LinkedHashMap<>();
    private final Map<String, String> edxSessionData = new LinkedHashMap<>();
    private final AtomicLong launches = new AtomicLong();
    private final SecureRandom random = new SecureRandom();

    ProctoredAttempts(LtiPlatformSimulator platform) {
        this.platform = platform;
    }

    private static String key(ToolRegistration tool, String userSub, String linkId, int number) {
        return tool.clientId() + "\n" + userSub + "\n" + linkId + "\n" + number;
    }

    /**
     * The {@code session_data} of a new LtiStartProctoring launch: the request's own for Moodle and Canvas or when
     * set explicitly; Open edX: 32 random characters cached per user and resource link (xblock-lti-consumer's
     * {@code get_random_string(32)}); TAO: a JWT signed by the platform's current key.
     */
    synchronized String sessionDataFor(LaunchRequest request, ToolRegistration tool) {
        if (request.sessionDataExplicit || request.type != MessageType.START_PROCTORING) {
            return request.sessionData;
        }
        return switch (platform.flavor()) {
            case EDX -> edxSessionData.computeIfAbsent(request.user.sub() + "\n" + request.link.id(),
                    k -> randomAlphanumeric(32));
            case TAO -> taoSessionData(tool);
            default -> request.sessionData;
        };
    }

    private String taoSessionData(ToolRegistration tool) {
        Instant now = platform.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TAO_SESSION_DATA_LIFETIME)))
                .claim("registration_id", tool.clientId())
                .build();
        return platform.sign(claims);
    }

    /** Records that an LtiStartProctoring id_token was issued; returns the attempt. */
    synchronized ProctoredAttempt launched(PendingLaunch launch) {
        ProctoredAttempt attempt = of(launch);
        attempt.launched(launch.sessionData(), launch.deploymentId(), launches.incrementAndGet());
        return attempt;
    }

    /** The attempt of that launch, created if the platform has not issued its id_token yet. */
    synchronized ProctoredAttempt of(PendingLaunch launch) {
        LaunchRequest request = launch.request();
        return attempts.computeIfAbsent(key(launch.tool(), request.user.sub(), request.link.id(),
                request.attemptNumber), k -> new ProctoredAttempt("pa-" + UUID.randomUUID(), launch.tool(),
                request.user, request.link, request.attemptNumber));
    }

    synchronized Optional<ProctoredAttempt> find(ToolRegistration tool, String userSub, String linkId, int number) {
        return Optional.ofNullable(attempts.get(key(tool, userSub, linkId, number)));
    }

    /** The attempt of any tool for that link, user and number (the first one launched). */
    synchronized Optional<ProctoredAttempt> find(String linkId, User user, int number) {
        return attempts.values().stream().filter(a -> a.link().id().equals(linkId) && a.user() == user
                && a.number() == number).findFirst();
    }

    synchronized Optional<ProctoredAttempt> byId(String id) {
        return attempts.values().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The most recently launched attempt of that user on that link (Open edX caches one launch per user + link). */
    synchronized Optional<ProctoredAttempt> latest(ToolRegistration tool, User user, String linkId) {
        return attempts.values().stream()
                .filter(a -> a.tool() == tool && a.user() == user && a.link().id().equals(linkId))
                .max(Comparator.comparingLong(ProctoredAttempt::lastLaunch));
    }

    /** The attempt to that tool whose launches carried exactly this session_data. */
    synchronized Optional<ProctoredAttempt> bySessionData(ToolRegistration tool, String sessionData) {
        return attempts.values().stream()
                .filter(a -> a.tool() == tool && a.sessionData().contains(sessionData)).findFirst();
    }

    /** Whether the platform launched that tool for that resource link id at all. */
    synchronized boolean anyFor(ToolRegistration tool, String linkId) {
        return attempts.values().stream().anyMatch(a -> a.tool() == tool && a.link().id().equals(linkId));
    }

    /** Every attempt at that link, in launch order. */
    synchronized List<ProctoredAttempt> ofLink(ResourceLink link) {
        List<ProctoredAttempt> out = new ArrayList<>();
        attempts.values().stream().filter(a -> a.link() == link).forEach(out::add);
        return out;
    }

    private String randomAlphanumeric(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }
}
