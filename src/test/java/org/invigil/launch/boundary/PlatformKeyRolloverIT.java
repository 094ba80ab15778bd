package org.invigil.launch.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.invigil.DeployedTool;
import org.invigil.simulator.BrowserResponse;
import org.invigil.simulator.Course;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LaunchRequest;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.Role;
import org.invigil.simulator.SimulatedBrowser;
import org.invigil.simulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A platform rotates its signing key while an attacker floods the tool with id_tokens naming made-up kids: the
 * tool's JWKS cache refreshes on an unknown kid, bounded per platform, and the platform's first launch signed with
 * its new key is accepted (before, Nimbus's 30 s refresh window refused it, and every unknown kid restarted it).
 */
class PlatformKeyRolloverIT {

    static LtiPlatformSimulator lms;
    static User student;
    static ResourceLink exam;

    @BeforeAll
    static void installedInAMoodle() {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        BrowserResponse confirm = lms.browser().get(lms.registrationStartUrl(DeployedTool.at("/lti/register")));
        BrowserResponse done = lms.browser().submitForm(confirm);
        assertEquals(200, done.status(), done.body());
        lms.onlyRegistration().activate();
        student = lms.user("3", "Stu", "Dent");
        Course course = lms.course("2", "Key rollover 101").enrol(student, Role.LEARNER);
        exam = course.resourceLink("1", "Proctored exam");
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    static BrowserResponse launch(LaunchRequest request) {
        return lms.launch(request, new SimulatedBrowser()).run();
    }

    /** Launches as the platform's student, signed by a key nobody published, each naming a new kid. */
    static List<Future<BrowserResponse>> burst(ExecutorService attacker, int count) {
        List<Future<BrowserResponse>> burst = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            burst.add(attacker.submit(() -> launch(LaunchRequest.resourceLink(exam).as(student)
                    .signWith(lms.keys().foreignKey(), "forged-" + UUID.randomUUID()))));
        }
        return burst;
    }

    @Test
    void aRotatedKeyIsAcceptedAtItsFirstLaunchDespiteAnUnknownKidBurst() throws Exception {
        BrowserResponse first = launch(LaunchRequest.resourceLink(exam).as(student));
        assertEquals(200, first.status(), "the first launch fetches and caches the JWKS: " + first.body());

        ExecutorService attacker = Executors.newFixedThreadPool(6);
        List<Future<BrowserResponse>> before = burst(attacker, 12);
        for (Future<BrowserResponse> forged : before) {
            assertEquals(401, forged.get().status(), forged.get().body());
        }

        // the platform rotates; the attacker goes on while its first genuine launch arrives
        RSAKey rotated = lms.keys().rotate(true);
        List<Future<BrowserResponse>> during = burst(attacker, 12);
        long start = System.nanoTime();
        BrowserResponse genuine = launch(LaunchRequest.resourceLink(exam).as(student));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, genuine.status(), "the first launch signed with the new kid " + rotated.getKeyID()
                + " is accepted: " + genuine.body());
        assertTrue(millis < 15_000, "the genuine launch waited " + millis + " ms");

        List<Future<BrowserResponse>> all = new ArrayList<>(before);
        all.addAll(during);
        for (Future<BrowserResponse> forged : all) {
            BrowserResponse refused = forged.get();
            assertEquals(401, refused.status(), refused.body());
            assertTrue(refused.body().contains("unknown_kid"), "refused as unknown, not as unavailable: "
                    + refused.body());
        }
        attacker.shutdown();

        BrowserResponse again = launch(LaunchRequest.resourceLink(exam).as(student));
        assertEquals(200, again.status(), "the new key is cached: " + again.body());
    }
}
