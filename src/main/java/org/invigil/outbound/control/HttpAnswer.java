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
}
