package org.invigil.simulator;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * The deep-linking return endpoint {@code POST /deep-links/return} (Deep Linking 2.0 §4.5), form field
 * {@code JWT}. On top of the common checks of {@link ToolJwtVerifier#verifyMessage} (tool JWKS fetched over HTTP,
 * RS256, iss = client_id, aud = issuer, exp/iat, nonce, version, deployment_id), message_type must be
 * {@code LtiDeepLinkingResponse}, {@code data} must echo exactly the {@code data} of a deep-linking request sent
 * to that tool (same deployment), every content item must be of an accepted type with at most one item unless
 * {@code accept_multiple}. Each {@code ltiResourceLink} becomes a {@link ResourceLink} in the request's course
 * (title, url, custom, text) and its {@code lineItem} ({@code scoreMaximum} &gt; 0 required, label, resourceId, tag)
 * a {@link LineItem} bound to it. Failures are 400 with the reason; success is a small HTML page.
 */
public final class DeepLinkingReturn {
    private static final Logger LOG = Logger.getLogger(DeepLinkingReturn.class.getName());
    static final String MESSAGE_TYPE = "LtiDeepLinkingResponse";

    /**
     * An accepted deep-linking response.
     *
     * @param tool          the responding tool
     * @param course        the course of the deep-linking request
     * @param claims        the verified JWT claims
     * @param resourceLinks the links created, in content-item order
     * @param jwt           the JWT as posted
     */
    public record Received(ToolRegistration tool, Course course, JWTClaimsSet claims,
            List<ResourceLink> resourceLinks, String jwt) {

        /** The {@code content_items} claim as parsed JSON (maps and lists). */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> contentItems() {
            Object items = claims.getClaim(IdTokens.DL + "content_items");
            return items == null ? List.of() : (List<Map<String, Object>>) items;
        }

        /** The {@code msg} claim, if any. */
        public String message() {
            return (String) claims.getClaim(IdTokens.DL + "msg");
        }
    }

    private final LtiPlatformSimulator platform;
    private final ToolJwtVerifier verifier;
    private final OidcAuthorization authorization;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    DeepLinkingReturn(LtiPlatformSimulator platform, ToolJwtVerifier verifier, OidcAuthorization authorization) {
        this.platform = platform;
        this.verifier = verifier;
        this.authorization = authorization;
    }

