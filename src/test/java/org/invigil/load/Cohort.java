package org.invigil.load;

import static org.invigil.journey.boundary.ProctoringApiIT.get;
import static org.invigil.journey.boundary.ProctoringApiIT.post;
import static org.invigil.journey.boundary.ProctoringApiIT.postJpeg;
import static org.invigil.journey.boundary.ProctoringApiIT.postJson;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.journey.boundary.ProctoringApiIT;
import org.invigil.simulator.Course;
import org.invigil.simulator.LtiPlatformSimulator;
import org.invigil.simulator.ResourceLink;
import org.invigil.simulator.Role;
import org.invigil.simulator.User;

/**
 * One step's students, in a course and an exam of their own, brought to monitoring over HTTP as the browser client
 * brings them: the instructor adds the exam by deep linking, sets it to a picture every 3 s with the liveness check
 * off (identity, camera, browser and audio on) and uploads a reference photo for every student
 * ({@code PUT /api/exams/{exam}/references/{user}}); each student then launches from the platform simulator,
 * consents, passes the camera check, has their identity checked against that photo, starts monitoring and sends
 * the monitor's first picture (the one compared with the face of the identity check). A {@code 503} during these
 * steps is sent again after its {@code Retry-After}, as the client does.
 */
final class Cohort {

    /** How often one step of the journey is sent again after a 503 before the student counts as failed. */
    private static final int RETRIES = 30;

    private final ResourceLink exam;
    private final String staff;
    private final List<MonitoredStudent> students;
    private final Map<String, Integer> identity;
    private final List<String> failures;
    private final long setupNanos;

    /** A student at monitoring: their Invigil session, the token of their launch and the numbers they count from. */
    record MonitoredStudent(String userId, String sessionId, String token, long firstSequence, int heartbeatSeconds,
                            int frameIntervalSeconds) {
    }

    private Cohort(ResourceLink exam, String staff, List<MonitoredStudent> students, Map<String, Integer> identity,
                   List<String> failures, long setupNanos) {
        this.exam = exam;
        this.staff = staff;
        this.students = students;
        this.identity = identity;
        this.failures = failures;
        this.setupNanos = setupNanos;
    }

    /**
     * Brings {@code size} new students of a new course {@code name} to monitoring, {@code setup} threads at a time,
     * within {@code limit}; a student who could not be brought there is a failure, with its reason.
     */
    static Cohort enrol(LtiPlatformSimulator lms, String name, int size, WebcamFrames frames, ExecutorService setup,
                        Duration limit) throws Exception {
        long started = System.nanoTime();
        User teacher = lms.user(name + "-t", "Tea", "Cher " + name);
        Course course = lms.course(name, "Load " + name).enrol(teacher, Role.INSTRUCTOR);
        List<User> users = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            User student = lms.user(name + "-" + i, "Stu", "Dent " + name + "-" + i);
            course.enrol(student, Role.LEARNER);
            users.add(student);
        }
        ResourceLink exam = LmsFlows.deepLinkExam(lms, course, teacher, "Exam under load " + name,
                Map.of("frameInterval", "3"));
        String staff = ProctoringApiIT.token(lms, exam, teacher);
        String examId = ProctoringApiIT.examId(staff);
        withoutLiveness(staff, examId);

        // the instructor uploads the reference photos before the exam, then the students come
        List<Future<?>> references = new ArrayList<>();
        for (User user : users) {
            references.add(setup.submit(() -> reference(staff, examId, user, frames)));
        }
        long deadline = started + limit.toNanos();
        List<String> failures = new ArrayList<>();
        for (Future<?> reference : references) {
            try {
                reference.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException late) {
                reference.cancel(true);
                failures.add("reference photo not uploaded within " + limit.toSeconds() + " s");
            } catch (ExecutionException failed) {
                failures.add(String.valueOf(failed.getCause()));
            }
        }
        List<Future<MonitoredStudent>> entering = new ArrayList<>();
        Map<String, Integer> identity = Collections.synchronizedMap(new TreeMap<>());
        for (User user : users) {
            entering.add(setup.submit(() -> enter(lms, exam, user, frames, identity)));
        }
        List<MonitoredStudent> students = new ArrayList<>();
        for (Future<MonitoredStudent> student : entering) {
            try {
                students.add(student.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException late) {
                student.cancel(true);
                failures.add("not at monitoring within " + limit.toSeconds() + " s");
            } catch (ExecutionException failed) {
                failures.add(String.valueOf(failed.getCause()));
            }
        }
        return new Cohort(exam, staff, List.copyOf(students), Map.copyOf(identity),
                List.copyOf(failures), System.nanoTime() - started);
    }

