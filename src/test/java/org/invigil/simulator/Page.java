package org.invigil.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code limit}/{@code from} paging of a container, with the {@code Link: <...>; rel="next"} header (Moodle's). */
record Page(int from, int to, int limit, int total) {

    static Page of(Map<String, String> query, int total) {
        int limit = positive(query, "limit", Integer.MAX_VALUE);
        int from = Math.min(nonNegative(query, "from"), total);
        int to = (int) Math.min((long) from + limit, total);
        return new Page(from, to, limit, total);
    }

    Optional<String> nextLink(String issuer, Exchange ex) {
        if (to >= total) {
            return Optional.empty();
        }
        Map<String, String> query = new LinkedHashMap<>(ex.query());
        query.put("limit", Integer.toString(limit));
        query.put("from", Integer.toString(to));
        String base = ex.uri().getRawPath();
        return Optional.of("<" + issuer + base + "?" + Exchange.encodeForm(query) + ">; rel=\"next\"");
    }

    private static int positive(Map<String, String> query, String name, int absent) {
        int value = parse(query, name, absent);
        if (value <= 0) {
            throw HttpProblem.badRequest(name + " must be > 0");
        }
        return value;
    }

    private static int nonNegative(Map<String, String> query, String name) {
        int value = parse(query, name, 0);
        if (value < 0) {
            throw HttpProblem.badRequest(name + " must be >= 0");
        }
        return value;
    }

    private static int parse(Map<String, String> query, String name, int absent) {
        String value = query.get(name);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest(name + " must be an integer, got '" + value + "'");
        }
    }
}
