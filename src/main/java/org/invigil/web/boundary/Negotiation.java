package org.invigil.web.boundary;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Whether the caller is a browser (gets HTML) or an API client (gets JSON). */
final class Negotiation {

    private Negotiation() {
    }

    static boolean wantsHtml(HttpHeaders headers) {
        if (headers == null) {
            return false;
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        for (MediaType type : accepted) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json")) {
                return false;
            }
        }
        return false;
    }
}
