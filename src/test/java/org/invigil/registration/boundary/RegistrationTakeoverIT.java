package org.invigil.registration.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.journey.boundary.ProctoringApiIT;
import org.invigil.simulator.BrowserResponse;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LaunchRequest;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.Role;
import org.invigil.simulator.ToolRegistration;
import org.invigil.simulator.User;
import org.junit.jupiter.api.Test;

/**
 * The registration takeover, played as an attacker would: the registration page needs no login and a platform's
 * client id is public (it passes through every student's browser), so a hostile "platform" serves a configuration
 * that names the victim's issuer and answers the registration with the victim's client id. Before, Invigil then
 * pointed the victim's registration at the attacker's keys and endpoints, and launches signed by the attacker were
 * accepted as the victim's instructors. Now the victim's registration is never touched: the configuration is
 * refused, or becomes a separate registration that sees nothing of the victim's.
 */
class RegistrationTakeoverIT {

    static final String CANVAS_CLOUD = "https://canvas.instructure.com";

    @Test
    void aConfigurationFromAnotherPortOfTheVictimsHostCannotSpeakForTheVictim() throws Exception {
        try (LtiPlatformSimulator victim = LtiPlatformSimulator.start(Flavor.MOODLE);
             LtiPlatformSimulator attacker = LtiPlatformSimulator.start(Flavor.MOODLE, victim.issuer())) {
            ToolRegistration registered = LmsFlows.registerDynamically(victim);
            Victim course = victimCourse(victim, "take-1");
            JsonObject before = registrationOf(victim.issuer(), registered.clientId());

            attacker.answerNextRegistrationWithClientId(registered.clientId());
            BrowserResponse page = attacker.browser().get(attacker.registrationStartUrl(
                    DeployedTool.at("/lti/register")));
            assertEquals(400, page.status(), page.body());
            assertTrue(page.body().contains("is not the origin of its configuration URL"), page.body());
            // The attacker skips the confirmation page and posts the form itself.
            HttpResponse<String> posted = postRegistration(attacker.registrationStartUrl(
                    DeployedTool.at("/lti/register")));
            assertEquals(400, posted.statusCode(), posted.body());
            assertTrue(posted.body().contains("is not the origin of its configuration URL"), posted.body());
            assertEquals(0, attacker.requestCount("POST", "/register"),
                    "Invigil never offered itself to the attacker's registration endpoint");

            assertEquals(before, registrationOf(victim.issuer(), registered.clientId()),
                    "the victim's registration is unchanged");
            course.stillTrustedOnlyWithItsOwnKey(attacker);
        }
    }

    @Test
    void aSharedIssuerRegistrationIsNeitherChangedNorSeenByAnotherTenantOfTheIssuer() throws Exception {
        try (LtiPlatformSimulator victim = LtiPlatformSimulator.start(Flavor.CANVAS, CANVAS_CLOUD);
             LtiPlatformSimulator attacker = LtiPlatformSimulator.start(Flavor.CANVAS, CANVAS_CLOUD);
             LtiPlatformSimulator tenant = LtiPlatformSimulator.start(Flavor.CANVAS, CANVAS_CLOUD)) {
            ToolRegistration registered = LmsFlows.registerDynamically(victim);
            Victim course = victimCourse(victim, "take-2");
            JsonObject before = registrationOf(CANVAS_CLOUD, registered.clientId());

            // Canvas cloud's issuer is shared by every tenant, so a configuration naming it is accepted from any host,
            // but the registration that answers with the victim's client id is refused whole.
            attacker.answerNextRegistrationWithClientId(registered.clientId());
            BrowserResponse confirm = attacker.browser().get(attacker.registrationStartUrl(
                    DeployedTool.at("/lti/register")));
            assertEquals(200, confirm.status(), confirm.body());
            BrowserResponse copied = attacker.browser().submitForm(confirm);
            assertEquals(409, copied.status(), copied.body());
            assertTrue(copied.body().contains("only creates new registrations"), copied.body());
            assertEquals(before, registrationOf(CANVAS_CLOUD, registered.clientId()),
                    "the victim's registration is unchanged");

            // With a client id of its own, another tenant of the issuer (the attacker again, or anybody) gets a
            // registration of its own...
            ToolRegistration own = LmsFlows.registerDynamically(tenant);
            assertNotEquals(registered.clientId(), own.clientId());
            JsonObject separate = registrationOf(CANVAS_CLOUD, own.clientId());
            assertNotEquals(before.getString("id"), separate.getString("id"));
            assertEquals(before, registrationOf(CANVAS_CLOUD, registered.clientId()));

            // ...whose instructors, even in a course and link named exactly like the victim's, see none of it.
            User intruder = tenant.user(course.teacher.sub(), "Ina", "Truder");
            Course lookalike = tenant.course(course.course.id(), course.course.title())
                    .enrol(intruder, Role.INSTRUCTOR);
            ResourceLink sameLink = lookalike.resourceLink(course.link.id(), course.link.title()).gradedOutOf(100);
            String intruderToken = ProctoringApiIT.token(tenant, sameLink, intruder);
            assertNotEquals(course.examId, ProctoringApiIT.examId(intruderToken),
                    "the attacker's launch lands in an exam of its own registration");
            HttpResponse<String> sessions = ProctoringApiIT.get("/api/review/exams/" + course.examId + "/sessions",
                    intruderToken);
            assertEquals(403, sessions.statusCode(), sessions.body());

            course.stillTrustedOnlyWithItsOwnKey(tenant);
        }
    }

