package org.invigil.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssignmentAndGradeServiceTest {
    private LtiPlatformSimulator lms;
    private FakeTool tool;
    private ResourceLink exam;
    private String itemUrl;
    private String token;

    @BeforeEach
    void start() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        tool = new FakeTool(lms, "client-1");
        ToolRegistration registration = lms.registerTool(tool.registration());
        User student = lms.user("3", "Stu", "Dent");
        exam = lms.course("2", "Chemistry 101").enrol(student, Role.LEARNER)
                .resourceLink("1", "Proctored exam").gradedOutOf(100);
        itemUrl = AssignmentAndGradeService.lineItemUrl(lms.issuer(), exam.lineItem().orElseThrow(), registration);
        token = tool.accessToken(String.join(" ", ToolRegistration.ALL_SERVICE_SCOPES));
    }

    @AfterEach
    void stop() {
        tool.close();
        lms.close();
    }

    /** Moodle's rule: insert /scores before the query string. */
    private static String scoresUrl(String lineItemUrl) {
        int q = lineItemUrl.indexOf('?');
        return lineItemUrl.substring(0, q) + "/scores" + lineItemUrl.substring(q);
    }

    private HttpResponse<String> post(String url, String type, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return tool.send(request.build());
    }

    private HttpResponse<String> get(String url) {
        return tool.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build());
    }

    private static String score(String timestamp, String grading) {
        return "{\"userId\":\"3\",\"scoreGiven\":80,\"scoreMaximum\":100,\"comment\":\"ok\",\"timestamp\":\""
                + timestamp + "\",\"activityProgress\":\"Completed\",\"gradingProgress\":\"" + grading + "\"}";
    }

    @Test
    void lineItemUrlsCarryTypeIdLikeMoodle() {
        assertTrue(itemUrl.endsWith("/lineitem?type_id=1"), itemUrl);
        HttpResponse<String> response = get(itemUrl);
        assertEquals(200, response.statusCode());
        assertEquals(AssignmentAndGradeService.LINEITEM, response.headers().firstValue("Content-Type").orElse(""));
        JsonObject item = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(itemUrl, item.getString("id"));
        assertEquals("1", item.getString("resourceLinkId"));
    }

    @Test
    void storesScoresAndRefusesOlderTimestamps() {
        String scores = scoresUrl(itemUrl);
        assertEquals(200, post(scores, AssignmentAndGradeService.SCORE, score("2030-01-01T10:00:00.100Z", "Pending"),
                token).statusCode());
        assertEquals(Optional.empty(), exam.lineItem().orElseThrow().score("3").orElseThrow().grade());
        assertEquals(409, post(scores, AssignmentAndGradeService.SCORE, score("2030-01-01T10:00:00.900Z",
                "FullyGraded"), token).statusCode());
        assertEquals(200, post(scores, AssignmentAndGradeService.SCORE, score("2030-01-01T10:00:01Z",
                "FullyGraded"), token).statusCode());
        Score stored = exam.lineItem().orElseThrow().score("3").orElseThrow();
        assertEquals(Optional.of(80.0), stored.grade());
        assertEquals("ok", stored.comment());
        JsonArray results = Json.createReader(new StringReader(get(itemUrl.replace("/lineitem?",
                "/lineitem/results?")).body())).readArray();
        assertEquals(80.0, results.getJsonObject(0).getJsonNumber("resultScore").doubleValue());
    }

    @Test
    void refusesBadScores() {
        String scores = scoresUrl(itemUrl);
        assertEquals(415, post(scores, "application/json", score("2030-01-01T10:00:00Z", "Pending"), token)
                .statusCode());
        assertEquals(400, post(scores, AssignmentAndGradeService.SCORE, score("yesterday", "Pending"), token)
                .statusCode());
        assertEquals(400, post(scores, AssignmentAndGradeService.SCORE, score("2030-01-01T10:00:00Z", "Done"), token)
                .statusCode());
        assertEquals(400, post(scores, AssignmentAndGradeService.SCORE,
                score("2030-01-01T10:00:00Z", "Pending").replace("\"3\"", "\"99\""), token).statusCode());
        assertEquals(400, post(scores.replace("?type_id=1", ""), AssignmentAndGradeService.SCORE,
                score("2030-01-01T10:00:00Z", "Pending"), token).statusCode());
        assertEquals(400, post(itemUrl + "/scores", AssignmentAndGradeService.SCORE,
                score("2030-01-01T10:00:00Z", "Pending"), token).statusCode());
    }

    @Test
    void checksBearerTokenAndScope() {
        String scores = scoresUrl(itemUrl);
        String body = score("2030-01-01T10:00:00Z", "Pending");
        assertEquals(401, post(scores, AssignmentAndGradeService.SCORE, body, null).statusCode());
        assertEquals(401, post(scores, AssignmentAndGradeService.SCORE, body, "bogus").statusCode());
        String readOnly = tool.accessToken(AssignmentAndGradeService.SCOPE_LINEITEM_READONLY);
        assertEquals(403, post(scores, AssignmentAndGradeService.SCORE, body, readOnly).statusCode());
        lms.expireAccessTokens();
        assertEquals(401, post(scores, AssignmentAndGradeService.SCORE, body, token).statusCode());
    }

    @Test
    void createsFiltersAndPagesLineItems() {
        String container = AssignmentAndGradeService.lineItemsUrl(lms.issuer(), exam.course(),
                lms.onlyRegistration());
        String item = "{\"label\":\"Integrity\",\"scoreMaximum\":1,\"resourceLinkId\":\"1\",\"tag\":\"integrity\"}";
        HttpResponse<String> created = post(container, AssignmentAndGradeService.LINEITEM, item, token);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(400, post(container, AssignmentAndGradeService.LINEITEM, "{\"label\":\"x\"}", token)
                .statusCode());
        assertEquals(415, post(container, "application/json", item, token).statusCode());

        JsonArray tagged = Json.createReader(new StringReader(get(container + "&tag=integrity").body())).readArray();
        assertEquals(1, tagged.size());
        assertEquals("Integrity", tagged.getJsonObject(0).getString("label"));

        HttpResponse<String> page = get(container + "&limit=1");
        assertEquals(1, Json.createReader(new StringReader(page.body())).readArray().size());
        String link = page.headers().firstValue("Link").orElseThrow();
        assertTrue(link.endsWith("; rel=\"next\""), link);
        String next = link.substring(1, link.indexOf('>'));
        HttpResponse<String> second = get(next);
        assertEquals(1, Json.createReader(new StringReader(second.body())).readArray().size());
        assertTrue(second.headers().firstValue("Link").isEmpty());
    }
}
