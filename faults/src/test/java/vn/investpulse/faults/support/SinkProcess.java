package vn.investpulse.faults.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.FreePorts;
import vn.investpulse.sink.SinkService;
import vn.investpulse.sink.store.StoreConfig;

/**
 * The production sink ({@link SinkService#main}) in its own JVM writing to the embedded H2 file store of
 * {@code dataDir}, configured through its environment as in production. {@link #kill()} is SIGKILL (kill -9).
 */
public final class SinkProcess implements AutoCloseable {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env = new HashMap<>();
    private final String group;
    private final Path logDir;
    private final int httpPort = FreePorts.pick();
    private Process process;
    private int starts;

    public SinkProcess(EmbeddedPlatform platform, String group, Path dataDir, int batchSize, Path logDir) {
        this.group = group;
        this.logDir = logDir;
        env.put("PULSE_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers());
        env.put("PULSE_REGISTRY_URL", platform.registryApiUrl());
        env.put("PULSE_DATA_DIR", dataDir.toString());
        env.put("PULSE_STORE_URL", StoreConfig.embeddedUrl(dataDir));
        env.put("PULSE_STORE_USER", "sa");
        env.put("PULSE_STORE_PASSWORD", "");
        env.put("PULSE_SINK_GROUP_ID", group);
        env.put("PULSE_SINK_BATCH_SIZE", Integer.toString(batchSize));
        env.put("PULSE_SINK_POLL_TIMEOUT", "200ms");
        env.put("PULSE_SINK_HTTP_PORT", Integer.toString(httpPort));
        env.put("PULSE_KAFKA_SESSION_TIMEOUT_MS", "6000");
        env.put("PULSE_KAFKA_HEARTBEAT_INTERVAL_MS", "1500");
    }

    public String group() {
        return group;
    }

    public synchronized void start() throws IOException {
        starts++;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Duser.timezone=America/New_York", "-Dlogback.configurationFile=logback-sink.xml",
                "-cp", System.getProperty("java.class.path"), SinkService.class.getName());
        pb.environment().keySet().removeIf(k -> k.startsWith("PULSE_"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(logDir.resolve(group + "-" + starts + ".log").toFile());
        process = pb.start();
    }

    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Sum of the next offsets the sink has committed in its database, from its status endpoint (-1 while it is not up). */
    public long storedOffsets() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("sink " + group + " is not running; see " + logDir);
        }
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/sink/status"))
                    .timeout(HTTP_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return -1;
            }
            long sum = 0;
            for (JsonNode n : JSON.readTree(r.body()).path("storedOffsets")) {
                sum += n.asLong();
            }
            return sum;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A clean stop (SIGTERM: the shutdown hook closes the sink and its store). */
    @Override
    public synchronized void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
