package org.invigil.journey.boundary;

import static org.invigil.journey.boundary.ProctoringApiIT.get;
import static org.invigil.journey.boundary.ProctoringApiIT.json;
import static org.invigil.journey.boundary.ProctoringApiIT.post;
import static org.invigil.journey.boundary.ProctoringApiIT.postJpeg;
import static org.invigil.journey.boundary.ProctoringApiIT.postJson;
import static org.invigil.journey.boundary.ProctoringApiIT.put;
import static org.invigil.journey.boundary.ProctoringApiIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.invigil.LmsFlows;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.Role;
import org.invigil.simulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the identity and liveness steps through the real API of the real WAR, with real photos: another person
 * making the liveness movements, frames for steps the server has not given or has closed (a clip recorded beforehand),
 * a copy of the reference photo held to the camera, and identity captures sent in parallel to get past the attempt
 * limit.
 */
public class LivenessIT {

    static LtiPlatformSimulator lms;
    static ResourceLink exam;
    static User teacher;
    static String staff;

    @BeforeAll
    static void examWithReferences() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacher = lms.user("70", "Tea", "Cher");
        Course course = lms.course("70", "Biology 101").enrol(teacher, Role.INSTRUCTOR);
        for (int i = 71; i <= 74; i++) {
            course.enrol(lms.user(Integer.toString(i), "Stu", "Dent" + i), Role.LEARNER);
        }
        exam = LmsFlows.deepLinkExam(lms, course, teacher, "Biology final");
        staff = token(lms, exam, teacher);
        for (int i = 71; i <= 74; i++) {
            assertEquals(200, put("/api/exams/" + ProctoringApiIT.examId(staff) + "/references/" + i, staff,
                    TestPictures.referencePhoto()).statusCode());
        }
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    @Test
    void anotherPersonMakingTheMovementsFailsAsADifferentFace() throws Exception {
        String student = token(lms, exam, lms.findUser("71").orElseThrow());
        String id = atIdentity(student);
        JsonObject identity = json(postJpeg(path(id, "/identity"), student, TestPictures.referencePerson(), null));
        assertEquals("verified", identity.getString("status"), identity.toString());
        JsonObject challenge = json(post(path(id, "/liveness"), student));
        String challengeId = challenge.getString("challenge");
        for (int k = 0; k < challenge.getInt("stepCount"); k++) {
            for (int frame = 0; frame < challenge.getInt("framesPerStep"); frame++) {
                assertEquals(204, postJpeg(path(id, "/liveness/" + challengeId + "/frames?step=" + k), student,
                        TestPictures.anotherPerson(), null).statusCode());
            }
            if (k + 1 < challenge.getInt("stepCount")) {
                json(post(path(id, "/liveness/" + challengeId + "/next"), student));
            }
        }
        JsonObject liveness = json(post(path(id, "/liveness/" + challengeId + "/complete"), student));
        assertFalse(liveness.getBoolean("passed"), liveness.toString());
        assertTrue(liveness.getString("message").contains("not the face of your identity check"), liveness.toString());
        JsonObject report = json(get(path(id, "/report"), student));
        assertTrue(report.getJsonArray("incidents").getValuesAs(JsonObject.class).stream()
                .anyMatch(i -> i.getString("rule").equals("different-person")), "recorded: " + report);
    }

