package org.invigil;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The real Invigil WAR on Payara Micro that the build started for the integration tests: where it is, and its
 * administration API. Nothing here reaches into the tool other than over HTTP.
 */
public final class DeployedTool {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private DeployedTool() {
    }

    private static volatile boolean ready;

    public static URI base() {
        String base = System.getProperty("invigil.it.base-url");
        if (base == null) {
            throw new IllegalStateException("invigil.it.base-url is not set: run integration tests with mvn verify");
        }
        URI uri = URI.create(base);
        if (!ready) {
            awaitReady(uri);
        }
        return uri;
    }

    /**
     * Waits until the tool serves its keys and its API: on a loaded machine Payara may report "ready" before the
     * application answers, and the first test must not fail for that.
     */
    private static synchronized void awaitReady(URI base) {
        if (ready) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/lti/jwks.json"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
                // and the API is past its start-up gate (503 until the database and face models are ready)
                HttpResponse<Void> api = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/proctoring/session"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200 && api.statusCode() != 503) {
                    ready = true;
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Invigil did not answer at " + base + " within 4 minutes");
    }

    public static URI at(String path) {
        return URI.create(base() + path);
    }

    public static String adminToken() {
        return System.getProperty("invigil.it.admin-token");
    }

    public static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(at(path)).GET().timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Invigil did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a platform by the admin API, as a tool administrator would by hand. */
    public static HttpResponse<String> putPlatform(String json) {
        return send(HttpRequest.newBuilder(at("/api/admin/platforms"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
