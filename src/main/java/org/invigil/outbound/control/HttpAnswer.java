package org.invigil.outbound.control;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** What a platform answered: status, headers and a body read up to the size limit. */
public record HttpAnswer(URI uri, int status, HttpHeaders headers, String body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /**
     * The body as a short, single-line excerpt.
     *
     * @deprecated echoes what the far side said into error messages; say what was wrong instead ("the platform
     *     answered HTTP 404"). Kept until its last callers (registration, {@code PlatformMessages}) move off it.
     */
    @Deprecated(forRemoval = true)
    public String excerpt() {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