    @Test
    void theAdministratorsChangesOfARegistrationAreAudited() {
        String issuer = "https://audited.lms.example";
        String platform = """
                {"issuer": "%s", "clientId": "audited-client", "deploymentIds": ["d1"],
                 "authorizationEndpoint": "%s/auth", "tokenEndpoint": "%s/token", "jwksUri": "%s/keys-%s"}""";
        HttpResponse<String> created = DeployedTool.putPlatform(platform.formatted(issuer, issuer, issuer, issuer, "v1"));
        assertEquals(200, created.statusCode(), created.body());
        String id = json(created.body()).getString("id");
        HttpResponse<String> changed = DeployedTool.putPlatform(platform.formatted(issuer, issuer, issuer, issuer, "v2"));
        assertEquals(200, changed.statusCode(), changed.body());

        HttpResponse<String> audit = DeployedTool.get("/api/admin/platforms/" + id + "/audit",
                "Authorization", "Bearer " + DeployedTool.adminToken());
        assertEquals(200, audit.statusCode(), audit.body());
        List<JsonObject> entries = Json.createReader(new StringReader(audit.body())).readArray()
                .getValuesAs(JsonObject.class);
        assertEquals(List.of("platform.registered", "platform.changed"),
                entries.stream().map(e -> e.getString("action")).toList(), audit.body());
        String detail = entries.get(1).getString("detail");
        assertTrue(detail.contains("JWKS " + issuer + "/keys-v1") && detail.contains("JWKS " + issuer + "/keys-v2"),
                detail);
        assertEquals("Tool administrator (admin API)", entries.get(1).getString("actor"));
        HttpResponse<String> anonymous = DeployedTool.get("/api/admin/platforms/" + id + "/audit");
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        HttpResponse<String> unknown = DeployedTool.get("/api/admin/platforms/no-such-platform/audit",
                "Authorization", "Bearer " + DeployedTool.adminToken());
        assertEquals(404, unknown.statusCode(), unknown.body());
    }

