package org.invigil.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class NamesAndRolesTest {

    private static HttpResponse<String> get(FakeTool tool, String url, String token, String accept) {
        return tool.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", accept).build());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void moodleAnswersShortRolesUsernameAndNoPicture() throws Exception {
        try (LtiPlatformSimulator lms = LtiPlatformSimulator.start(Flavor.MOODLE);
                FakeTool tool = new FakeTool(lms, "client-1")) {
            lms.registerTool(tool.registration());
            User stu = lms.user("3", "Stu", "Dent").username("student1").email("student1@example.com");
            User tea = lms.user("2", "Tea", "Cher");
            Course course = lms.course("2", "Chemistry").enrol(stu, Role.LEARNER).enrol(tea, Role.INSTRUCTOR);
            String url = NamesAndRoles.membershipsUrl(lms.issuer(), course);
            String token = tool.accessToken(NamesAndRoles.SCOPE);

            HttpResponse<String> response = get(tool, url, token, NamesAndRoles.MEMBERSHIP_CONTAINER);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject member = json(response).getJsonArray("members").getJsonObject(0);
            assertEquals("Active", member.getString("status"));
            assertEquals("Learner", member.getJsonArray("roles").getString(0));
            assertEquals("3", member.getString("user_id"));
            assertEquals("Stu Dent", member.getString("name"));
            assertEquals("student1", member.getString("ext_user_username"));
            assertFalse(member.containsKey("picture"));
            assertEquals("2", json(response).getJsonObject("context").getString("id"));

            JsonObject learners = json(get(tool, url + "?role=http%3A%2F%2Fpurl.imsglobal.org%2Fvocab%2Flis%2Fv2"
                    + "%2Fmembership%23Instructor", token, NamesAndRoles.MEMBERSHIP_CONTAINER));
            assertEquals(1, learners.getJsonArray("members").size());
            assertEquals("2", learners.getJsonArray("members").getJsonObject(0).getString("user_id"));

            HttpResponse<String> page = get(tool, url + "?limit=1", token, NamesAndRoles.MEMBERSHIP_CONTAINER);
            assertEquals(1, json(page).getJsonArray("members").size());
            String link = page.headers().firstValue("Link").orElseThrow();
            assertTrue(link.contains("from=1") && link.endsWith("rel=\"next\""), link);

            assertEquals(406, get(tool, url, token, "application/json").statusCode());
            assertEquals(403, get(tool, url, tool.accessToken(AssignmentAndGradeService.SCOPE_SCORE),
                    NamesAndRoles.MEMBERSHIP_CONTAINER).statusCode());
        }
    }

    @Test
    void canvasAnswersLongRolesAndPicture() throws Exception {
        try (LtiPlatformSimulator lms = LtiPlatformSimulator.start(Flavor.CANVAS);
                FakeTool tool = new FakeTool(lms, "10000000000001")) {
            lms.registerTool(tool.registration().privacyLevel("public"));
            User stu = lms.user("abc", "Stu", "Dent");
            Course course = lms.course("c1", "Chemistry").enrol(stu, Role.LEARNER);
            JsonObject member = json(get(tool, NamesAndRoles.membershipsUrl(lms.issuer(), course),
                    tool.accessToken(NamesAndRoles.SCOPE), NamesAndRoles.MEMBERSHIP_CONTAINER))
                    .getJsonArray("members").getJsonObject(0);
            assertEquals(Role.LEARNER.uri(), member.getJsonArray("roles").getString(0));
            assertEquals(stu.picture().toString(), member.getString("picture"));
            assertFalse(member.containsKey("ext_user_username"));
        }
    }
}
