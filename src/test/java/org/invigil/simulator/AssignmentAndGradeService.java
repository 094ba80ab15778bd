package org.invigil.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Assignment and Grade Services 2.0 with Moodle's rules ({@code mod/lti/service/gradebookservices}):
 * <ul>
 * <li>line item container {@code GET|POST /ags/{contextId}/lineitems?type_id={n}} — GET filters
 * {@code resource_link_id}, {@code tag}, {@code resource_id}, pages with {@code limit}/{@code from} and
 * {@code Link: <...>; rel="next"}; POST needs Content-Type {@code application/vnd.ims.lis.v2.lineitem+json}
 * (415), {@code label} and {@code scoreMaximum > 0} (400), a {@code resourceLinkId} of the course; answers 201;</li>
 * <li>line item {@code GET|PUT|DELETE /ags/{contextId}/lineitems/{id}/lineitem?type_id={n}};</li>
 * <li>scores {@code POST .../lineitem/scores?type_id={n}}: Content-Type {@code application/vnd.ims.lis.v1.score+json}
 * (415); 400 unless {@code userId} (a string, a member of the course), ISO-8601 {@code timestamp} with offset,
 * valid {@code activityProgress} and {@code gradingProgress}, numeric scores with {@code scoreMaximum} present
 * when {@code scoreGiven} is; 409 when the timestamp is not after the stored one at second granularity;</li>
 * <li>results {@code GET .../lineitem/results?type_id={n}} ({@code user_id}, {@code limit}).</li>
 * </ul>
 * Every call needs a bearer token with a fitting scope (401 missing/unknown/expired, 403 wrong scope), and the
 * {@code type_id} query parameter of the token's tool (400 missing, 403 another tool's). Line items created by
 * another tool are invisible (404). GETs with an {@code Accept} that excludes the media type get 406.
 */
final class AssignmentAndGradeService {
    static final String SCOPE_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    static final String SCOPE_LINEITEM_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    static final String SCOPE_RESULT_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    static final Set<String> SCOPES = Set.of(SCOPE_LINEITEM, SCOPE_LINEITEM_READONLY, SCOPE_RESULT_READONLY,
            SCOPE_SCORE);
    static final String LINEITEM = "application/vnd.ims.lis.v2.lineitem+json";
    static final String LINEITEM_CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    static final String RESULT_CONTAINER = "application/vnd.ims.lis.v2.resultcontainer+json";
    static final String SCORE = "application/vnd.ims.lis.v1.score+json";
    private static final Set<String> ACTIVITY = Set.of("Initialized", "Started", "InProgress", "Submitted",
            "Completed");
    private static final Set<String> GRADING = Set.of("FullyGraded", "Pending", "PendingManual", "Failed",
            "NotReady");

    private final LtiPlatformSimulator platform;
    private final TokenEndpoint tokens;

    AssignmentAndGradeService(LtiPlatformSimulator platform, TokenEndpoint tokens) {
        this.platform = platform;
        this.tokens = tokens;
    }

    static String lineItemsUrl(String issuer, Course course, ToolRegistration tool) {
        return issuer + "/ags/" + encode(course.id()) + "/lineitems?type_id=" + tool.typeId();
    }

