package org.invigil.review.boundary;

import static org.invigil.journey.boundary.ProctoringApiIT.get;
import static org.invigil.journey.boundary.ProctoringApiIT.json;
import static org.invigil.journey.boundary.ProctoringApiIT.refused;
import static org.invigil.journey.boundary.ProctoringApiIT.send;
import static org.invigil.journey.boundary.ProctoringApiIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.journey.boundary.ProctoringApiIT;
import org.invigil.journey.boundary.TestPictures;
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
 * Who may review what, tried from every side: an instructor reviews their own exam and not another course's; an
 * institution Administrator and a designated integrity officer review every course of their platform but not another
 * platform's; a student opens no reviewer page and no other student's evidence.
 */
class ReviewAccessIT {

    static LtiPlatformSimulator lms;
    static LtiPlatformSimulator otherLms;
    static ResourceLink examA;
    static ResourceLink examB;
    static User teacherA;
    static User teacherB;
    static User dean;
    static User designated;
    static String sessionB;

    @BeforeAll
    static void twoCourses() throws Exception {
        lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(lms);
        teacherA = lms.user("60", "Anna", "Algebra");
        teacherB = lms.user("61", "Bert", "Biology");
        dean = lms.user("62", "Dean", "Integrity").institutionRoles(Role.ADMINISTRATOR);
        designated = lms.user("63", "Desi", "Gnated");
        Course a = lms.course("A", "Algebra").enrol(teacherA, Role.INSTRUCTOR).enrol(dean, Role.INSTRUCTOR)
                .enrol(designated, Role.INSTRUCTOR).enrol(lms.user("64", "Stu", "Algebra"), Role.LEARNER);
        Course b = lms.course("B", "Biology").enrol(teacherB, Role.INSTRUCTOR)
                .enrol(lms.user("65", "Stu", "Biology"), Role.LEARNER);
        examA = LmsFlows.deepLinkExam(lms, a, teacherA, "Algebra exam");
        examB = LmsFlows.deepLinkExam(lms, b, teacherB, "Biology exam");
        accommodate(examA, teacherA, "64");
        accommodate(examB, teacherB, "65");
        ReviewApiIT.attempt(lms, examA, "64", List.of(TestPictures.twoPeople(), TestPictures.twoPeople()));
        ReviewApiIT.attempt(lms, examB, "65", List.of(TestPictures.twoPeople(), TestPictures.twoPeople()));
        String staffB = token(lms, examB, teacherB);
        sessionB = json(get("/api/review/exams/" + ProctoringApiIT.examId(staffB) + "/sessions", staffB))
                .getJsonArray("sessions").getJsonObject(0).getString("sessionId");
        otherLms = LtiPlatformSimulator.start(Flavor.MOODLE);
        LmsFlows.registerDynamically(otherLms);
    }

    static void accommodate(ResourceLink exam, User teacher, String student) throws Exception {
        accommodate(lms, exam, teacher, student);
    }

    /** Switches identity and liveness off for the student, as an instructor would for a quick test set-up. */
    static void accommodate(LtiPlatformSimulator lms, ResourceLink exam, User teacher, String student)
            throws Exception {
        String staff = token(lms, exam, teacher);
        HttpResponse<String> done = send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/"
                        + ProctoringApiIT.examId(staff) + "/accommodations/" + student))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"checksOff\": [\"identity\", \"liveness\"]}")).build());
        assertEquals(200, done.statusCode(), done.body());
    }

    @AfterAll
    static void stop() {
        lms.close();
        otherLms.close();
    }

    @Test
    void anInstructorCannotReviewAnotherCourse() throws Exception {
        String staffA = token(lms, examA, teacherA);
        refused(get("/api/review/sessions/" + sessionB, staffA), 403, "other_exam");
        for (String action : new String[] {"pause", "resume", "end"}) {
            refused(ProctoringApiIT.postJson("/api/review/sessions/" + sessionB + "/" + action, staffA,
                    jakarta.json.Json.createObjectBuilder().add("reason", "not my course").build()), 403, "other_exam");
        }
        String staffB = token(lms, examB, teacherB);
        assertEquals(200, get("/api/review/sessions/" + sessionB, staffB).statusCode());
    }

    @Test
    void anInstitutionAdministratorReviewsEveryCourseOfThePlatform() throws Exception {
        String officer = token(lms, examA, dean);
        assertEquals(200, get("/api/review/sessions/" + sessionB, officer).statusCode(),
                "an institution Administrator is an integrity officer");
    }

    @Test
    void aDesignatedOfficerReviewsEveryCourseOnceTheToolAdministratorSaysSo() throws Exception {
        refused(get("/api/review/sessions/" + sessionB, token(lms, examA, designated)), 403, "other_exam");
        String platformId = platformOf(lms.issuer());
        HttpResponse<String> designation = send(HttpRequest.newBuilder(DeployedTool.at("/api/admin/platforms/"
                        + platformId + "/officers/63")).header("Authorization", "Bearer " + DeployedTool.adminToken())
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, designation.statusCode(), designation.body());
        assertEquals(200, get("/api/review/sessions/" + sessionB, token(lms, examA, designated)).statusCode());
    }

    @Test
    void anOfficerOfAnotherPlatformCannotReview() throws Exception {
        User outsider = otherLms.user("62", "Dean", "Elsewhere").institutionRoles(Role.ADMINISTRATOR);
        Course course = otherLms.course("Z", "Elsewhere").enrol(outsider, Role.INSTRUCTOR);
        ResourceLink exam = course.resourceLink("z1", "Elsewhere exam");
        refused(get("/api/review/sessions/" + sessionB, token(otherLms, exam, outsider)), 403, "other_exam");
    }

    @Test
    void aStudentOpensNoReviewerPageAndNoOtherStudentsEvidence() throws Exception {
        String student = token(lms, examA, lms.findUser("64").orElseThrow());
        HttpResponse<String> page = DeployedTool.get("/review/queue.xhtml?session="
                + URLEncoder.encode(student, StandardCharsets.UTF_8));
        assertEquals(403, page.statusCode(), page.body());
        assertTrue(page.body().contains("Not allowed"), page.body());
        refused(get("/api/review/sessions/" + sessionB, student), 403, "staff_only");
        refused(get("/api/proctoring/sessions/" + sessionB + "/report", student), 403, "session_not_yours");
        HttpResponse<String> picture = DeployedTool.get("/review/live-picture?attempt=" + sessionB);
        assertEquals(401, picture.statusCode(), "a live picture needs a reviewer's screen session");
        HttpResponse<String> feed = DeployedTool.get("/api/review/live");
        assertEquals(401, feed.statusCode(), "the live feed needs a reviewer's screen session: " + feed.body());
    }

    static String platformOf(String issuer) {
        return jakarta.json.Json.createReader(new java.io.StringReader(DeployedTool.get("/api/admin/platforms",
                        "Authorization", "Bearer " + DeployedTool.adminToken()).body())).readArray()
                .getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(p -> p.getString("issuer").equals(issuer)).findFirst().orElseThrow().getString("id");
    }
}
