package vn.investpulse.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.contracts.RegistryRules;

/**
 * The Apicurio Registry 2.6 (the official Maven Central distribution) as a child process of this JVM,
 * bound to 127.0.0.1, with its H2 database in a FILE under the data directory: Kafka keeps records
 * that reference schema ids, so the registry must keep those ids across restarts too.
 *
 * <p>{@link #start()} returns once {@code /health/ready} answers 200 and the global compatibility
 * rule is BACKWARD. {@link #close()} stops the process and its descendants; a JVM shutdown hook does
 * the same if the JVM exits without calling it (Ctrl-C, end of a test run).
 */
public final class EmbeddedRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRegistry.class);

    private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(180);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(200);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 40;
    /** The registry holds a few hundred schemas at most; a small heap keeps the laptop footprint low. */
    private static final String HEAP = "-Xmx384m";

    private final Path dataDir;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    private Process process;
    private Thread shutdownHook;
    /** How long our shutdown hook lets the owner close things in order before it stops the child itself. */
    private volatile Duration shutdownHookGrace = Duration.ZERO;
    private volatile CountDownLatch closed = new CountDownLatch(1);
    private RegistryDistribution distribution;
    private ClassDataArchive classData;
    private Instant launchedAt;

    /**
     * @param dataDir where the registry keeps its H2 database ({@code registry.mv.db}) and its log
     * @param port    the HTTP port on 127.0.0.1, or 0 for a free one
     */
    public EmbeddedRegistry(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = FreePorts.orFree(port);
    }

    /** Launches the registry and waits until it is ready with the BACKWARD rule in place. */
    public void start() {
        launch();
        awaitStarted();
    }

    /**
     * Launches the child process and returns at once, so the caller can start the broker meanwhile
     * (the two take a few seconds each); follow with {@link #awaitStarted()}.
     */
    public synchronized void launch() {
        if (process != null) {
            return;
        }
        launchedAt = Instant.now();
        if (!FreePorts.isFree(port)) {
            throw new IllegalStateException("Registry port " + port + " on 127.0.0.1 is already in use"
                    + " (another instance running? choose another port with PULSE_REGISTRY_PORT)");
        }
        distribution = RegistryDistribution.locate();
        classData = ClassDataArchive.forDistribution(distribution.home());
        try {
            Files.createDirectories(dataDir);
            process = new ProcessBuilder(command(distribution))
                    .directory(distribution.home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Apicurio Registry from " + distribution.home(), e);
        }
        CountDownLatch closedSignal = new CountDownLatch(1);
        closed = closedSignal;
        shutdownHook = new Thread(() -> stopAtJvmExit(closedSignal), "embedded-registry-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Waits for {@code /health/ready} (deadline 60 s), then sets the global BACKWARD compatibility rule. */
    public void awaitStarted() {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null) {
            throw new IllegalStateException("the registry was not launched");
        }
        try {
            awaitReady(current);
            RegistryRules.ensureBackwardCompatibility(apiUrl());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Apicurio Registry {} ready on {} (pid {}, data {}) in {} ms", distribution.version(), url(),
                current.pid(), dataDir, Duration.between(launchedAt, Instant.now()).toMillis());
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8081}; the web console is at {@code /ui}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The Apicurio core API, as the serdes want it: {@code http://127.0.0.1:<port>/apis/registry/v2}. */
    public String apiUrl() {
        return url() + "/apis/registry/v2";
    }

    /** The Confluent-compatible API, for Confluent clients: {@code http://127.0.0.1:<port>/apis/ccompat/v7}. */
    public String ccompatUrl() {
        return url() + "/apis/ccompat/v7";
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return dataDir.resolve("registry.log");
    }

    /** The child's process id, while it runs. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("the registry is not running");
        }
        return process.pid();
    }

    /** True while the child process is alive and answers {@code /health/ready} with 200. */
    public boolean isReady() {
        Process current;
        synchronized (this) {
            current = process;
        }
        return current != null && current.isAlive() && probe("/health/ready");
    }

    /**
     * For an owner whose own shutdown hook closes everything in order (the local runtime: services first,
     * then the registry): our hook waits up to {@code grace} for that before it stops the child itself.
     * Without it the JVM runs both hooks at once and the registry may go before the services that use it.
     */
    public void deferShutdownHook(Duration grace) {
        this.shutdownHookGrace = grace;
    }

    private void stopAtJvmExit(CountDownLatch closedSignal) {
        try {
            closedSignal.await(shutdownHookGrace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopProcess();
    }

    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        stopProcess();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook runs (or ran) anyway.
            }
            shutdownHook = null;
        }
        process = null;
        closed.countDown();
    }

    private List<String> command(RegistryDistribution distribution) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jdbcUrl = "jdbc:h2:file:" + dataDir.resolve("registry");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add(HEAP);
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xss512k");
        cmd.add("-XX:MaxMetaspaceSize=192m");
        cmd.addAll(classData.jvmFlags());
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dquarkus.http.host=127.0.0.1");
        // Persistent storage; the distribution's prod profile defaults to an in-memory H2.
        cmd.add("-Dquarkus.datasource.jdbc.url=" + jdbcUrl);
        cmd.add("-D%prod.quarkus.datasource.jdbc.url=" + jdbcUrl);
        // The distribution opens 20 H2 connections up front, sized for a server; two are plenty here.
        cmd.add("-D%prod.quarkus.datasource.jdbc.min-size=2");
        cmd.add("-D%prod.quarkus.datasource.jdbc.initial-size=2");
        cmd.add("-D%prod.quarkus.datasource.jdbc.max-size=20");
        cmd.add("-Djava.io.tmpdir=" + dataDir);
        cmd.add("-jar");
        cmd.add(distribution.requireRunnerJar().toString());
        return cmd;
    }

    private void awaitReady(Process process) {
        Instant deadline = launchedAt.plus(STARTUP_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Apicurio Registry exited with code " + process.exitValue()
                        + " during startup; last lines of " + logFile() + ":\n" + logTail());
            }
            if (probe("/health/ready")) {
                return;
            }
            try {
                process.waitFor(PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Apicurio Registry", e);
            }
        }
        throw new IllegalStateException("the Apicurio Registry on " + url() + " was not ready after "
                + STARTUP_DEADLINE.toSeconds() + " s; last lines of " + logFile() + ":\n" + logTail());
    }

    private boolean probe(String path) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url() + path))
                    .timeout(PROBE_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM to the child and its descendants, then SIGKILL whatever is still alive after a grace period. */
    private synchronized void stopProcess() {
        Process current = process;
        if (current == null) {
            return;
        }
        if (current.isAlive()) {
            if (classData.creating()) {
                LOG.info("Stopping the Apicurio Registry; on this first run it also writes its class-data archive"
                        + " for faster starts (a few seconds)");
            }
            terminate(current);
            LOG.info("Apicurio Registry on {} stopped", url());
        }
        // Ctrl-C reaches the child directly too, so it may have exited on its own: publish in both cases.
        classData.publish();
    }

    private void terminate(Process current) {
        List<ProcessHandle> descendants = current.descendants().toList();
        current.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!current.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Apicurio Registry (pid {}) did not stop within {} s: killing it", current.pid(), STOP_GRACE.toSeconds());
                current.destroyForcibly();
                current.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
