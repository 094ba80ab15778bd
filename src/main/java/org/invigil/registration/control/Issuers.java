package org.invigil.registration.control;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Platform issuers (Security Framework 1.0 §5.1.2, OpenID Connect Discovery §3): an http(s) URL without query or
 * fragment. An issuer names a platform; Invigil never calls it, so it is checked as text, not against the outbound
 * policy.
 */
final class Issuers {

    private Issuers() {
    }

    static URI parse(String issuer) {
        URI uri;
        try {
            uri = new URI(issuer.trim());
        } catch (URISyntaxException e) {
            throw new RegistrationRefused("issuer_malformed", "The issuer is not a valid URL: " + issuer);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new RegistrationRefused("issuer_malformed", "The issuer must be an http(s) URL without "
                    + "credentials, query or fragment: " + issuer);
        }
        return uri;
    }

    /** Same scheme, host and port (RFC 6454), the port defaulted by the scheme. */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    static String withoutTrailingSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
