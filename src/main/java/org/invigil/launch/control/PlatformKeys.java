package org.invigil.launch.control;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Platforms' public keys, fetched from their JWKS URLs and cached (Nimbus's cache refreshes on an unknown kid, rate
 * limited). The timeouts are generous because LMS pages are slow when cold: a Moodle took 3.2 s.
 */
@ApplicationScoped
public class PlatformKeys {

    static final int TIMEOUT_MILLIS = 5000;
    static final int SIZE_LIMIT_BYTES = 512 * 1024;

    private final Map<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

    /** The keys at {@code jwksUri} that match the header's kid and algorithm (RFC 7515 §4.1.4). */
    public List<JWK> matching(String jwksUri, JWSHeader header) throws KeySourceException {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        return source(jwksUri).get(selector, null);
    }

    private JWKSource<SecurityContext> source(String jwksUri) {
        return sources.computeIfAbsent(jwksUri, uri -> {
            try {
                return JWKSourceBuilder.<SecurityContext>create(URI.create(uri).toURL(),
                                new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT_BYTES))
                        .retrying(true)
                        .build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw LaunchRejected.untrusted("platform_keys_unavailable",
                        "The platform's JWKS URL is not usable: " + uri);
            }
        });
    }
}
