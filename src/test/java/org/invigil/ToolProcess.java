package org.invigil;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Invigil on Payara Micro in a process of its own, started the way the README's run command starts it: plain
 * {@code java -jar payara-micro.jar --deploy target/invigil.war} on a free port, with
 * {@code pre-boot-until-deployed.asadmin} and {@code post-deploy.asadmin} (the port opens once Invigil is
 * deployed), on one runtime directory ({@code --rootdir}) and one data directory under {@code work}, kept across
 * restarts. Unlike {@link DeployedTool}, which the build starts with the Payara Micro Maven plugin, this process
 * belongs to whoever started it: {@link #kill()} ends it, and so does a shutdown hook when the JVM ends first, and
 * nothing else is ever stopped.
 */
public class ToolProcess {

    private static final Logger LOG = Logger.getLogger(ToolProcess.class.getName());
    /** Payara's start with this WAR takes 40–90 s on a loaded 2-core machine. */
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final int port;
    private final Path work;
    private final Path data;
    private final Path root;
    private final List<String> jvmOptions;
    private Process process;

    /**
     * An Invigil of its own under {@code work} (emptied first), on a free port, started with these options for its
     * JVM besides its data directory and {@code invigil.outbound.allow=127.0.0.1} (the simulators listen there),
     * e.g. {@code -Xmx768m}, {@code -Dinvigil.admin.token=...}.
     */
    public ToolProcess(Path work, List<String> jvmOptions) throws IOException {
        this.work = work;
        this.root = work.resolve("root");
        this.data = work.resolve("data");
        this.jvmOptions = List.copyOf(jvmOptions);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
    }

    public URI at(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public URI base() {
        return at("");
    }

    /** The data directory ({@code invigil.data-dir}): the embedded Derby database and the generated keys. */
    public Path data() {
        return data;
    }

    /** The operating system's id of the running Payara Micro JVM. */
    public long pid() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("Payara Micro is not running");
        }
        return process.pid();
    }

    /** The log of the start called {@code name}. */
    public Path log(String name) {
        return work.resolve("payara-" + name + ".log");
    }

    /** Starts Payara Micro on the same directories and waits until Invigil serves its keys. */
    public void start(String name) throws IOException, InterruptedException {
        Path war = BASEDIR.resolve("target/invigil.war");
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("build the WAR first (mvn package): " + war);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dinvigil.data-dir=" + data, "-Dinvigil.outbound.allow=127.0.0.1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", payaraMicroJar().toString(), "--deploy", war.toString(),
                "--contextroot", "/", "--port", Integer.toString(port), "--nocluster",
                "--rootdir", root.toString(),
                "--prebootcommandfile", BASEDIR.resolve("src/main/payara/pre-boot-until-deployed.asadmin").toString(),
                "--postdeploycommandfile", BASEDIR.resolve("src/main/payara/post-deploy.asadmin").toString()));
        Path log = log(name);
        Instant started = Instant.now();
        Process running = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process = running;
        Runtime.getRuntime().addShutdownHook(new Thread(running::destroyForcibly, "stop-payara-" + name));
        Instant deadline = started.plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro ended; see " + log);
            }
            try {
                HttpResponse<Void> keys = HTTP.send(HttpRequest.newBuilder(at("/lti/jwks.json"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (keys.statusCode() == 200) {
                    LOG.info(() -> "Invigil (" + name + " start) ready in "
                            + Duration.between(started, Instant.now()).toSeconds() + " s on port " + port);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Invigil did not serve its keys within " + START_LIMIT + "; see " + log);
    }

    /** {@code kill -9} of the process this object started: no shutdown of any kind. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The Payara Micro jar the build resolved: {@code payara.micro.version} of the pom, from the local repository. */
    public static Path payaraMicroJar() throws IOException {
        Matcher version = Pattern.compile("<payara\\.micro\\.version>([^<]+)</payara\\.micro\\.version>")
                .matcher(Files.readString(BASEDIR.resolve("pom.xml")));
        if (!version.find()) {
            throw new IllegalStateException("no payara.micro.version in " + BASEDIR.resolve("pom.xml"));
        }
        String repository = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path jar = Path.of(repository, "fish", "payara", "extras", "payara-micro", version.group(1),
                "payara-micro-" + version.group(1) + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Payara Micro is resolved by the build's payara-micro plugin (mvn verify)"
                    + " or by mvn dependency:get -Dartifact=fish.payara.extras:payara-micro:" + version.group(1)
                    + "; not found: " + jar);
        }
        return jar;
    }

    /** The version of Payara Micro that {@link #start} runs, e.g. {@code 6.2025.10}. */
    public static String payaraMicroVersion() throws IOException {
        Path jar = payaraMicroJar();
        return jar.getParent().getFileName().toString();
    }
}