    @Test
    void framesForAStepNotYetGivenOrAlreadyClosedAreRefused() throws Exception {
        String student = token(lms, exam, lms.findUser("72").orElseThrow());
        String id = atIdentity(student);
        json(postJpeg(path(id, "/identity"), student, TestPictures.referencePerson(), null));
        JsonObject challenge = json(post(path(id, "/liveness"), student));
        String frames = "/liveness/" + challenge.getString("challenge") + "/frames?step=";
        assertEquals(0, challenge.getJsonObject("step").getInt("index"));
        long window = challenge.getJsonObject("step").getJsonNumber("windowSeconds").longValue();
        // a clip recorded beforehand, posted for every step at once
        HostileInputIT.problem(postJpeg(path(id, frames + 1), student, TestPictures.referencePerson(), null), 409,
                "liveness_step_not_issued", "has not been given yet");
        HostileInputIT.problem(postJpeg(path(id, frames + 2), student, TestPictures.referencePerson(), null), 409,
                "liveness_step_not_issued", "has not been given yet");
        assertEquals(204, postJpeg(path(id, frames + 0), student, TestPictures.referencePerson(), null).statusCode());
        JsonObject next = json(post(path(id, "/liveness/" + challenge.getString("challenge") + "/next"), student));
        assertEquals(1, next.getInt("index"));
        HostileInputIT.problem(postJpeg(path(id, frames + 0), student, TestPictures.referencePerson(), null), 409,
                "liveness_step_closed", "no longer takes pictures");
        assertEquals(204, postJpeg(path(id, frames + 1), student, TestPictures.referencePerson(), null).statusCode());
        Thread.sleep((window + 1) * 1000);
        HostileInputIT.problem(postJpeg(path(id, frames + 1), student, TestPictures.referencePerson(), null), 409,
                "liveness_step_closed", "after it is given");
        json(post(path(id, "/liveness/" + challenge.getString("challenge") + "/next"), student));
        HostileInputIT.problem(post(path(id, "/liveness/" + challenge.getString("challenge") + "/next"), student), 409,
                "liveness_no_more_steps", "finish the challenge");
    }

    @Test
    void aCopyOfTheReferencePhotoIsReviewedByAPersonNotMatched() throws Exception {
        String student = token(lms, exam, lms.findUser("73").orElseThrow());
        String id = atIdentity(student);
        JsonObject identity = json(postJpeg(path(id, "/identity"), student, TestPictures.referencePhoto(), null));
        assertEquals("needs-review", identity.getString("status"), identity.toString());
        assertTrue(identity.getString("message").contains("copy of your reference photo"), identity.toString());
    }

    @Test
    void parallelIdentityCapturesCannotGoPastTheAttemptLimit() throws Exception {
        String student = token(lms, exam, lms.findUser("74").orElseThrow());
        String id = atIdentity(student);
        int limit = json(get(path(id, ""), student)).getJsonObject("identity").getInt("attemptsLeft");
        int parallel = limit + 3;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            byte[] other = TestPictures.thirdPerson();
            Callable<HttpResponse<String>> capture = () -> {
                start.await();
                return sentUntilTaken(() -> postJpeg(path(id, "/identity"), student, other, null));
            };
            answers.add(pool.submit(capture));
        }
        start.countDown();
        int counted = 0;
        List<String> seen = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            seen.add(response.statusCode() + " " + response.body().replaceAll("\"session\":.*", ""));
            assertTrue(response.statusCode() == 200 || response.statusCode() == 409, response.statusCode() + ": "
                    + response.body());
            counted += response.statusCode() == 200 ? 1 : 0;
            if (response.statusCode() == 409) {
                HostileInputIT.assertProblem(response);
            }
        }
        pool.shutdown();
        JsonObject session = json(get(path(id, ""), student));
        assertTrue(counted <= limit, counted + " captures counted against a limit of " + limit + ": " + seen);
        assertFalse(session.getString("state").equals("identity"), "the last attempt hands over to a person: "
                + session);
        assertEquals("needs-review", session.getJsonObject("identity").getString("status"), session.toString());
    }

    /**
     * Sends a picture again while the analysis is busy, as the browser does with a picture it kept: on a small CI
     * machine a burst of parallel captures can find every analysis slot taken.
     */
    private static HttpResponse<String> sentUntilTaken(Callable<HttpResponse<String>> send) throws Exception {
        for (int attempt = 0;; attempt++) {
            HttpResponse<String> response = send.call();
            if (response.statusCode() != 503 || !response.body().contains("analysis_busy") || attempt == 30) {
                return response;
            }
            HostileInputIT.assertProblem(response);
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            assertNotNull(retryAfter, "a busy answer says when to send again");
            Thread.sleep(Long.parseLong(retryAfter) * 1000);
        }
    }

    /** Consent and camera check done: the student's session waits for the identity capture. */
    private static String atIdentity(String student) throws Exception {
        JsonObject session = json(get("/api/proctoring/session", student));
        String id = session.getString("id");
        json(postJson(path(id, "/consent"), student, Json.createObjectBuilder().add("decision", "accept")
                .add("version", session.getJsonObject("consent").getString("version")).build()));
        json(postJpeg(path(id, "/system-check"), student, TestPictures.referencePerson(), null));
        return id;
    }

    private static String path(String id, String tail) {
        return "/api/proctoring/sessions/" + id + tail;
    }
}
