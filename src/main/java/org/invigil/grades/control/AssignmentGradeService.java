package org.invigil.grades.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.invigil.advantage.control.PlatformServiceException;
import org.invigil.advantage.control.ServiceCall;
import org.invigil.grades.entity.LineItem;
import org.invigil.grades.entity.Result;
import org.invigil.grades.entity.Score;
import org.invigil.ids.entity.UserId;
import org.invigil.outbound.control.HttpAnswer;
import org.invigil.registration.entity.PlatformRegistration;

/** The AGS 2.0 client. */
@ApplicationScoped
public class AssignmentGradeService {

    public static final String SCOPE_LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public static final String SCOPE_LINE_ITEM_READ = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    public static final String SCOPE_RESULT_READ = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    public static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

    static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
    static final String LINE_ITEM_CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    static final String RESULT_CONTAINER = "application/vnd.ims.lis.v2.resultcontainer+json";
    static final String SCORE = "application/vnd.ims.lis.v1.score+json";
    private static final int MAX_PAGES = 50;

    @Inject
    ServiceCall service;

    @Inject
    ScoreClock scoreClock;

    /** The line items of a context, optionally only those of one resource link and tag, across every page. */
    public List<LineItem> lineItems(PlatformRegistration platform, String lineItemsUrl, Optional<String> resourceLinkId,
                                    Optional<String> tag) {
        Set<String> scopes = service.scopes(platform, Set.of(SCOPE_LINE_ITEM_READ, SCOPE_LINE_ITEM), "line items");
        StringBuilder query = new StringBuilder();
        resourceLinkId.ifPresent(id -> query.append("resource_link_id=").append(encode(id)));
        tag.ifPresent(t -> query.append(query.length() == 0 ? "" : "&").append("tag=").append(encode(t)));
        String next = withQuery(lineItemsUrl, query.toString());
        List<LineItem> items = new ArrayList<>();
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            HttpAnswer answer = service.call(platform, scopes, "line items service", ServiceCall.Method.GET,
                    service.address(next, "The line items URL"), LINE_ITEM_CONTAINER, null, null);
            for (JsonValue item : array(answer, "line items service")) {
                items.add(lineItem(item.asJsonObject()));
            }
            next = ServiceCall.nextPage(answer).orElse(null);
        }
        return items;
    }

    public LineItem create(PlatformRegistration platform, String lineItemsUrl, LineItem item) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("label", item.label())
                .add("scoreMaximum", item.scoreMaximum());
        item.resourceLinkId().ifPresent(id -> json.add("resourceLinkId", id));
        item.resourceId().ifPresent(id -> json.add("resourceId", id));
        item.tag().ifPresent(tag -> json.add("tag", tag));
        HttpAnswer answer = service.call(platform, service.scopes(platform, Set.of(SCOPE_LINE_ITEM), "line items"),
                "line items service", ServiceCall.Method.POST, service.address(lineItemsUrl, "The line items URL"),
                LINE_ITEM, LINE_ITEM, json.build().toString());
        return lineItem(object(answer, "line items service"));
    }

    /** The line item of a resource link with this tag, created if the platform has none. */
    public LineItem findOrCreate(PlatformRegistration platform, String lineItemsUrl, LineItem wanted) {
        return lineItems(platform, lineItemsUrl, wanted.resourceLinkId(), wanted.tag()).stream()
                .filter(item -> item.tag().equals(wanted.tag()) && item.resourceLinkId().equals(wanted.resourceLinkId()))
                .findFirst()
                .orElseGet(() -> create(platform, lineItemsUrl, wanted));
    }

    /**
     * Publishes a score to {@code lineItemUrl + /scores} with a timestamp later than any earlier one for this user
     * and line item.
     */
    public void publish(PlatformRegistration platform, String lineItemUrl, Score score) {
        post(platform, lineItemUrl, score.at(scoreClock.next(lineItemUrl, UserId.of(score.userId()))));
    }

    /**
     * Posts a score to {@code lineItemUrl + /scores} with the timestamp it carries (taken from {@link ScoreClock}
     * beforehand): posted again, it is the same score to the platform, which keeps one.
     */
    public void post(PlatformRegistration platform, String lineItemUrl, Score timed) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("userId", timed.userId())
                .add("activityProgress", timed.activityProgress().name())
                .add("gradingProgress", timed.gradingProgress().name())
                .add("timestamp", timed.timestamp().toString());
        timed.scoreGiven().ifPresent(given -> json.add("scoreGiven", given));
        timed.scoreMaximum().ifPresent(maximum -> json.add("scoreMaximum", maximum));
        timed.comment().ifPresent(comment -> json.add("comment", comment));
        service.call(platform, service.scopes(platform, Set.of(SCOPE_SCORE), "scores"), "scores service",
                ServiceCall.Method.POST, service.address(subResource(lineItemUrl, "scores"), "The scores URL"),
                "application/json", SCORE, json.build().toString());
    }

    public List<Result> results(PlatformRegistration platform, String lineItemUrl, Optional<String> userId) {
        Set<String> scopes = service.scopes(platform, Set.of(SCOPE_RESULT_READ), "results");
        String next = subResource(lineItemUrl, "results");
        if (userId.isPresent()) {
            next = withQuery(next, "user_id=" + encode(userId.get()));
        }
        List<Result> results = new ArrayList<>();
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            HttpAnswer answer = service.call(platform, scopes, "results service", ServiceCall.Method.GET,
                    service.address(next, "The results URL"), RESULT_CONTAINER, null, null);
            for (JsonValue value : array(answer, "results service")) {
                JsonObject result = value.asJsonObject();
                results.add(new Result(result.getString("userId", ""), number(result, "resultScore"),
                        number(result, "resultMaximum"), text(result, "comment")));
            }
            next = ServiceCall.nextPage(answer).orElse(null);
        }
        return results;
    }

    /** AGS §3.4/§3.3: the sub-resource goes at the end of the path, before any query (Moodle: {@code ?type_id=1}). */
    public static String subResource(String lineItemUrl, String name) {
        URI uri = URI.create(lineItemUrl);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String joined = (path.endsWith("/") ? path : path + "/") + name;
        return uri.getScheme() + "://" + uri.getRawAuthority() + joined
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static String withQuery(String url, String query) {
        if (query == null || query.isEmpty()) {
            return url;
        }
        int fragment = url.indexOf('#');
        String base = fragment < 0 ? url : url.substring(0, fragment);
        return base + (base.contains("?") ? "&" : "?") + query;
    }

    private static LineItem lineItem(JsonObject json) {
        double maximum = json.get("scoreMaximum") instanceof JsonNumber number ? number.doubleValue() : 0;
        try {
            return new LineItem(text(json, "id"), json.getString("label", ""), maximum, text(json, "resourceLinkId"),
                    text(json, "resourceId"), text(json, "tag"));
        } catch (IllegalArgumentException e) {
            throw new PlatformServiceException("line items service", 200, "a line item is not valid: " + e.getMessage());
        }
    }

    private static JsonArray array(HttpAnswer answer, String what) {
        JsonStructure json = parse(answer, what);
        if (json instanceof JsonArray array) {
            return array;
        }
        throw new PlatformServiceException(what, answer.status(), "expected a JSON array");
    }

    private static JsonObject object(HttpAnswer answer, String what) {
        JsonStructure json = parse(answer, what);
        if (json instanceof JsonObject object) {
            return object;
        }
        throw new PlatformServiceException(what, answer.status(), "expected a JSON object");
    }

    private static JsonStructure parse(HttpAnswer answer, String what) {
        try {
            return Json.createReader(new StringReader(answer.body())).read();
        } catch (JsonException e) {
            throw new PlatformServiceException(what, answer.status(), "the answer is not JSON");
        }
    }

    private static Optional<String> text(JsonObject json, String member) {
        return json.get(member) instanceof JsonString value ? Optional.of(value.getString()) : Optional.empty();
    }

    private static Optional<Double> number(JsonObject json, String member) {
        return json.get(member) instanceof JsonNumber value ? Optional.of(value.doubleValue()) : Optional.empty();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
