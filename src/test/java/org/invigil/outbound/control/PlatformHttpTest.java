package org.invigil.outbound.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.invigil.web.boundary.RefusalMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one outbound client: the policy applied at each call before connecting, no redirects, one deadline over the
 * whole call including the body, size limits, and refusals that do not echo the far side. The far side is a real
 * HTTP server on 127.0.0.1 (allow-listed where a test needs to reach it).
 */
class PlatformHttpTest {

    static final String SECRET = "far-side-says-SECRET-7f3a";

    final PlatformHttp http = new PlatformHttp(5, new OutboundPolicy(""));
    final PlatformHttp local = new PlatformHttp(2, new OutboundPolicy("127.0.0.1"));
    final AtomicInteger redirectTargetHits = new AtomicInteger();
    HttpServer server;
    String base;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "/target?" + SECRET);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/target", exchange -> {
            redirectTargetHits.incrementAndGet();
            reply(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/missing", exchange -> reply(exchange, 404, SECRET.getBytes(StandardCharsets.UTF_8)));
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException gone) {
                // the client hung up, as it should
            }
        });
        server.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no declared length
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] block = new byte[64 * 1024];
                for (int i = 0; i < 64; i++) {
                    out.write(block);
                }
            } catch (IOException gone) {
                // cut off by the client
            }
        });
        server.createContext("/declared-huge", exchange -> {
            exchange.sendResponseHeaders(200, 3 * 1024 * 1024);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[3 * 1024 * 1024]);
            } catch (IOException gone) {
                // cut off by the client
            }
        });
        server.createContext("/picture", exchange -> reply(exchange, 200, new byte[] {1, 2, 3, 4, 5}));
        server.createContext("/ok", exchange -> reply(exchange, 200, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8)));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void storesHttpsAndAllowListedHttp() {
        assertEquals("moodle.example.edu", http.address("https://moodle.example.edu/mod/lti/certs.php", "x").getHost());
        assertEquals(8081, local.address("http://127.0.0.1:8081/mod/lti/token.php", "x").getPort());
    }

    @Test
    void refusesPlainHttpEvenToLoopbackUnlessAllowListed() {
        assertEquals("url_insecure", code(() -> http.address("http://127.0.0.1:8081/mod/lti/token.php", "x")));
        assertEquals("url_insecure", code(() -> http.address("http://localhost/x", "x")));
        assertEquals("url_insecure", code(() -> http.address("http://moodle.example.edu/token", "x")));
    }

    @Test
    void refusesCredentialsOtherSchemesAndPrivateAddressLiteralsWhenStored() {
        assertEquals("url_malformed", code(() -> http.address("file:///etc/passwd", "x")));
        assertEquals("url_malformed", code(() -> http.address("https://user:pass@lms.example/", "x")));
        assertEquals("url_malformed", code(() -> http.address("/relative", "x")));
        assertEquals("url_missing", code(() -> http.address(" ", "x")));
        assertEquals("destination_refused", code(() -> http.address("https://169.254.169.254/latest", "x")));
        assertEquals("destination_refused", code(() -> http.address("https://[::ffff:10.0.0.1]/", "x")));
        assertEquals(400, RefusalMapper.problem(assertThrows(OutboundRefused.class, () -> http.address("ftp://x", "x")))
                .status());
    }

    @Test
    void destinationLooksTheNameUpNow() {
        // localhost resolves (through /etc/hosts) to loopback: refused when a webhook URL is set
        assertEquals("destination_refused", code(() -> http.destination("https://localhost/hook", "The webhook URL")));
        assertEquals("chat.example.com", http.destination("https://chat.example.com/hook", "x").getHost());
    }

    @Test
    void refusedDestinationsAreRefusedBeforeAnyConnection() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            int port = listener.getLocalPort();
            assertEquals("url_insecure", code(() -> http.get(URI.create("http://127.0.0.1:" + port + "/"), Map.of())));
            assertEquals("destination_refused",
                    code(() -> http.get(URI.create("https://127.0.0.1:" + port + "/"), Map.of())));
            assertEquals("destination_refused",
                    code(() -> http.post(URI.create("https://localhost:" + port + "/"), "text/plain", "", Map.of())));
            assertEquals("destination_refused", code(() -> http.getBytes(URI.create("https://127.0.0.1:" + port
                    + "/picture.jpg"), 1000)));
            listener.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, () -> {
                try (Socket accepted = listener.accept()) {
                    // a connection arrived: the policy let it through
                }
            }, "no connection may reach a refused destination");
        }
    }

    @Test
    void sameRefusalForAnOpenAndAClosedPort() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        int open = server.getAddress().getPort();
        OutboundRefused atOpen = assertThrows(OutboundRefused.class,
                () -> http.get(URI.create("https://127.0.0.1:" + open + "/ok"), Map.of()));
        OutboundRefused atClosed = assertThrows(OutboundRefused.class,
                () -> http.get(URI.create("https://127.0.0.1:" + closed + "/ok"), Map.of()));
        assertEquals(RefusalMapper.problem(atOpen).status(), RefusalMapper.problem(atClosed).status());
        assertEquals(atOpen.code(), atClosed.code());
        assertEquals(atOpen.detail().replace(":" + open + "/", ":P/"),
                atClosed.detail().replace(":" + closed + "/", ":P/"));
    }

    @Test
    void allowListedDestinationsAreCalled() {
        HttpAnswer answer = local.get(URI.create(base + "/ok"), Map.of());
        assertEquals(200, answer.status());
        assertEquals("{\"ok\":true}", answer.body());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, local.getBytes(URI.create(base + "/picture"), 5));
    }

    @Test
    void redirectsAreNotFollowedNorEchoed() {
        OutboundRefused refused = assertThrows(OutboundRefused.class,
                () -> local.get(URI.create(base + "/redirect"), Map.of()));
        assertEquals("platform_redirect", refused.code());
        assertTrue(refused.detail().contains("answered HTTP 302"), refused.detail());
        assertFalse(refused.detail().contains(SECRET), refused.detail());
        assertFalse(refused.detail().contains("/target"), refused.detail());
        assertEquals(0, redirectTargetHits.get());
    }

    @Test
    void aPictureRefusalSaysTheStatusNotTheBody() {
        OutboundRefused refused = assertThrows(OutboundRefused.class,
                () -> local.getBytes(URI.create(base + "/missing"), 1000));
        assertTrue(refused.detail().contains("answered HTTP 404"), refused.detail());
        assertFalse(refused.detail().contains(SECRET), refused.detail());
    }

    @Test
    void aTricklingAnswerIsCutAtTheTotalDeadline() {
        long start = System.nanoTime();
        OutboundRefused refused = assertThrows(OutboundRefused.class,
                () -> local.get(URI.create(base + "/trickle"), Map.of()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("platform_timeout", refused.code());
        assertTrue(millis >= 1900 && millis < 4000, "cut at the 2 s deadline, not after the 100 s body: " + millis);
    }

    @Test
    void aPlatformThatAcceptsButNeverAnswersIsCutAtTheDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread holder = new Thread(() -> {
                try (Socket held = silent.accept()) {
                    Thread.sleep(20_000);
                } catch (IOException | InterruptedException done) {
                    // released
                }
            });
            holder.start();
            long start = System.nanoTime();
            OutboundRefused refused = assertThrows(OutboundRefused.class, () -> local.post(URI.create(
                    "http://127.0.0.1:" + silent.getLocalPort() + "/token"), "text/plain", "x", Map.of()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            holder.interrupt();
            assertEquals("platform_timeout", refused.code());
            assertTrue(millis >= 1900 && millis < 4000, "cut at the 2 s deadline: " + millis);
        }
    }

    @Test
    void anOversizedBodyIsCut() {
        assertEquals("platform_answer_too_large", code(() -> local.get(URI.create(base + "/huge"), Map.of())));
        assertEquals("platform_answer_too_large",
                code(() -> local.get(URI.create(base + "/declared-huge"), Map.of())));
        assertEquals("platform_answer_too_large", code(() -> local.get(URI.create(base + "/ok"), Map.of(), 4)));
        assertEquals("platform_answer_too_large", code(() -> local.getBytes(URI.create(base + "/picture"), 4)));
    }

    static String code(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(OutboundRefused.class, call).code();
    }
}
