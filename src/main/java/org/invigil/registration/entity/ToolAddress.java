package org.invigil.registration.entity;

import java.net.URI;

/**
 * The tool's public addresses, as platforms and browsers reach it: {@code invigil.public-url} when configured (behind
 * a reverse proxy), otherwise the base of the current request.
 */
public record ToolAddress(URI base) {

    public ToolAddress {
        String text = base.toString();
        base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    public static ToolAddress of(String text) {
        return new ToolAddress(URI.create(text));
    }

    public URI login() {
        return resolve("/lti/login");
    }

    public URI launch() {
        return resolve("/lti/launch");
    }

    public URI jwks() {
        return resolve("/lti/jwks.json");
    }

    public URI registration() {
        return resolve("/lti/register");
    }

    public URI deepLinking() {
        return resolve("/lti/deep-linking");
    }

    public URI resolve(String path) {
        return URI.create(base + path);
    }

    /** Host and, when not the scheme's default, port: Moodle requires exactly this as the tool's {@code domain}. */
    public String domain() {
        return base.getPort() == -1 ? base.getHost() : base.getHost() + ":" + base.getPort();
    }

    /** Whether {@code uri} points into this tool (same scheme, host and port). */
    public boolean owns(URI uri) {
        return uri != null && uri.getHost() != null
                && base.getScheme().equalsIgnoreCase(uri.getScheme())
                && base.getHost().equalsIgnoreCase(uri.getHost())
                && effectivePort(base) == effectivePort(uri);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
