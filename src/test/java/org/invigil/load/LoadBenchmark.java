package org.invigil.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.invigil.DeployedTool;
import org.invigil.LmsFlows;
import org.invigil.ToolProcess;
import org.invigil.simulator.Flavor;
import org.invigil.simulator.LtiPlatformSimulator;

/**
 * The end-to-end load benchmark ({@code mvn -q -Pload package}): the built WAR on Payara Micro in a process of its
 * own ({@link ToolProcess}, embedded Derby under {@code target/load/}), the platform simulator registered by Dynamic
 * Registration, and for each number of students N of a ladder a {@link Cohort} of N students brought to monitoring
 * over HTTP, then a {@link MonitoringPhase} in which each of them uploads real face pictures every 3 s and events,
 * some with a second person appearing. Prints per step one line
 * {@code bench load students=N uploads=… errors=… p50_ms=… p99_ms=… frame_to_incident_p99_ms=… cpu_cores_used=…}
 * (after a {@code bench load info} line with the details), stops at the first step that does not hold (an error, or
 * p99 of 1000 ms or more), then {@code bench load held students=<largest N that held>} and the README's table.
 * Loopback only; everything it starts it stops. Timing lives here, never in tests.
 * <p>
 * System properties: {@code load.ladder} (default {@value #LADDER}), {@code load.step-seconds} (60),
 * {@code load.warmup-seconds} (30; 0 for none), {@code load.second-face-share} (0.1), {@code load.heap} (Payara's
 * {@code -Xmx}, 2g), {@code load.setup-threads} (4: students brought to monitoring at once),
 * {@code load.client-threads} (8: the HTTP client's executor during the phase), {@code load.tool-options} (more
 * options for Invigil's JVM, e.g. {@code -Dinvigil.vision.queue=32}; none),
 * set by the {@code load} profile's properties of the same names.
 */
public final class LoadBenchmark {

    static final String LADDER = "25,50,100,200,400,800,1000";
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    /** How long the phase waits for the gate scores and then for Invigil to fall quiet before it measures. */
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(120);
    private static final double QUIET_CORES = 0.3;
    /** Longest time one step may take to bring its students to monitoring. */
    private static final Duration SETUP_LIMIT = Duration.ofMinutes(20);
    /** The seed of the students' rhythm: which second, which jitter, when the second person comes. */
    private static final long SEED = 13;

    private final List<Integer> ladder;
    private final Duration step;
    private final Duration warmUp;
    private final double secondFaceShare;
    private final String heap;
    private final int setupThreads;
    private final int clientThreads;
    private final List<String> toolOptions;
    private final List<String> table = new ArrayList<>();

    private LoadBenchmark() {
        ladder = Arrays.stream(System.getProperty("load.ladder", LADDER).split("[,\\s]+")).filter(s -> !s.isBlank())
                .map(Integer::parseInt).toList();
        step = Duration.ofSeconds(Integer.getInteger("load.step-seconds", 60));
        warmUp = Duration.ofSeconds(Integer.getInteger("load.warmup-seconds", 30));
        secondFaceShare = Double.parseDouble(System.getProperty("load.second-face-share", "0.1"));
        heap = System.getProperty("load.heap", "2g");
        setupThreads = Integer.getInteger("load.setup-threads", 4);
        clientThreads = Integer.getInteger("load.client-threads", 8);
        toolOptions = Arrays.stream(System.getProperty("load.tool-options", "").trim().split("\\s+"))
                .filter(option -> !option.isBlank()).toList();
        if (step.toSeconds() < 20) {
            throw new IllegalArgumentException("load.step-seconds must be at least 20: the second person appears"
                    + " between 20 % and 60 % of the step and stays for three pictures");
        }
        if (ladder.isEmpty() || ladder.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("load.ladder must list numbers of students, e.g. " + LADDER);
        }
    }

    public static void main(String[] args) throws Exception {
        // the platform simulator logs every 4xx it answers at INFO; the figures are what this prints
        Logger.getLogger("").setLevel(Level.WARNING);
        Arrays.stream(Logger.getLogger("").getHandlers()).forEach(handler -> handler.setLevel(Level.WARNING));
        int status;
        try {
            new LoadBenchmark().run();
            status = 0;
        } catch (Exception | Error e) {
            System.out.println("bench load failed: " + e);
            e.printStackTrace(System.out);
            status = 1;
        }
        System.out.flush();
        // Payara is stopped by its shutdown hook should anything still run; no other thread keeps the JVM
        System.exit(status);
    }

