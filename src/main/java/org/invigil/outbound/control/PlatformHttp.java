package org.invigil.outbound.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.refusal.entity.Refusal.Kind;

/**
 * The one way the tool calls out (platforms' discovery, registration, tokens, AGS, NRPS, JWKS, pictures, webhooks).
 * Every call is checked against the {@link OutboundPolicy} when it is made, before any connection; redirects are
 * never followed (a 3xx is reported as such); one deadline ({@code invigil.outbound.timeout-seconds}) bounds the
 * whole call, connecting, headers and reading the body; every body is size-limited. Refusals say what was wrong
 * without echoing what the far side answered.
 */
@ApplicationScoped
public class PlatformHttp {

    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    @Inject
    @ConfigProperty(name = "invigil.outbound.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = OutboundPolicy.SETTING)
    Optional<String> allow;

    private OutboundPolicy policy;

    private HttpClient client;

    public PlatformHttp() {
    }

    /** For unit tests. */
    public PlatformHttp(int timeoutSeconds, OutboundPolicy policy) {
        this.timeoutSeconds = timeoutSeconds;
        this.policy = policy;
        init();
    }

    @PostConstruct
    void init() {
        if (policy == null) {
            policy = new OutboundPolicy(allow == null ? "" : allow.orElse(""));
        }
        client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Parses and checks an address a platform or an administrator gave us, when it is stored: syntax, HTTPS (or an
     * allow-listed destination), and address literals against the policy. Host names are looked up at each call.
     * {@code what} names it in the error ("The token endpoint").
     */
    public URI address(String value, String what) {
        URI uri = parse(value, what);
        if (!"https".equals(uri.getScheme().toLowerCase()) || OutboundPolicy.isLiteral(OutboundPolicy.host(uri))) {
            policy.check(uri, what, true);
        }
        return uri;
    }

    /**
     * Like {@link #address} and also looks the host up now, refusing it if it resolves to an address the tool does
     * not call (a host that does not resolve yet passes; it is checked again at each call).
     */
    public URI destination(String value, String what) {
        URI uri = parse(value, what);
        policy.check(uri, what, true);
        return uri;
    }

    public HttpAnswer get(URI uri, Map<String, String> headers) {
        return get(uri, headers, MAX_BODY_BYTES);
    }

    /** A GET whose answer may have at most {@code maxBytes}. */
    public HttpAnswer get(URI uri, Map<String, String> headers, int maxBytes) {
        Received received = send(HttpRequest.newBuilder(uri).GET(), headers, maxBytes, uri);
        return new HttpAnswer(uri, received.response().statusCode(), received.response().headers(),
                new String(received.body(), StandardCharsets.UTF_8));
    }

    /** A binary resource (a profile picture), at most {@code maxBytes}; refused unless the answer is a 2xx. */
    public byte[] getBytes(URI uri, int maxBytes) {
        Received received = send(HttpRequest.newBuilder(uri).GET(),
                Map.of("Accept", "image/jpeg, image/png;q=0.8"), maxBytes, uri);
        int status = received.response().statusCode();
        if (status / 100 != 2) {
            throw new OutboundRefused(Kind.UPSTREAM_FAILED, "platform_answer", "The platform refused",
                    "The platform answered HTTP " + status + " for " + uri + ".", null);
        }
        return received.body();
    }

    public HttpAnswer post(URI uri, String contentType, String body, Map<String, String> headers) {
        return answer(uri, HttpRequest.newBuilder(uri)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
    }

    public HttpAnswer put(URI uri, String contentType, String body, Map<String, String> headers) {
        return answer(uri, HttpRequest.newBuilder(uri)
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
    }

    private HttpAnswer answer(URI uri, HttpRequest.Builder request, Map<String, String> headers) {
        Received received = send(request, headers, MAX_BODY_BYTES, uri);
        return new HttpAnswer(uri, received.response().statusCode(), received.response().headers(),
                new String(received.body(), StandardCharsets.UTF_8));
    }

    private record Received(HttpResponse<byte[]> response, byte[] body) {
    }

    private Received send(HttpRequest.Builder request, Map<String, String> headers, int maxBytes, URI uri) {
        parse(uri.toString(), "The URL");
        policy.check(uri, "The URL " + uri, false);
        Duration total = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        request.timeout(total).header("User-Agent", "Invigil");
        headers.forEach(request::header);
        AtomicReference<LimitedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request.build(), info -> {
            LimitedBody limited = new LimitedBody(maxBytes,
                    info.headers().firstValueAsLong("Content-Length").orElse(-1));
            body.set(limited);
            return limited;
        });
        HttpResponse<byte[]> response;
        try {
            response = call.get(total.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abort(call, body.get());
            throw timedOut(uri);
        } catch (InterruptedException e) {
            abort(call, body.get());
            Thread.currentThread().interrupt();
            throw new OutboundRefused(Kind.UNAVAILABLE, "interrupted", "Interrupted",
                    "The call to " + uri + " was interrupted.", e);
        } catch (ExecutionException e) {
            abort(call, body.get());
            throw failed(uri, e.getCause(), maxBytes);
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            throw new OutboundRefused(Kind.UPSTREAM_FAILED, "platform_redirect", "The platform redirected",
                    "The platform answered HTTP " + status + " for " + uri + "; Invigil does not follow redirects, "
                            + "so the URL must name the resource itself.", null);
        }
        return new Received(response, response.body());
    }

    private static void abort(CompletableFuture<?> call, LimitedBody body) {
        call.cancel(true);
        if (body != null) {
            body.cancel();
        }
    }

    private OutboundRefused timedOut(URI uri) {
        return new OutboundRefused(Kind.UPSTREAM_SLOW, "platform_timeout", "The platform was too slow",
                "The call to " + uri + " did not complete within " + Math.max(1, timeoutSeconds)
                        + " s (connecting, headers and the whole answer).", null);
    }

    private OutboundRefused failed(URI uri, Throwable cause, int maxBytes) {
        Throwable reason = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        if (reason instanceof TooLarge) {
            return new OutboundRefused(Kind.UPSTREAM_FAILED, "platform_answer_too_large", "The answer is too large",
                    "The answer from " + uri + " is larger than " + maxBytes / 1024 + " KiB.", null);
        }
        if (reason instanceof HttpTimeoutException && !(reason instanceof HttpConnectTimeoutException)) {
            return timedOut(uri);
        }
        String how = reason instanceof HttpConnectTimeoutException ? "the connection timed out"
                : reason instanceof ConnectException ? "the connection was refused"
                : reason instanceof IOException ? "the connection failed" : "the call failed";
        return new OutboundRefused(Kind.UPSTREAM_FAILED, "platform_unreachable", "The platform did not answer",
                "Could not reach " + uri + ": " + how + ".", reason);
    }

    private static URI parse(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new OutboundRefused("url_missing", what + " is missing.");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new OutboundRefused("url_malformed", what + " is not a valid URL: " + value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new OutboundRefused("url_malformed", what + " must be an absolute http(s) URL: " + value);
        }
        if (uri.getRawUserInfo() != null) {
            throw new OutboundRefused("url_malformed", what + " must not carry credentials: " + value);
        }
        return uri;
    }

    /** The body over the size limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the answer is over the size limit");
        }
    }

    /**
     * Collects a body up to {@code max} bytes: refuses at once when its declared length is over, else as soon as more
     * has arrived, and cancels the exchange (which closes the connection).
     */
    static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final long declared;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile Flow.Subscription subscription;

        LimitedBody(int max, long declared) {
            this.max = max;
            this.declared = declared;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declared > max) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge());
                return;
            }
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }

        void cancel() {
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
            result.cancel(true);
        }
    }
}
