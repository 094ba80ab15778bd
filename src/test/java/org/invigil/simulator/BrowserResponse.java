package org.invigil.simulator;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

/**
 * What the simulated browser ended up with after a request (and, unless asked not to, after following
 * redirects).
 *
 * @param status    the final HTTP status
 * @param uri       the final URI (after redirects)
 * @param headers   the final response headers
 * @param body      the final response body as text
 * @param redirects the URIs that answered 3xx on the way, in order (empty when none)
 */
public record BrowserResponse(int status, URI uri, HttpHeaders headers, String body, List<URI> redirects) {

    /** The first value of a response header. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** Whether this is a 3xx answer (only seen when redirects were not followed). */
    public boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    /** The {@code Location} header resolved against {@link #uri()}. */
    public Optional<URI> location() {
        return header("Location").map(uri::resolve);
    }

    /** The first HTML form of the page (e.g. an auto-posting LTI form). */
    public HtmlForm form() {
        return HtmlForm.firstIn(body, uri);
    }

    /** All HTML forms of the page. */
    public List<HtmlForm> forms() {
        return HtmlForm.allIn(body, uri);
    }

    @Override
    public String toString() {
        return status + " " + uri + (redirects.isEmpty() ? "" : " via " + redirects) + "\n"
                + HtmlForm.abbreviate(body);
    }
}