    @Test
    void twoLmssRacingForOneLinkRegisterOnlyOne() throws Exception {
        URI link = URI.create(json(issueLink("{}").body()).getString("url"));
        try (LtiPlatformSimulator first = LtiPlatformSimulator.start(Flavor.MOODLE);
             LtiPlatformSimulator second = LtiPlatformSimulator.start(Flavor.MOODLE)) {
            BrowserResponse firstConfirm = first.browser().get(first.registrationStartUrl(link));
            BrowserResponse secondConfirm = second.browser().get(second.registrationStartUrl(link));
            assertEquals(200, firstConfirm.status(), firstConfirm.body());
            assertEquals(200, secondConfirm.status(), secondConfirm.body());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch go = new CountDownLatch(1);
                Future<BrowserResponse> a = pool.submit(() -> {
                    go.await();
                    return first.browser().submitForm(firstConfirm);
                });
                Future<BrowserResponse> b = pool.submit(() -> {
                    go.await();
                    return second.browser().submitForm(secondConfirm);
                });
                go.countDown();
                List<Integer> statuses = List.of(a.get(1, TimeUnit.MINUTES).status(),
                        b.get(1, TimeUnit.MINUTES).status()).stream().sorted().toList();
                assertEquals(List.of(200, 410), statuses, "one registration wins the link, the other is refused");
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, first.registrations().size() + second.registrations().size(),
                    "the loser was refused before Invigil offered itself to its LMS");
        }
    }

    @Test
    void aOneTimeLinkRegistersOnePlatformOnce() {
        HttpResponse<String> anonymous = DeployedTool.send(HttpRequest.newBuilder(
                        DeployedTool.at("/api/admin/registration-links")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(401, anonymous.statusCode(), anonymous.body());

        HttpResponse<String> issued = issueLink("{\"validHours\": 2, \"label\": \"Moodle of the Law Faculty\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        URI link = URI.create(json(issued.body()).getString("url"));
        assertTrue(link.getPath().startsWith("/lti/register/links/"), link.toString());

        try (LtiPlatformSimulator first = LtiPlatformSimulator.start(Flavor.MOODLE);
             LtiPlatformSimulator second = LtiPlatformSimulator.start(Flavor.MOODLE)) {
            BrowserResponse confirm = first.browser().get(first.registrationStartUrl(link));
            assertEquals(200, confirm.status(), confirm.body());
            BrowserResponse done = first.browser().submitForm(confirm);
            assertEquals(200, done.status(), done.body());
            assertTrue(done.body().contains(first.onlyRegistration().clientId()), done.body());

            BrowserResponse again = second.browser().get(second.registrationStartUrl(link));
            assertEquals(410, again.status(), again.body());
            assertTrue(again.body().contains("was already used"), again.body());
            assertEquals(0, second.requestCount("GET", "/.well-known/openid-configuration"),
                    "a used link fetches nothing");

            URI forged = URI.create(link.toString().substring(0, link.toString().lastIndexOf('/') + 1) + "forged");
            BrowserResponse unknown = second.browser().get(second.registrationStartUrl(forged));
            assertEquals(404, unknown.status(), unknown.body());
        }
        HttpResponse<String> listed = DeployedTool.get("/api/admin/registration-links",
                "Authorization", "Bearer " + DeployedTool.adminToken());
        assertEquals(200, listed.statusCode(), listed.body());
        JsonObject used = Json.createReader(new StringReader(listed.body())).readArray().getValuesAs(JsonObject.class)
                .stream().filter(l -> "Moodle of the Law Faculty".equals(l.getString("label", null))).findFirst()
                .orElseThrow();
        assertTrue(used.containsKey("usedAt") && used.containsKey("platformId"), used.toString());
        assertTrue(!listed.body().contains(link.getPath().substring("/lti/register/links/".length())),
                "the link's secret is shown once, never listed");

        HttpResponse<String> tooLong = issueLink("{\"validHours\": 100000}");
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        HttpResponse<String> notANumber = issueLink("{\"validHours\": \"soon\"}");
        assertEquals(400, notANumber.statusCode(), notANumber.body());
    }

    // ---------------------------------------------------------------- the victim

    /** A victim course with an exam whose instructor reaches its attempts. */
    record Victim(LtiPlatformSimulator lms, User teacher, Course course, ResourceLink link, String examId) {

        /** The victim's own launches still work; one signed by the attacker's key is refused. */
        void stillTrustedOnlyWithItsOwnKey(LtiPlatformSimulator attacker) throws Exception {
            BrowserResponse forged = lms.launch(LaunchRequest.resourceLink(link).as(teacher)
                    .signWith(attacker.keys().current(), attacker.keys().current().getKeyID())).run();
            assertEquals(401, forged.status(), forged.body());
            String token = ProctoringApiIT.token(lms, link, teacher);
            HttpResponse<String> sessions = ProctoringApiIT.get("/api/review/exams/" + examId + "/sessions", token);
            assertEquals(200, sessions.statusCode(), sessions.body());
        }
    }

    static Victim victimCourse(LtiPlatformSimulator lms, String id) {
        User teacher = lms.user(id + "-t", "Vic", "Tim");
        Course course = lms.course(id, "Victim course " + id).enrol(teacher, Role.INSTRUCTOR)
                .enrol(lms.user(id + "-s", "Stu", "Dent"), Role.LEARNER);
        ResourceLink link = course.resourceLink(id + "-link", "Final exam").gradedOutOf(100);
        String token = ProctoringApiIT.token(lms, link, teacher);
        return new Victim(lms, teacher, course, link, ProctoringApiIT.examId(token));
    }

    // ---------------------------------------------------------------- helpers

    static JsonObject registrationOf(String issuer, String clientId) {
        HttpResponse<String> list = DeployedTool.get("/api/admin/platforms",
                "Authorization", "Bearer " + DeployedTool.adminToken());
        assertEquals(200, list.statusCode(), list.body());
        JsonArray all = Json.createReader(new StringReader(list.body())).readArray();
        List<JsonObject> matching = all.getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("issuer").equals(issuer) && p.getString("clientId").equals(clientId))
                .toList();
        assertEquals(1, matching.size(), list.body());
        return matching.get(0);
    }

    /** Posts the registration form with the parameters of an LMS's registration start URL. */
    static HttpResponse<String> postRegistration(URI startUrl) {
        String form = startUrl.getRawQuery();
        return DeployedTool.send(HttpRequest.newBuilder(DeployedTool.at("/lti/register"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    static HttpResponse<String> issueLink(String body) {
        return DeployedTool.send(HttpRequest.newBuilder(DeployedTool.at("/api/admin/registration-links"))
                .header("Authorization", "Bearer " + DeployedTool.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
