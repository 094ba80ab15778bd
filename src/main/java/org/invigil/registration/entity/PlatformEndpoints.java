package org.invigil.registration.entity;

/**
 * A platform's addresses (LTI Security Framework 1.0 §5.1.1, §4.1): where browsers authenticate, where the tool
 * gets service tokens, where the platform's keys are, and the audience its token endpoint expects (the token
 * endpoint itself unless the platform says otherwise, as Brightspace does).
 */
public record PlatformEndpoints(String authorizationEndpoint, String tokenEndpoint, String jwksUri,
                                String tokenAudience) {
}