    void routes(LtiPlatformSimulator http) {
        http.route("POST", "/deep-links/return", this::accept);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void accept(Exchange ex) {
        String jwt = ex.parameters().get("JWT");
        if (jwt == null || jwt.isBlank()) {
            throw HttpProblem.badRequest("missing form field JWT");
        }
        ToolJwtVerifier.ToolMessage message = verifier.verifyMessage(jwt, MESSAGE_TYPE);
        JWTClaimsSet claims = message.claims();
        Object data = claims.getClaim(IdTokens.DL + "data");
        if (!(data instanceof String echoed)) {
            throw HttpProblem.badRequest("the data claim must echo the deep-linking request's data (a string)");
        }
        String deployment = (String) claims.getClaim(IdTokens.LTI + "deployment_id");
        PendingLaunch request = authorization.launches(message.tool(), MessageType.DEEP_LINKING).stream()
                .filter(l -> l.request().deepLinkingData.equals(echoed))
                .findFirst()
                .orElseThrow(() -> HttpProblem.badRequest("data '" + echoed
                        + "' does not match any deep-linking request sent to " + message.tool().clientId()));
        if (!request.deploymentId().equals(deployment)) {
            throw HttpProblem.badRequest("deployment_id '" + deployment + "' is not the deep-linking request's '"
                    + request.deploymentId() + "'");
        }
        List<Map<String, Object>> items = contentItems(claims);
        if (!request.request().acceptMultiple && items.size() > 1) {
            throw HttpProblem.badRequest("accept_multiple was false but " + items.size() + " items came back");
        }
        for (Map<String, Object> item : items) {
            Object type = item.get("type");
            if (!request.request().acceptTypes.contains(type)) {
                throw HttpProblem.badRequest("content item type " + type + " is not in accept_types "
                        + request.request().acceptTypes);
            }
            validate(item);
        }
        Course course = request.request().course;
        List<ResourceLink> links = new ArrayList<>();
        for (Map<String, Object> item : items) {
            if ("ltiResourceLink".equals(item.get("type"))) {
                links.add(create(course, message.tool(), item));
            }
        }
        received.add(new Received(message.tool(), course, claims, List.copyOf(links), jwt));
        LOG.info(() -> "deep linking created " + links);
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><title>Content added</title></head>"
                + "<body><h1>Content added</h1><ul>");
        links.forEach(l -> html.append("<li>").append(Exchange.escapeHtml(l.title())).append("</li>"));
        Object msg = claims.getClaim(IdTokens.DL + "msg");
        if (msg != null) {
            html.append("</ul><p class=\"msg\">").append(Exchange.escapeHtml(msg.toString())).append("</p>");
        }
        Object error = claims.getClaim(IdTokens.DL + "errormsg");
        if (error != null) {
            html.append("<p class=\"errormsg\">").append(Exchange.escapeHtml(error.toString())).append("</p>");
        }
        ex.sendHtml(200, html.append("</body></html>\n").toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> contentItems(JWTClaimsSet claims) {
        Object items = claims.getClaim(IdTokens.DL + "content_items");
        if (items == null) {
            return List.of();
        }
        if (!(items instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
            throw HttpProblem.badRequest("content_items must be an array of objects");
        }
        return (List<Map<String, Object>>) items;
    }

    private static void validate(Map<String, Object> item) {
        if (item.containsKey("url") && !(item.get("url") instanceof String url && URI.create(url).isAbsolute())) {
            throw HttpProblem.badRequest("content item url must be an absolute URL, got " + item.get("url"));
        }
        if (item.containsKey("title") && !(item.get("title") instanceof String)) {
            throw HttpProblem.badRequest("content item title must be a string");
        }
        if (item.containsKey("custom")) {
            if (!(item.get("custom") instanceof Map<?, ?> custom)
                    || !custom.values().stream().allMatch(String.class::isInstance)) {
                throw HttpProblem.badRequest("content item custom must be an object of strings, got "
                        + item.get("custom"));
            }
        }
        if (item.containsKey("lineItem")) {
            if (!(item.get("lineItem") instanceof Map<?, ?> lineItem)) {
                throw HttpProblem.badRequest("lineItem must be an object");
            }
            if (!(lineItem.get("scoreMaximum") instanceof Number max) || max.doubleValue() <= 0) {
                throw HttpProblem.badRequest("lineItem.scoreMaximum (a number > 0) is required");
            }
        }
    }

    private static ResourceLink create(Course course, ToolRegistration tool, Map<String, Object> item) {
        String title = item.get("title") instanceof String t ? t : "Untitled";
        ResourceLink link = course.newResourceLink(title).tool(tool);
        if (item.get("url") instanceof String url) {
            link.url(URI.create(url));
        }
        if (item.get("text") instanceof String text) {
            link.text(text);
        }
        if (item.get("custom") instanceof Map<?, ?> custom) {
            custom.forEach((k, v) -> link.custom(String.valueOf(k), String.valueOf(v)));
        }
        if (item.get("lineItem") instanceof Map<?, ?> spec) {
            String label = spec.get("label") instanceof String l ? l : title;
            LineItem lineItem = course.addLineItem(label, ((Number) spec.get("scoreMaximum")).doubleValue(), tool)
                    .resourceLinkId(link.id());
            if (spec.get("resourceId") instanceof String resourceId) {
                lineItem.resourceId(resourceId);
            }
            if (spec.get("tag") instanceof String tag) {
                lineItem.tag(tag);
            }
            link.lineItem(lineItem);
        }
        return link;
    }
}