    private void run() throws Exception {
        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        byte[] key = new byte[32];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        String masterKey = Base64.getEncoder().encodeToString(key);
        byte[] admin = new byte[16];
        random.nextBytes(admin);
        String adminToken = HexFormat.of().formatHex(admin);
        // ProctoringApiIT's helpers, shared with the integration tests, find the tool and its key here
        System.setProperty("invigil.it.master-key", masterKey);
        System.setProperty("invigil.it.admin-token", adminToken);

        List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-Dinvigil.admin.token=" + adminToken,
                "-Dinvigil.master-key=" + masterKey));
        options.addAll(toolOptions);
        ToolProcess tool = new ToolProcess(BASEDIR.resolve("target/load"), options);
        System.out.printf(Locale.ROOT, "bench load info cores=%d cpu=\"%s\" java=%s payara_micro=%s heap=%s "
                        + "database=embedded-derby load_average=%.2f ladder=%s step_s=%d warmup_s=%d "
                        + "second_face_share=%.2f setup_threads=%d client_threads=%d tool_options=\"%s\"%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"),
                ToolProcess.payaraMicroVersion(), heap, loadAverage, ladder.stream().map(String::valueOf)
                        .collect(Collectors.joining(",")), step.toSeconds(), warmUp.toSeconds(), secondFaceShare,
                setupThreads, clientThreads, String.join(" ", toolOptions));
        System.out.println("bench load info identity=\"checked against a reference photo the instructor uploads"
                + " (PUT /api/exams/{exam}/references/{user}), one photo of Grace Hopper for every student; liveness"
                + " check off in the exam's settings\"");

        long starting = System.nanoTime();
        tool.start("load");
        System.setProperty("invigil.it.base-url", tool.base().toString());
        DeployedTool.base(); // past the start-up gate: database migrated, face models loaded
        System.out.printf(Locale.ROOT, "bench load info started_s=%d pid=%d log=%s%n",
                Duration.ofNanos(System.nanoTime() - starting).toSeconds(), tool.pid(),
                BASEDIR.relativize(tool.log("load")));

        ExecutorService setup = Executors.newFixedThreadPool(setupThreads, daemons("load-setup"));
        ExecutorService answers = Executors.newFixedThreadPool(clientThreads, daemons("load-http"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(2, daemons("load-timer"));
        timer.setRemoveOnCancelPolicy(true);
        HttpClient client = HttpClient.newBuilder().executor(answers).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        LtiPlatformSimulator lms = LtiPlatformSimulator.start(Flavor.MOODLE);
        try {
            LmsFlows.registerDynamically(lms);
            WebcamFrames pictures = WebcamFrames.make(24);
            System.out.printf(Locale.ROOT, "bench load info platform=moodle-simulator registration=dynamic "
                    + "frame_bytes=%d frame=grace_hopper_640x480 second_face=grace_hopper_and_astronaut_640x480%n",
                    pictures.averageAloneBytes());
            ProcessCpu payara = ProcessCpu.of(tool.pid());
            ProcessCpu generator = ProcessCpu.self();
            Random rhythm = new Random(SEED);
            if (!warmUp.isZero()) {
                Cohort cohort = Cohort.enrol(lms, "load-warm-up", 5, pictures, setup, SETUP_LIMIT);
                MonitoringPhase.Figures figures = MonitoringPhase.run(cohort, tool.base(), client, timer, pictures,
                        warmUp, secondFaceShare, rhythm, payara, generator);
                cohort.end(setup);
                System.out.printf(Locale.ROOT, "bench load info warm-up students=5 seconds=%d uploads=%d errors=%d "
                        + "(not counted)%n", warmUp.toSeconds(), figures.uploads(), figures.errorCount());
            }
            int held = 0;
            for (int students : ladder) {
                Cohort cohort = Cohort.enrol(lms, "load-" + students, students, pictures, setup, SETUP_LIMIT);
                String settled = settle(cohort, payara);
                MonitoringPhase.Figures figures = MonitoringPhase.run(cohort, tool.base(), client, timer, pictures,
                        step, secondFaceShare, rhythm, payara, generator);
                int endFailures = cohort.end(setup);
                int setupFailures = cohort.failures().size();
                int errors = figures.errorCount() + setupFailures;
                boolean stepHeld = figures.held() && setupFailures == 0;
                report(students, cohort, settled, figures, setupFailures, endFailures);
                System.out.printf(Locale.ROOT, "bench load students=%d uploads=%d errors=%d p50_ms=%.1f p99_ms=%.1f "
                                + "frame_to_incident_p99_ms=%.0f cpu_cores_used=%.2f%n", students, figures.uploads(),
                        errors, figures.p50Ms(), figures.p99Ms(), figures.incidentP99Ms(), figures.payaraCores());
                table.add(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.1f | %.1f | %.0f | %.2f | %.2f |",
                        students, figures.uploads(), errors, figures.refused(), figures.p50Ms(), figures.p99Ms(),
                        figures.incidentP99Ms(), figures.payaraCores(), figures.clientCores()));
                if (!stepHeld) {
                    break;
                }
                held = students;
            }
            System.out.println("bench load held students=" + held);
            printTable(held, loadAverage);
        } finally {
            // Invigil first: its outbox may still be posting scores to the platform
            tool.kill();
            lms.close();
            timer.shutdownNow();
            setup.shutdownNow();
            answers.shutdownNow();
        }
    }

    /**
     * Waits, bounded, until the platform has every student's gate score (posted by Invigil's outbox once the student
     * is ready) and then until Invigil falls quiet, so that the setup's after-work does not count in the phase.
     */
    private static String settle(Cohort cohort, ProcessCpu payara) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + SETTLE_LIMIT.toNanos();
        while (cohort.gateScores() < cohort.students().size() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        int gateScores = cohort.gateScores();
        double cores;
        do {
            long before = payara.nanos();
            long from = System.nanoTime();
            Thread.sleep(2000);
            cores = ProcessCpu.cores(before, payara.nanos(), System.nanoTime() - from);
        } while (cores >= QUIET_CORES && System.nanoTime() < deadline);
        return String.format(Locale.ROOT, "gate_scores=%d/%d settled_s=%d quiet_cores=%.2f", gateScores,
                cohort.students().size(), Duration.ofNanos(System.nanoTime() - started).toSeconds(), cores);
    }

    private static void report(int students, Cohort cohort, String settled, MonitoringPhase.Figures figures,
                               int setupFailures, int endFailures) {
        String identity = cohort.identityOutcomes().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
        String errors = figures.errors().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
        System.out.printf(Locale.ROOT, "bench load info students=%d setup_s=%d monitoring=%d setup_failures=%d "
                        + "identity=%s %s frames=%d events=%d refused_503=%d errors_by_kind=%s frame_p99_ms=%.1f "
                        + "event_p99_ms=%.1f over_1s=%d slowest=%s max_in_flight=%d timer_lag_p99_ms=%.1f "
                        + "second_face_students=%d "
                        + "incident_missed=%d incident_from_second_frame_p99_ms=%.0f review_ask_errors=%d "
                        + "end_failures=%d client_cpu_cores_used=%.2f load_average=%.2f%n",
                students, Duration.ofNanos(cohort.setupNanos()).toSeconds(), cohort.students().size(), setupFailures,
                identity.isEmpty() ? "none" : identity, settled, figures.frames(), figures.events(),
                figures.refused(), errors.isEmpty() ? "none" : errors, figures.frameP99Ms(), figures.eventP99Ms(),
                figures.overOneSecond(), figures.slowest().stream().map(String::valueOf)
                        .collect(Collectors.joining(",")), figures.maxInFlight(), figures.timerLagP99Ms(), figures.watched(), figures.missed(),
                figures.incidentFromSecondP99Ms(), figures.askErrors(), endFailures, figures.clientCores(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        cohort.failures().stream().distinct().limit(3).forEach(failure ->
                System.out.println("bench load info setup_failure " + failure));
        figures.samples().forEach(sample -> System.out.println("bench load info error_sample " + sample));
    }

    /** The run's figures as the README's table, headed by the day and the machine: pasted, never typed. */
    private void printTable(int held, double loadAverage) throws IOException {
        System.out.println();
        System.out.println("<!-- pasted from `" + command() + "` -->");
        System.out.printf(Locale.ROOT, "Measured on %s, %d cores (%s), Java %s, Payara Micro %s with -Xmx%s, embedded "
                        + "Derby%s, load average %.2f at the start; %d s per step after a %d s warm-up, a picture every"
                        + " 3 s per student, %.0f %% of the students with a second person for three pictures; identity"
                        + " checked against an uploaded reference photo, liveness off:%n%n",
                LocalDate.now(ZoneOffset.UTC), Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.version"), ToolProcess.payaraMicroVersion(), heap,
                toolOptions.isEmpty() ? "" : ", " + String.join(" ", toolOptions), loadAverage,
                step.toSeconds(), warmUp.toSeconds(), secondFaceShare * 100);
        System.out.println("| Students | Uploads | Errors | of them 503 | p50 ms | p99 ms | Frame → incident p99 ms"
                + " | Invigil cores | Load generator cores |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        table.forEach(System.out::println);
        System.out.println();
        System.out.println("Held: " + (held == 0 ? "no step" : held + " students")
                + " (zero errors and p99 under 1000 ms).");
    }

    /** The command that reproduces this run: the profile and the properties given that differ from the defaults. */
    private String command() {
        StringBuilder command = new StringBuilder("mvn -q -Pload package");
        Map<String, String> defaults = Map.of("load.ladder", LADDER, "load.step-seconds", "60",
                "load.warmup-seconds", "30", "load.second-face-share", "0.1", "load.heap", "2g",
                "load.setup-threads", "4", "load.client-threads", "8", "load.tool-options", "");
        defaults.keySet().stream().sorted().forEach(name -> {
            String value = System.getProperty(name);
            if (value != null && !value.equals(defaults.get(name))) {
                String quoted = value.matches("\\S+") ? value : "'" + value + "'";
                command.append(" -D").append(name).append('=').append(quoted);
            }
        });
        return command.toString();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("CPU unknown");
        } catch (IOException | RuntimeException unreadable) {
            return "CPU unknown";
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
