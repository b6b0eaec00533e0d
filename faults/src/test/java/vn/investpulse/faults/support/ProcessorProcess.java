package vn.investpulse.faults.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.FreePorts;
import vn.investpulse.processor.ProcessorMain;

/**
 * The production processor ({@link ProcessorMain}) in its own JVM, on the test's class path, configured only through
 * its environment, as in production. {@link #kill()} is SIGKILL (kill -9): no shutdown hook, no clean close of
 * Kafka Streams, an open transaction left behind.
 */
public final class ProcessorProcess implements AutoCloseable {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Kafka Streams' exactly-once default (10 s) is shorter than one transaction takes on a shared 2-core machine under a
     * load average of 30 and more: the coordinator then aborts it, the producer is fenced and the task redoes the same
     * work (seen in the first runs of these tests). The fault tests are about kills and restarts, not about that, so
     * they give a transaction a minute; a restart on the same state directory fences the killed producer at once anyway.
     */
    public static final String TRANSACTION_TIMEOUT_MS = "60000";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    private final Map<String, String> env;
    private final Path logDir;
    private final int httpPort;
    private final String applicationId;
    private Process process;
    private int starts;

    /**
     * @param applicationId Kafka Streams application.id (its own consumer group and internal topics)
     * @param stateDir      the Kafka Streams state directory, kept across restarts
     */
    public ProcessorProcess(EmbeddedPlatform platform, String applicationId, Path stateDir, Path logDir) {
        this.applicationId = applicationId;
        this.logDir = logDir;
        this.httpPort = FreePorts.pick();
        this.env = new HashMap<>();
        env.put("PULSE_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers());
        env.put("PULSE_REGISTRY_URL", platform.registryApiUrl());
        env.put("PULSE_APPLICATION_ID", applicationId);
        env.put("PULSE_STATE_DIR", stateDir.toString());
        env.put("PULSE_HTTP_PORT", Integer.toString(httpPort));
        env.put("PULSE_TOPIC_PARTITIONS", Integer.toString(platform.topics().registrations().partitions()));
        // A killed member is noticed after the session timeout: keep it at the broker's minimum, so a restart
        // rebalances in seconds rather than the default 45 s.
        env.put("PULSE_KAFKA_SESSION_TIMEOUT_MS", "6000");
        env.put("PULSE_KAFKA_HEARTBEAT_INTERVAL_MS", "1500");
        env.put("PULSE_KAFKA_TRANSACTION_TIMEOUT_MS", TRANSACTION_TIMEOUT_MS);
    }

    public String applicationId() {
        return applicationId;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("processor " + applicationId + " is already running");
        }
        starts++;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Duser.timezone=America/New_York", "-cp", System.getProperty("java.class.path"), ProcessorMain.class.getName());
        pb.environment().keySet().removeIf(k -> k.startsWith("PULSE_"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(logDir.resolve(applicationId + "-" + starts + ".log").toFile());
        process = pb.start();
    }

    /** SIGKILL, then wait for the process to be gone. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** True once {@code /health/ready} answers 200 (RUNNING, stores restored, input lag ~0). */
    public boolean ready() {
        if (!isAlive()) {
            throw new IllegalStateException("processor " + applicationId + " died; see " + logDir);
        }
        try {
            return get("/health/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).timeout(HTTP_TIMEOUT).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A clean stop (SIGTERM: the shutdown hook closes Kafka Streams). */
    @Override
    public synchronized void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
