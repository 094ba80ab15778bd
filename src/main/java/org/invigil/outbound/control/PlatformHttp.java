package org.invigil.outbound.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.web.control.Problem;

/** The one way the tool calls a platform. */
@ApplicationScoped
public class PlatformHttp {

    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    @Inject
    @ConfigProperty(name = "invigil.outbound.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "invigil.outbound.allow-http", defaultValue = "false")
    boolean allowHttp;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public PlatformHttp() {
    }

    /** For unit tests. */
    public PlatformHttp(int timeoutSeconds, boolean allowHttp) {
        this.timeoutSeconds = timeoutSeconds;
        this.allowHttp = allowHttp;
    }

    /**
     * Parses and checks an address a platform gave us. {@code what} names it in the error ("the token endpoint").
     */
    public URI address(String value, String what) {
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
        if (scheme.equals("http") && !allowHttp && !isLoopback(uri.getHost())) {
            throw new OutboundRefused("url_insecure", what + " must use HTTPS (plain HTTP is accepted only for "
                    + "127.0.0.1/localhost during development): " + value);
        }
        return uri;
    }

    public HttpAnswer get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        return send(request, headers);
    }

    /** A binary resource (a profile picture), at most {@code maxBytes}. */
    public byte[] getBytes(URI uri, int maxBytes) {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(timeoutSeconds))
                .header("User-Agent", "Invigil").header("Accept", "image/jpeg, image/png;q=0.8").build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new OutboundRefused(new Problem(502, "platform_answer", "The platform refused",
                            uri + " answered HTTP " + response.statusCode() + "."), null);
                }
                byte[] bytes = in.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new OutboundRefused("platform_answer_too_large", "The picture at " + uri + " is larger than "
                            + maxBytes / 1024 + " KiB.");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new OutboundRefused(new Problem(502, "platform_unreachable", "The platform did not answer",
                    "Could not reach " + uri + ": " + describe(e)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboundRefused(new Problem(503, "interrupted", "Interrupted",
                    "The call to " + uri + " was interrupted."), e);
        }
    }

    public HttpAnswer post(URI uri, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(request, headers);
    }

    public HttpAnswer put(URI uri, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(request, headers);
    }

    private HttpAnswer send(HttpRequest.Builder request, Map<String, String> headers) {
        request.timeout(Duration.ofSeconds(timeoutSeconds)).header("User-Agent", "Invigil");
        headers.forEach(request::header);
        HttpRequest built = request.build();
        try {
            HttpResponse<InputStream> response = client.send(built, HttpResponse.BodyHandlers.ofInputStream());
            String body = readLimited(response.body(), built.uri());
            return new HttpAnswer(built.uri(), response.statusCode(), response.headers(), body);
        } catch (IOException e) {
            throw new OutboundRefused(new Problem(502, "platform_unreachable", "The platform did not answer",
                    "Could not reach " + built.uri() + ": " + describe(e)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboundRefused(new Problem(503, "interrupted", "Interrupted",
                    "The call to " + built.uri() + " was interrupted."), e);
        }
    }

    private static String readLimited(InputStream in, URI uri) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > MAX_BODY_BYTES) {
                    throw new OutboundRefused("platform_answer_too_large",
                            "The answer from " + uri + " is larger than " + MAX_BODY_BYTES / 1024 + " KiB.");
                }
                out.write(buffer, 0, read);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + " (" + e.getMessage() + ")";
    }

    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