    /** The exam's settings as they were, with a picture every 3 s and every check on but liveness. */
    private static void withoutLiveness(String staff, String examId) throws Exception {
        JsonObject settings = json(get("/api/exams/" + examId + "/settings", staff));
        JsonArrayBuilder checks = Json.createArrayBuilder();
        settings.getJsonArray("checks").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .filter(check -> !check.equals("liveness")).forEach(checks::add);
        String changed = Json.createObjectBuilder(settings).add("frameIntervalSeconds", 3).add("checks", checks)
                .build().toString();
        json(DeployedTool.send(HttpRequest.newBuilder(DeployedTool.at("/api/exams/" + examId + "/settings"))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(changed)).build()));
    }

    private static Void reference(String staff, String examId, User user, WebcamFrames frames) throws Exception {
        HttpResponse<String> reference = untilTaken(() -> ProctoringApiIT.put("/api/exams/" + examId
                + "/references/" + user.sub(), staff, frames.reference()));
        if (reference.statusCode() != 200) {
            throw new IllegalStateException("reference photo of " + user.sub() + ": " + reference.statusCode() + " "
                    + reference.body());
        }
        return null;
    }

    private static MonitoredStudent enter(LtiPlatformSimulator lms, ResourceLink exam, User user,
                                          WebcamFrames frames, Map<String, Integer> identity) throws Exception {
        int variant = user.sub().hashCode();
        String token = ProctoringApiIT.token(lms, exam, user);
        JsonObject session = json(untilTaken(() -> get("/api/proctoring/session", token)));
        String id = session.getString("id");
        String path = "/api/proctoring/sessions/" + id;
        String version = session.getJsonObject("consent").getString("version");
        json(untilTaken(() -> postJson(path + "/consent", token, Json.createObjectBuilder()
                .add("decision", "accept").add("version", version).build())));
        json(untilTaken(() -> postJpeg(path + "/system-check", token, frames.alone(variant), null)));
        JsonObject checked = json(untilTaken(() -> postJpeg(path + "/identity", token, frames.alone(variant + 1),
                null)));
        identity.merge(checked.getString("status"), 1, Integer::sum);
        JsonObject started = json(untilTaken(() -> post(path + "/start", token)));
        if (!started.getString("state").equals("monitoring")) {
            throw new IllegalStateException(user.sub() + " is " + started.getString("state")
                    + " after the identity check (" + checked.getString("status") + "), not monitoring");
        }
        JsonObject monitoring = started.getJsonObject("monitoring");
        long sequence = monitoring.getJsonNumber("nextSequence").longValue();
        // the monitor's first picture, sent as soon as monitoring starts: compared with the identity check's face
        HttpResponse<String> first = untilTaken(() -> DeployedTool.send(HttpRequest.newBuilder(DeployedTool.at(path
                        + "/frames")).header("Authorization", "Bearer " + token).header("Content-Type", "image/jpeg")
                .header("Invigil-Sequence", Long.toString(sequence))
                .header("Invigil-Captured-At", Instant.now().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(frames.alone(variant + 2))).build()));
        if (first.statusCode() != 202) {
            throw new IllegalStateException("first picture of " + user.sub() + ": " + first.statusCode() + " "
                    + first.body());
        }
        return new MonitoredStudent(user.sub(), id, token, sequence + 1, monitoring.getInt("heartbeatSeconds"),
                started.getJsonObject("exam").getInt("frameIntervalSeconds"));
    }

    /** Ends every student's monitoring, as each student would at the end of the exam; answers how many failed. */
    int end(ExecutorService setup) throws InterruptedException {
        List<Future<HttpResponse<String>>> ending = new ArrayList<>();
        for (MonitoredStudent student : students) {
            ending.add(setup.submit(() -> untilTaken(() -> post("/api/proctoring/sessions/" + student.sessionId()
                    + "/end", student.token()))));
        }
        int failed = 0;
        for (Future<HttpResponse<String>> answer : ending) {
            try {
                failed += answer.get(2, TimeUnit.MINUTES).statusCode() == 200 ? 0 : 1;
            } catch (ExecutionException | TimeoutException e) {
                failed++;
            }
        }
        return failed;
    }

    /** How many students' gate scores (the exam link's own column, 100 once ready) the platform has received. */
    int gateScores() {
        return exam.lineItem().map(item -> item.scores().size()).orElse(0);
    }

    List<MonitoredStudent> students() {
        return students;
    }

    /** The instructor's tool session token, for the review API. */
    String staff() {
        return staff;
    }

    /** What the identity check answered, e.g. {@code verified=25}. */
    Map<String, Integer> identityOutcomes() {
        return identity;
    }

    List<String> failures() {
        return failures;
    }

    long setupNanos() {
        return setupNanos;
    }

    /** Sends again after a 503, waiting what its {@code Retry-After} says, as the browser client does. */
    static HttpResponse<String> untilTaken(Callable<HttpResponse<String>> send) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = send.call();
            if (response.statusCode() != 503 || attempt == RETRIES) {
                return response;
            }
            long seconds = response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,3}"))
                    .map(Long::parseLong).orElse(2L);
            Thread.sleep(seconds * 1000);
        }
    }

    static JsonObject json(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
