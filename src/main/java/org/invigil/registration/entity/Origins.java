package org.invigil.registration.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Web origins (RFC 6454) as a Content-Security-Policy source expression takes them: {@code scheme://host[:port]}. */
public final class Origins {

    private Origins() {
    }

    /** The origin of an http(s) URL, the default port left out; empty for anything else. */
    public static Optional<String> of(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (host == null || !(scheme.equals("https") || scheme.equals("http"))
                    || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
                    || (scheme.equals("http") && port == 80);
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
