package vn.investpulse.local;

import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.config.ConfigException;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.observability.HealthRoutes;
import vn.investpulse.observability.Observability;

/**
 * The all-in-one local runtime: everything on one machine, no Docker. Starts, in order and each
 * after the previous one is ready:
 * <ol>
 *   <li>a KRaft Kafka broker in this JVM (data under {@code <dataDir>/kafka}) and the Apicurio registry
 *       as a child process (persistent H2 under {@code <dataDir>/registry}, rule BACKWARD);</li>
 *   <li>every topic of the typed topic registry;</li>
 *   <li>the pipeline services of {@link PipelineServices}, in data-flow order;</li>
 *   <li>one HTTP server on {@code PULSE_HTTP_PORT} with every service's routes and
 *       {@code /health/live}, {@code /health/ready}.</li>
 * </ol>
 * Ctrl-C (SIGINT) or SIGTERM stops everything in reverse order, the registry process included. A
 * second run on the same data directory finds its topics, records and schema ids again.
 */
public final class LocalRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);
    private static final String HOST = "127.0.0.1";
    /** Kafka Streams services need a few seconds to join their group and restore state. */
    private static final Duration SERVICES_READY_DEADLINE = Duration.ofMinutes(2);
    private static final Duration READY_POLL = Duration.ofMillis(100);
    private static final Duration KAFKA_PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** Time the ordered shutdown gets before the registry's safety-net hook stops the child anyway. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
    /** Where ingest keeps the API token it generates in local mode (see ingest's ApiToken). */
    private static final String API_TOKEN_FILE = "api-token";

    private final LocalConfig config;
    private final ConfigSource userSource;
    private final ServiceFactory factory;
    private final EmbeddedPlatform platform;
    private final HealthChecks health = new HealthChecks();
    private final List<LocalService> started = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Admin probeAdmin;
    private volatile Javalin http;
    private volatile Observability metrics;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param config     the runtime's settings
     * @param userSource the settings the services read (the environment); the runtime adds its broker and registry
     * @param factory    builds the services, usually {@code PipelineServices::create}
     */
    public LocalRuntime(LocalConfig config, ConfigSource userSource, ServiceFactory factory) {
        this.config = config;
        this.userSource = userSource;
        this.factory = factory;
        this.platform = new EmbeddedPlatform(config.dataDir(), config.kafkaPort(), config.registryPort(), config.partitions());
        // Our shutdown hook stops the services before the registry; the registry's own hook only backs it up.
        platform.deferRegistryShutdownHook(SHUTDOWN_GRACE);
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        LocalConfig config;
        try {
            config = LocalConfig.from(ConfigSource.from(env));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalRuntime runtime = new LocalRuntime(config, ConfigSource.from(forServices(env)), PipelineServices::create);
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "local-runtime-stop"));
        try {
            runtime.start();
        } catch (RuntimeException e) {
            LOG.error("The local runtime could not start: {}", e.getMessage(), e);
            runtime.close();
            System.exit(1);
            return;
        }
        System.out.println(runtime.banner());
        runtime.awaitStopped();
    }

    /** Starts everything in order; returns once every component is ready (or throws, having stopped what started). */
    public void start() {
        requireOpen();
        try {
            startPlatform();
            requireOpen();
            startServices();
            requireOpen();
            startHttp();
            awaitServicesReady();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Local runtime ready in {} (JVM start to ready)", seconds(sinceJvmStart()));
    }

    /** Ctrl-C during startup closes the runtime; the remaining steps must not start anything more. */
    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the local runtime is stopping");
        }
    }

    private void startPlatform() {
        LOG.info("Starting Kafka on 127.0.0.1:{} and the schema registry on 127.0.0.1:{} (data {})",
                config.kafkaPort(), config.registryPort(), config.dataDir());
        platform.start();
        probeAdmin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_PROBE_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_PROBE_TIMEOUT.toMillis()));
        health.add("kafka", this::kafkaReady).add("registry", platform::registryReady);
    }

    private void startServices() {
        RuntimeContext context = RuntimeContext.wire(config, userSource, platform);
        List<LocalService> services = factory.create(context);
        http = Javalin.create(javalin -> javalin.showJavalinBanner = false);
        for (LocalService service : services) {
            service.register(http);
        }
        health.register(http);
        // One /metrics for the whole process: every service records on Micrometer's global registry.
        metrics = Observability.start("local-runtime");
        HealthRoutes.registerMetrics(http, metrics);
        for (LocalService service : services) {
            LOG.info("Starting {}", service.name());
            service.start();
            started.add(service);
            health.add(service.name(), service::ready);
        }
    }

    private void startHttp() {
        http.start(HOST, config.httpPort());
    }

    private void awaitServicesReady() {
        Instant deadline = Instant.now().plus(SERVICES_READY_DEADLINE);
        Map<String, Boolean> states = health.evaluate();
        while (!states.values().stream().allMatch(Boolean::booleanValue)) {
            requireOpen();
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not ready after " + SERVICES_READY_DEADLINE.toSeconds() + " s: " + states);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(READY_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the services", e);
            }
            states = health.evaluate();
        }
    }

    /** Name to readiness of every component: kafka, registry, then each service. */
    public Map<String, Boolean> readiness() {
        return health.evaluate();
    }

    public boolean ready() {
        return health.allReady();
    }

    public EmbeddedPlatform platform() {
        return platform;
    }

    public String httpUrl() {
        return "http://" + HOST + ":" + (http != null ? http.port() : config.httpPort());
    }

    /** Blocks until {@link #close()} has run (from the shutdown hook on Ctrl-C). */
    public void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops everything in reverse order: HTTP, services (last started first), registry, broker. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Stopping the local runtime");
        if (http != null) {
            quietly("HTTP server", http::stop);
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            LocalService service = started.get(i);
            quietly(service.name(), service::close);
        }
        started.clear();
        if (metrics != null) {
            quietly("metrics", metrics::close);
        }
        if (probeAdmin != null) {
            quietly("Kafka admin client", () -> probeAdmin.close(Duration.ofSeconds(5)));
        }
        quietly("Kafka and the schema registry", platform::close);
        LOG.info("Local runtime stopped");
        stopped.countDown();
    }

    String banner() {
        String registry = platform.registryUrl();
        String nl = System.lineSeparator();
        List<String> lines = new ArrayList<>(List.of(
                "",
                "invest-pulse local runtime is ready in " + seconds(sinceJvmStart()) + " (JVM start to ready)",
                "  Dashboard                      " + httpUrl() + "/",
                "  HTTP API, health, metrics      " + httpUrl() + "   " + HealthChecks.READY + "   " + HealthRoutes.METRICS,
                "  Kafka bootstrap server         " + platform.bootstrapServers(),
                "  Schema registry UI             " + registry + "/ui",
                "  Registry API (Apicurio v2)     " + platform.registryApiUrl(),
                "  Confluent-compatible API       " + platform.ccompatUrl(),
                "  Data directory                 " + config.dataDir()));
        Path token = config.dataDir().resolve(API_TOKEN_FILE);
        if (Files.isRegularFile(token)) {
            lines.add("  Ingest API token file          " + token);
        }
        lines.add("  Services                       "
                + (started.isEmpty() ? "(none)" : String.join(", ", started.stream().map(LocalService::name).toList())));
        lines.add("Press Ctrl-C to stop.");
        lines.add("");
        return String.join(nl, lines);
    }

    private boolean kafkaReady() {
        if (!platform.brokerRunning() || probeAdmin == null) {
            return false;
        }
        try {
            return !probeAdmin.describeCluster().nodes().get(KAFKA_PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** The user's environment minus the runtime's own port settings, which Kafka clients would take as client settings. */
    static Map<String, String> forServices(Map<String, String> env) {
        Map<String, String> copy = new HashMap<>(env);
        copy.remove(LocalConfig.KAFKA_PORT.env());
        return copy;
    }

    private static Duration sinceJvmStart() {
        return Duration.ofMillis(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static void quietly(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("{} did not stop cleanly: {}", what, e.toString());
        }
    }
}