    static String lineItemUrl(String issuer, LineItem item, ToolRegistration tool) {
        return issuer + "/ags/" + encode(item.course().id()) + "/lineitems/" + item.id() + "/lineitem?type_id="
                + tool.typeId();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    void routes(LtiPlatformSimulator http) {
        String container = "/ags/([^/]+)/lineitems";
        String item = container + "/(\\d+)/lineitem";
        http.route("GET", container, this::listLineItems);
        http.route("POST", container, this::createLineItem);
        http.route("GET", item, this::getLineItem);
        http.route("PUT", item, this::updateLineItem);
        http.route("DELETE", item, this::deleteLineItem);
        http.route("POST", item, ex -> {
            throw HttpProblem.badRequest("POST on a line item: scores go to the line item URL with /scores"
                    + " inserted before the query string (query was '" + ex.uri().getRawQuery() + "')");
        });
        http.route("POST", item + "/scores", this::postScore);
        http.route("GET", item + "/results", this::getResults);
    }

    // ---------------------------------------------------------------- container

    private void listLineItems(Exchange ex) {
        ToolRegistration tool = authorize(ex, Set.of(SCOPE_LINEITEM, SCOPE_LINEITEM_READONLY));
        accept(ex, LINEITEM_CONTAINER);
        Course course = course(ex);
        Map<String, String> q = ex.query();
        Stream<LineItem> items = course.lineItems().stream().filter(li -> visible(li, tool));
        if (q.containsKey("resource_link_id")) {
            items = items.filter(li -> li.resourceLinkId().equals(Optional.of(q.get("resource_link_id"))));
        }
        if (q.containsKey("tag")) {
            items = items.filter(li -> li.tag().equals(Optional.of(q.get("tag"))));
        }
        if (q.containsKey("resource_id")) {
            items = items.filter(li -> li.resourceId().equals(Optional.of(q.get("resource_id"))));
        }
        List<LineItem> all = items.toList();
        Page page = Page.of(q, all.size());
        JsonArrayBuilder array = Json.createArrayBuilder();
        all.subList(page.from(), page.to()).forEach(li -> array.add(json(li, tool)));
        page.nextLink(platform.baseUrl(), ex).ifPresent(link -> ex.addHeader("Link", link));
        ex.sendJson(200, LINEITEM_CONTAINER, array.build());
    }

    private void createLineItem(Exchange ex) {
        ToolRegistration tool = authorize(ex, Set.of(SCOPE_LINEITEM));
        contentType(ex, LINEITEM);
        Course course = course(ex);
        JsonObject body = ex.jsonObject();
        LineItem item = course.addLineItem(label(body), scoreMaximum(body), tool);
        apply(body, item, course);
        ex.sendJson(201, LINEITEM, json(item, tool));
    }

    // ---------------------------------------------------------------- item

    private void getLineItem(Exchange ex) {
        ToolRegistration tool = authorize(ex, Set.of(SCOPE_LINEITEM, SCOPE_LINEITEM_READONLY));
        accept(ex, LINEITEM);
        ex.sendJson(200, LINEITEM, json(lineItem(ex, tool), tool));
    }

    private void updateLineItem(Exchange ex) {
        ToolRegistration tool = authorize(ex, Set.of(SCOPE_LINEITEM));
        contentType(ex, LINEITEM);
        LineItem item = lineItem(ex, tool);
        JsonObject body = ex.jsonObject();
        String label = label(body);
        double max = scoreMaximum(body);
        if (body.containsKey("resourceLinkId") && item.resourceLinkId().isPresent()
                && !item.resourceLinkId().get().equals(text(body, "resourceLinkId"))) {
            throw HttpProblem.badRequest("resourceLinkId of a line item cannot change");
        }
        item.label(label).scoreMaximum(max);
        apply(body, item, item.course());
        ex.sendJson(200, LINEITEM, json(item, tool));
    }

    private void deleteLineItem(Exchange ex) {
        ToolRegistration tool = authorize(ex, Set.of(SCOPE_LINEITEM));
        LineItem item = lineItem(ex, tool);
        item.course().removeLineItem(item);
        item.course().links().stream().filter(l -> l.lineItem().equals(Optional.of(item)))
                .forEach(l -> l.lineItem(null));
        ex.noContent();
    }

    // ---------------------------------------------------------------- scores and results

    private volatile java.util.concurrent.CountDownLatch answersHeld;

    /**
     * From now on a score the platform takes is stored at once but answered only when {@code release} opens (at most
     * 5 min): a tool that dies meanwhile never learns that its score arrived. {@code null} answers at once again.
     */
    void holdAnswers(java.util.concurrent.CountDownLatch release) {
        this.answersHeld = release;
    }

    private volatile Integer refusingWith;

    /** From now on every score post is answered with this status and not taken; {@code null} takes them again. */
    void refuseScores(Integer status) {
        this.refusingWith = status;
    }

    private void postScore(Exchange ex) {
        ToolRegistration tool = authorize(ex, Set.of(SCOPE_SCORE));
        Integer refusal = refusingWith;
        if (refusal != null) {
            throw HttpProblem.of(refusal, "the gradebook is unavailable (test)");
        }
        contentType(ex, SCORE);
        LineItem item = lineItem(ex, tool);
        JsonObject body = ex.jsonObject();
        JsonValue userValue = body.get("userId");
        if (!(userValue instanceof JsonString userString) || userString.getString().isBlank()) {
            throw HttpProblem.badRequest("userId (a string) is required");
        }
        String userId = userString.getString();
        if (item.course().membership(userId).isEmpty()) {
            throw HttpProblem.badRequest("user '" + userId + "' is not a member of course " + item.course().id());
        }
        Instant timestamp = timestamp(body);
        String activity = oneOf(body, "activityProgress", ACTIVITY);
        String grading = oneOf(body, "gradingProgress", GRADING);
        Double given = number(body, "scoreGiven");
        Double max = number(body, "scoreMaximum");
        if (given != null && max == null) {
            throw HttpProblem.badRequest("scoreMaximum is required with scoreGiven");
        }
        if (given != null && given < 0) {
            throw HttpProblem.badRequest("scoreGiven must be >= 0");
        }
        if (max != null && max <= 0) {
            throw HttpProblem.badRequest("scoreMaximum must be > 0");
        }
        String comment = body.containsKey("comment") && !body.isNull("comment") ? text(body, "comment") : null;
        Score score = new Score(userId, given, max, comment, activity, grading, timestamp, body.toString());
        if (!item.accept(score)) {
            throw HttpProblem.of(409, "timestamp " + timestamp + " is not after the stored score's timestamp");
        }
        java.util.concurrent.CountDownLatch hold = answersHeld;
        if (hold != null) {
            try {
                hold.await(5, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ex.send(200, null, new byte[0]);
    }

    private void getResults(Exchange ex) {
        ToolRegistration tool = authorize(ex, Set.of(SCOPE_RESULT_READONLY));
        accept(ex, RESULT_CONTAINER);
        LineItem item = lineItem(ex, tool);
        Map<String, String> q = ex.query();
        String itemUrl = lineItemUrl(platform.baseUrl(), item, tool);
        String base = itemUrl.substring(0, itemUrl.indexOf('?'));
        List<Score> scores = item.scores().values().stream()
                .filter(s -> !q.containsKey("user_id") || s.userId().equals(q.get("user_id")))
                .sorted(java.util.Comparator.comparing(Score::userId)).toList();
        Page page = Page.of(q, scores.size());
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Score s : scores.subList(page.from(), page.to())) {
            JsonObjectBuilder result = Json.createObjectBuilder()
                    .add("id", base + "/results/" + encode(s.userId()) + "?type_id=" + tool.typeId())
                    .add("scoreOf", itemUrl)
                    .add("userId", s.userId())
                    .add("resultMaximum", item.scoreMaximum());
            s.grade().ifPresent(g -> result.add("resultScore", g * item.scoreMaximum()
                    / (s.scoreMaximum() == null ? item.scoreMaximum() : s.scoreMaximum())));
            if (s.comment() != null) {
                result.add("comment", s.comment());
            }
            array.add(result);
        }
        page.nextLink(platform.baseUrl(), ex).ifPresent(link -> ex.addHeader("Link", link));
        ex.sendJson(200, RESULT_CONTAINER, array.build());
    }

    // ---------------------------------------------------------------- checks

    private ToolRegistration authorize(Exchange ex, Set<String> scopes) {
        TokenEndpoint.AccessToken token = tokens.authorize(ex, scopes);
        ToolRegistration tool = platform.registration(token.clientId())
                .orElseThrow(() -> HttpProblem.of(401, "the token's tool is gone"));
        String typeId = ex.query().get("type_id");
        if (typeId == null) {
            throw HttpProblem.badRequest("missing type_id query parameter (keep the query string of the URL the"
                    + " platform gave)");
        }
        if (!typeId.equals(Integer.toString(tool.typeId()))) {
            throw HttpProblem.of(403, "type_id " + typeId + " is not the token's tool");
        }
        return tool;
    }

    private Course course(Exchange ex) {
        String id = ex.pathParam(1);
        return platform.findCourse(id).orElseThrow(() -> HttpProblem.of(404, "no context " + id));
    }

    private LineItem lineItem(Exchange ex, ToolRegistration tool) {
        long id = Long.parseLong(ex.pathParam(2));
        return course(ex).lineItem(id).filter(li -> visible(li, tool))
                .orElseThrow(() -> HttpProblem.of(404, "no line item " + id + " in context " + ex.pathParam(1)));
    }

    private static boolean visible(LineItem item, ToolRegistration tool) {
        return item.owner().map(o -> o == tool).orElse(true);
    }

    private static void contentType(Exchange ex, String mediaType) {
        if (!mediaType.equals(ex.mediaType())) {
            throw HttpProblem.of(415, "Content-Type must be " + mediaType + ", got '"
                    + ex.header("Content-Type").orElse("") + "'");
        }
    }

    private static void accept(Exchange ex, String mediaType) {
        Optional<String> accept = ex.header("Accept");
        if (accept.isPresent() && !accept.get().isBlank() && !accept.get().contains(mediaType)
                && !accept.get().contains("*/*") && !accept.get().contains("application/json")) {
            throw HttpProblem.of(406, "Accept must allow " + mediaType + ", got '" + accept.get() + "'");
        }
    }

    private static String label(JsonObject body) {
        if (!(body.get("label") instanceof JsonString label) || label.getString().isBlank()) {
            throw HttpProblem.badRequest("label (a non-empty string) is required");
        }
        return label.getString();
    }

    private static double scoreMaximum(JsonObject body) {
        Double max = number(body, "scoreMaximum");
        if (max == null || max <= 0) {
            throw HttpProblem.badRequest("scoreMaximum (a number > 0) is required");
        }
        return max;
    }

    private static void apply(JsonObject body, LineItem item, Course course) {
        if (body.containsKey("resourceLinkId") && !body.isNull("resourceLinkId")) {
            String linkId = text(body, "resourceLinkId");
            if (course.link(linkId).isEmpty()) {
                throw HttpProblem.badRequest("resourceLinkId '" + linkId + "' is not a link of context "
                        + course.id());
            }
            item.resourceLinkId(linkId);
        }
        if (body.containsKey("resourceId")) {
            item.resourceId(body.isNull("resourceId") ? null : text(body, "resourceId"));
        }
        if (body.containsKey("tag")) {
            item.tag(body.isNull("tag") ? null : text(body, "tag"));
        }
        if (body.containsKey("startDateTime")) {
            item.startDateTime(body.isNull("startDateTime") ? null : dateTime(body, "startDateTime"));
        }
        if (body.containsKey("endDateTime")) {
            item.endDateTime(body.isNull("endDateTime") ? null : dateTime(body, "endDateTime"));
        }
    }

    private static String dateTime(JsonObject body, String name) {
        String value = text(body, name);
        try {
            OffsetDateTime.parse(value);
            return value;
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest(name + " is not an ISO-8601 date-time with offset: '" + value + "'");
        }
    }

    private static Instant timestamp(JsonObject body) {
        if (!body.containsKey("timestamp")) {
            throw HttpProblem.badRequest("timestamp is required");
        }
        String value = text(body, "timestamp");
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest("timestamp is not an ISO-8601 date-time with offset: '" + value + "'");
        }
    }

    private static String oneOf(JsonObject body, String name, Set<String> allowed) {
        if (!(body.get(name) instanceof JsonString value) || !allowed.contains(value.getString())) {
            throw HttpProblem.badRequest(name + " must be one of " + allowed + ", got " + body.get(name));
        }
        return value.getString();
    }

    private static String text(JsonObject body, String name) {
        if (!(body.get(name) instanceof JsonString value)) {
            throw HttpProblem.badRequest(name + " must be a string, got " + body.get(name));
        }
        return value.getString();
    }

    private static Double number(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw HttpProblem.badRequest(name + " must be a number, got " + value);
        }
        return number.doubleValue();
    }

    private JsonObject json(LineItem item, ToolRegistration tool) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", lineItemUrl(platform.baseUrl(), item, tool))
                .add("label", item.label())
                .add("scoreMaximum", item.scoreMaximum());
        item.resourceLinkId().ifPresent(v -> json.add("resourceLinkId", v));
        item.resourceId().ifPresent(v -> json.add("resourceId", v));
        item.tag().ifPresent(v -> json.add("tag", v));
        item.startDateTime().ifPresent(v -> json.add("startDateTime", v));
        item.endDateTime().ifPresent(v -> json.add("endDateTime", v));
        return json.build();
    }
}
