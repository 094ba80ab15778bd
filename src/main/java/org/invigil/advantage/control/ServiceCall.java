package org.invigil.advantage.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.invigil.outbound.control.HttpAnswer;
import org.invigil.outbound.control.PlatformHttp;
import org.invigil.registration.entity.PlatformRegistration;

/**
 * One authorised call to an LTI Advantage service, the same shape for every service: a bearer token for exactly
 * the scopes the call needs (retried once with a fresh token on 401), and a typed error for any other refusal.
 */
@ApplicationScoped
public class ServiceCall {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel\\s*=\\s*\"?next\"?",
            Pattern.CASE_INSENSITIVE);

    @Inject
    AccessTokens tokens;

    @Inject
    PlatformHttp http;

    public enum Method { GET, POST, PUT }

    /** The scopes to ask for: those wanted, less any the platform did not grant at registration. */
    public Set<String> scopes(PlatformRegistration platform, Set<String> wanted, String service) {
        Set<String> granted = platform.scopes();
        if (granted.isEmpty()) {
            return wanted;
        }
        Set<String> usable = new LinkedHashSet<>(wanted);
        usable.retainAll(granted);
        if (usable.isEmpty()) {
            throw new PlatformServiceException(service, 403, "the platform did not grant Invigil the scope "
                    + wanted + " at registration");
        }
        return usable;
    }

    public HttpAnswer call(PlatformRegistration platform, Set<String> scopes, String service, Method method, URI uri,
                           String accept, String contentType, String body) {
        return call(platform, scopes, service, method, uri, accept, contentType, body, Set.of());
    }

    /** As {@link #call}, but an answer with one of {@code alsoAnswers} is returned too, for the caller to read. */
    public HttpAnswer call(PlatformRegistration platform, Set<String> scopes, String service, Method method, URI uri,
                           String accept, String contentType, String body, Set<Integer> alsoAnswers) {
        HttpAnswer answer = send(platform, scopes, method, uri, accept, contentType, body);
        if (answer.status() == 401) {
            tokens.forget(platform, scopes);
            answer = send(platform, scopes, method, uri, accept, contentType, body);
        }
        if (!answer.isSuccess() && !alsoAnswers.contains(answer.status())) {
            throw new PlatformServiceException(service, answer.status(), PlatformMessages.of(answer));
        }
        return answer;
    }

    public URI address(String url, String what) {
        return http.address(url, what);
    }

    /** The next page of a paged container (RFC 8288 {@code Link: <...>; rel="next"}). */
    public static Optional<String> nextPage(HttpAnswer answer) {
        for (String link : answer.headers().allValues("Link")) {
            Matcher matcher = NEXT.matcher(link);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private HttpAnswer send(PlatformRegistration platform, Set<String> scopes, Method method, URI uri, String accept,
                            String contentType, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + tokens.token(platform, scopes));
        headers.put("Accept", accept);
        return switch (method) {
            case GET -> http.get(uri, headers);
            case POST -> http.post(uri, contentType, body, headers);
            case PUT -> http.put(uri, contentType, body, headers);
        };
    }
}
