package org.invigil.launch.control;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.invigil.outbound.control.HttpAnswer;
import org.invigil.outbound.control.OutboundRefused;
import org.invigil.outbound.control.PlatformHttp;

/**
 * Platforms' public keys (Security Framework 1.0 §6.3), fetched from their JWKS URLs through {@link PlatformHttp}
 * (the outbound policy, one deadline, a size limit) and cached per URL for {@link #CACHE_LIFETIME}.
 *
 * <p>A token whose kid the cache does not have triggers a refresh, and waits for it: per JWKS URL at most one fetch
 * starts per {@link #refreshInterval}, and every token that arrived before a fetch started shares that fetch's answer
 * (concurrent refreshes are coalesced; a fetch already under way is awaited first, its answer may have the key). A
 * token arriving inside the interval waits for the next allowed fetch instead of being refused, so a platform's new
 * key is picked up by the first launch signed with it, however many tokens with made-up kids an attacker sends: they
 * cost the platform one JWKS request per interval and cannot postpone it. Known kids are served from the cache.
 */
@ApplicationScoped
public class PlatformKeys {

    static final int SIZE_LIMIT_BYTES = 512 * 1024;
    static final Duration CACHE_LIFETIME = Duration.ofMinutes(5);

    @Inject
    PlatformHttp http;

    /** The shortest time between two fetches of one JWKS URL. */
    Duration refreshInterval = Duration.ofSeconds(3);

    private final Map<String, Jwks> byUrl = new ConcurrentHashMap<>();

    public PlatformKeys() {
    }

    /** For unit tests. */
    PlatformKeys(PlatformHttp http, Duration refreshInterval) {
        this.http = http;
        this.refreshInterval = refreshInterval;
    }

    /** The keys at {@code jwksUri} that match the header's kid and algorithm (RFC 7515 §4.1.4). */
    public List<JWK> matching(String jwksUri, JWSHeader header) throws KeySourceException {
        long arrival = System.nanoTime();
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        Jwks jwks = byUrl.computeIfAbsent(jwksUri, Jwks::new);
        JWKSet cached = jwks.fresh(arrival);
        if (cached != null) {
            List<JWK> found = selector.select(cached);
            if (!found.isEmpty()) {
                return found;
            }
        }
        CompletableFuture<JWKSet> running = jwks.running(arrival);
        if (running != null) {
            List<JWK> found = selector.select(await(running));
            if (!found.isEmpty()) {
                return found;
            }
        }
        return selector.select(jwks.fetchedSince(arrival));
    }

    private static JWKSet await(CompletableFuture<JWKSet> fetch) throws KeySourceException {
        try {
            return fetch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeySourceException("interrupted while waiting for the platform's keys", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KeySourceException failed ? failed
                    : new KeySourceException("the platform's keys could not be fetched", e.getCause());
        }
    }

    /** One fetch of a JWKS URL, due to start at {@code startAt} (a {@link System#nanoTime()} value). */
    private record Fetch(long startAt, CompletableFuture<JWKSet> result) {
    }

    /** The cached key set of one JWKS URL and its next fetch. */
    private final class Jwks {
        private final String url;
        private JWKSet set;
        private long fetchedAt;
        private Fetch last;

        Jwks(String url) {
            this.url = url;
        }

        synchronized JWKSet fresh(long now) {
            return set != null && now - fetchedAt < CACHE_LIFETIME.toNanos() ? set : null;
        }

        /** The key set as fetched by a fetch that started at or after {@code arrival}; waits for it. */
        JWKSet fetchedSince(long arrival) throws KeySourceException {
            Fetch fetch;
            boolean mine = false;
            synchronized (this) {
                if (last != null && last.startAt() - arrival >= 0) {
                    fetch = last;
                } else {
                    long startAt = last == null ? arrival
                            : Math.max(arrival - last.startAt(), refreshInterval.toNanos()) + last.startAt();
                    fetch = new Fetch(startAt, new CompletableFuture<>());
                    last = fetch;
                    mine = true;
                }
            }
            if (mine) {
                run(fetch);
            }
            return await(fetch.result());
        }

        /** The fetch under way that started before {@code arrival}, if any: its answer may have the key already. */
        synchronized CompletableFuture<JWKSet> running(long arrival) {
            return last != null && !last.result().isDone() && last.startAt() - arrival < 0 ? last.result() : null;
        }

        private void run(Fetch fetch) {
            try {
                long wait = fetch.startAt() - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                JWKSet fetched = download();
                synchronized (this) {
                    set = fetched;
                    fetchedAt = fetch.startAt();
                }
                fetch.result().complete(fetched);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fetch.result().completeExceptionally(new KeySourceException("interrupted", e));
            } catch (KeySourceException e) {
                fetch.result().completeExceptionally(e);
            } catch (RuntimeException e) {
                fetch.result().completeExceptionally(new KeySourceException("the platform's keys could not be "
                        + "fetched", e));
            }
        }

        private JWKSet download() throws KeySourceException {
            HttpAnswer answer;
            try {
                answer = http.get(http.address(url, "The JWKS URL"), Map.of("Accept", "application/json"),
                        SIZE_LIMIT_BYTES);
            } catch (OutboundRefused e) {
                throw new KeySourceException(e.detail(), e);
            }
            if (!answer.isSuccess()) {
                throw new KeySourceException("the platform answered HTTP " + answer.status());
            }
            try {
                return JWKSet.parse(answer.body());
            } catch (ParseException e) {
                throw new KeySourceException("the platform's answer is not a JWK set");
            }
        }
    }
}
