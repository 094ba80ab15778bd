package org.invigil.simulator;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's browser inside the LMS iframe: a {@link HttpClient} that follows redirects itself and, by default,
 * keeps NO cookies (third-party cookies are blocked in LMS iframes), so a tool that relies on a cookie set at
 * login initiation fails as it would in Safari or Chrome. {@link #withCookies()} gives a first-party browser.
 * <p>
 * Redirects: 301/302/303 become a GET, 307/308 repeat the request; at most 10.
 */
public final class SimulatedBrowser {
    private static final int MAX_REDIRECTS = 10;
    private final HttpClient client;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** A browser without cookies. */
    public SimulatedBrowser() {
        this(HttpClient.newBuilder());
    }

    private SimulatedBrowser(HttpClient.Builder builder) {
        this.client = builder.followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        headers.put("User-Agent", "Mozilla/5.0 (Invigil LTI platform simulator)");
        headers.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        headers.put("Accept-Language", "en");
    }

    /** A top-level (first-party) browser that keeps cookies. */
    public static SimulatedBrowser withCookies() {
        return new SimulatedBrowser(HttpClient.newBuilder().cookieHandler(new CookieManager()));
    }

    /** Sets a header sent with every request (e.g. {@code Accept-Language}). */
    public SimulatedBrowser header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** GET, following redirects. */
    public BrowserResponse get(URI uri) {
        return send("GET", uri, null, true);
    }

    /** GET, answering the first response even if it is a redirect. */
    public BrowserResponse getWithoutRedirects(URI uri) {
        return send("GET", uri, null, false);
    }

    /** An urlencoded form POST, following redirects. */
    public BrowserResponse post(URI uri, Map<String, String> fields) {
        return send("POST", uri, fields, true);
    }

    /** An urlencoded form POST, answering the first response even if it is a redirect. */
    public BrowserResponse postWithoutRedirects(URI uri, Map<String, String> fields) {
        return send("POST", uri, fields, false);
    }

    /** Submits a form as the browser would (GET with a query or urlencoded POST), following redirects. */
    public BrowserResponse submit(HtmlForm form) {
        if ("POST".equals(form.method())) {
            return post(form.action(), form.fields());
        }
        String query = Exchange.encodeForm(form.fields());
        String base = form.action().toString().replaceFirst("[?#].*$", "");
        return get(URI.create(query.isEmpty() ? base : base + "?" + query));
    }

    /** Submits the first form of a page (e.g. the tool's deep-linking auto-post form). */
    public BrowserResponse submitForm(BrowserResponse page) {
        return submit(page.form());
    }

    /** Submits the first form of some HTML, resolving a relative action against {@code base}. */
    public BrowserResponse submitForm(String html, URI base) {
        return submit(HtmlForm.firstIn(html, base));
    }

    private BrowserResponse send(String method, URI uri, Map<String, String> fields, boolean follow) {
        List<URI> redirects = new ArrayList<>();
        String currentMethod = method;
        URI current = uri;
        Map<String, String> body = fields;
        for (int hop = 0; ; hop++) {
            HttpResponse<String> response = exchange(currentMethod, current, body);
            int status = response.statusCode();
            boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
            if (!follow || !redirect || response.headers().firstValue("Location").isEmpty()) {
                return new BrowserResponse(status, current, response.headers(), response.body(), List.copyOf(redirects));
            }
            if (hop >= MAX_REDIRECTS) {
                throw new IllegalStateException("more than " + MAX_REDIRECTS + " redirects: " + redirects);
            }
            redirects.add(current);
            current = current.resolve(response.headers().firstValue("Location").get());
            if (status != 307 && status != 308) {
                currentMethod = "GET";
                body = null;
            }
        }
    }

    private HttpResponse<String> exchange(String method, URI uri, Map<String, String> fields) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Exchange.encodeForm(fields == null ? Map.of() : fields),
                            StandardCharsets.UTF_8));
        } else {
            request.GET();
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
