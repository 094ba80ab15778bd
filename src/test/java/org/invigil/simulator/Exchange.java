package org.invigil.simulator;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/** One HTTP request to the platform with its path parameters, and the ways to answer it. */
final class Exchange {
    private final HttpExchange http;
    private final Matcher path;
    private byte[] body;

    Exchange(HttpExchange http, Matcher path) {
        this.http = http;
        this.path = path;
    }

    String method() {
        return http.getRequestMethod();
    }

    URI uri() {
        return http.getRequestURI();
    }

    /** A capture group of the route's path pattern. */
    String pathParam(int group) {
        return path.group(group);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(http.getRequestHeaders().getFirst(name));
    }

    /** The Content-Type's media type without parameters, lower case, or "" when absent. */
    String mediaType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    }

    /** The bearer token of the Authorization header, if any. */
    Optional<String> bearerToken() {
        return header("Authorization")
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> v.substring(7).trim());
    }

    /** The value of a request cookie ({@code Cookie} headers), if sent. */
    Optional<String> cookie(String name) {
        java.util.List<String> headers = http.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return Optional.empty();
        }
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).trim());
                }
            }
        }
        return Optional.empty();
    }

    Map<String, String> query() {
        return decodeForm(uri().getRawQuery());
    }

    String body() {
        if (body == null) {
            try {
                body = http.getRequestBody().readAllBytes();
            } catch (IOException e) {
                throw HttpProblem.badRequest("cannot read the request body");
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The parameters of a GET query or of an urlencoded POST body. */
    Map<String, String> parameters() {
        if ("POST".equals(method())) {
            if (!"application/x-www-form-urlencoded".equals(mediaType())) {
                throw HttpProblem.badRequest("expected a form post (application/x-www-form-urlencoded), got '"
                        + mediaType() + "'");
            }
            return decodeForm(body());
        }
        return query();
    }

    /** The urlencoded body; the caller checks the Content-Type. */
    Map<String, String> form() {
        return decodeForm(body());
    }

    JsonObject jsonObject() {
        try (JsonReader reader = Json.createReader(new StringReader(body()))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw HttpProblem.badRequest("the body is not a JSON object: " + e.getMessage());
        }
    }

    void addHeader(String name, String value) {
        http.getResponseHeaders().add(name, value);
    }

    void send(int status, String contentType, String text) {
        send(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    void send(int status, String contentType, byte[] bytes) {
        try {
            if (contentType != null) {
                http.getResponseHeaders().set("Content-Type", contentType);
            }
            http.getResponseHeaders().set("Cache-Control", "no-store");
            if (status == 204 || status == 304) {
                http.sendResponseHeaders(status, -1);
            } else {
                http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = http.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            http.close();
        }
    }

    void sendJson(int status, String mediaType, JsonStructure json) {
        send(status, mediaType, json.toString());
    }

    void sendHtml(int status, String html) {
        send(status, "text/html; charset=utf-8", html);
    }

    void noContent() {
        send(204, null, new byte[0]);
    }

    static Map<String, String> decodeForm(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    static String encodeForm(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
