package org.invigil.launch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.invigil.outbound.control.OutboundPolicy;
import org.invigil.outbound.control.PlatformHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JWKS cache against a real JWKS endpoint on 127.0.0.1 that counts its fetches. */
class PlatformKeysTest {

    static final Duration INTERVAL = Duration.ofMillis(600);

    final AtomicInteger fetches = new AtomicInteger();
    volatile JWKSet published;
    volatile int status = 200;
    HttpServer server;
    String jwksUrl;
    PlatformKeys keys;

    @BeforeEach
    void platform() throws Exception {
        published = new JWKSet(key().toPublicJWK());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        jwksUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        keys = new PlatformKeys(new PlatformHttp(5, new OutboundPolicy("127.0.0.1")), INTERVAL);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static RSAKey key() throws Exception {
        return new RSAKeyGenerator(2048).keyID(java.util.UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
    }

    static JWSHeader kid(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build();
    }

    String currentKid() {
        return published.getKeys().get(0).getKeyID();
    }

    @Test
    void knownKidsComeFromTheCache() throws Exception {
        String kid = currentKid();
        assertEquals(1, keys.matching(jwksUrl, kid(kid)).size());
        assertEquals(1, keys.matching(jwksUrl, kid(kid)).size());
        assertEquals(1, fetches.get());
    }

    @Test
    void aNewKidIsFetchedOnItsFirstUseEvenRightAfterAFetch() throws Exception {
        keys.matching(jwksUrl, kid(currentKid()));
        RSAKey next = key();
        published = new JWKSet(List.of(next.toPublicJWK(), published.getKeys().get(0)));
        List<JWK> found = keys.matching(jwksUrl, kid(next.getKeyID()));
        assertEquals(next.getKeyID(), found.get(0).getKeyID());
        assertEquals(2, fetches.get());
    }

    @Test
    void aBurstOfUnknownKidsCannotStarveTheRefreshAndCostsOneFetchPerInterval() throws Exception {
        keys.matching(jwksUrl, kid(currentKid()));
        ExecutorService attackers = Executors.newFixedThreadPool(16);
        long start = System.nanoTime();
        List<Future<List<JWK>>> burst = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String forged = "forged-" + i;
            burst.add(attackers.submit(() -> keys.matching(jwksUrl, kid(forged))));
        }
        // the platform rotates while the burst is running
        RSAKey next = key();
        published = new JWKSet(next.toPublicJWK());
        long rotated = System.nanoTime();
        List<JWK> found = keys.matching(jwksUrl, kid(next.getKeyID()));
        long waited = (System.nanoTime() - rotated) / 1_000_000;
        assertEquals(next.getKeyID(), found.get(0).getKeyID(), "the genuine new kid is accepted at its first use");
        assertTrue(waited < INTERVAL.toMillis() + 1500, "it waited for at most one interval: " + waited + " ms");
        for (Future<List<JWK>> forged : burst) {
            assertTrue(forged.get().isEmpty(), "a made-up kid matches nothing");
        }
        attackers.shutdown();
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        int bound = 1 + (int) (elapsed / INTERVAL.toMillis()) + 1;
        assertTrue(fetches.get() <= bound, fetches.get() + " fetches in " + elapsed + " ms, at most " + bound);
    }

    @Test
    void concurrentRefreshesAreCoalesced() throws Exception {
        ExecutorService launches = Executors.newFixedThreadPool(20);
        List<Future<List<JWK>>> all = new ArrayList<>();
        String kid = currentKid();
        for (int i = 0; i < 20; i++) {
            all.add(launches.submit(() -> keys.matching(jwksUrl, kid(kid))));
        }
        for (Future<List<JWK>> one : all) {
            assertEquals(1, one.get().size());
        }
        launches.shutdown();
        assertTrue(fetches.get() <= 2, "20 first launches at once fetched " + fetches.get() + " times");
    }

    @Test
    void anUnavailableJwksSaysWhatWasWrong() {
        status = 503;
        KeySourceException failed = assertThrows(KeySourceException.class,
                () -> keys.matching(jwksUrl, kid(currentKid())));
        assertEquals("the platform answered HTTP 503", failed.getMessage());
    }

    @Test
    void aJwksUrlOutsideThePolicyIsNotFetched() {
        PlatformKeys strict = new PlatformKeys(new PlatformHttp(5, new OutboundPolicy("")), INTERVAL);
        KeySourceException failed = assertThrows(KeySourceException.class,
                () -> strict.matching(jwksUrl, kid(currentKid())));
        assertTrue(failed.getMessage().contains("must use HTTPS"), failed.getMessage());
        assertEquals(0, fetches.get());
    }
}
