package vn.investpulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.investpulse.alerts.config.AlertsConfig;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.config.Setting;
import vn.investpulse.contracts.TopicSpec;
import vn.investpulse.contracts.Topics;
import vn.investpulse.dashboard.DashboardConfig;
import vn.investpulse.ingest.IngestConfig;
import vn.investpulse.processor.config.ProcessorConfig;
import vn.investpulse.sink.SinkConfig;

/**
 * docker-compose.yml cannot be started here (no Docker), so its contract with the code is checked instead: each
 * service sets only variables it reads (pass-through Kafka and registry client settings aside), every required
 * one, values its own config parser accepts, and the kafka-init topics are exactly those of {@link Topics}.
 */
class ComposeEnvTest {

    /** Compose's "${VAR:-default}" and "${VAR}": the test reads the file as run without an .env file. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?-([^}]*))?}");
    private static final Pattern CREATE_TOPIC = Pattern.compile(
            "--topic (\\S+) --partitions (\\d+) --replication-factor (\\d+)((?: --config \\S+)*)");
    private static final Set<String> JAVA_SERVICES = Set.of("ingest", "processor", "alerts", "sink");
    /** Inside its container every service listens on 8080, where its Dockerfile's health check asks. */
    private static final String CONTAINER_HTTP_PORT = "8080";

    private static JsonNode services;

    @BeforeAll
    static void readCompose() throws IOException {
        JsonNode compose = new YAMLMapper().readTree(SettingsTableTest.repositoryRoot().resolve("docker-compose.yml").toFile());
        services = compose.path("services");
        assertThat(services.isObject()).as("docker-compose.yml has services").isTrue();
    }

    @Test
    void everyServiceSetsOnlyVariablesItReadsAndEveryRequiredOne() {
        for (String name : JAVA_SERVICES) {
            SettingsCatalog.Service service = SettingsCatalog.service(name);
            Map<String, String> env = environment(name);
            Set<String> unknown = new LinkedHashSet<>(env.keySet());
            unknown.removeAll(service.envNames());
            unknown.removeIf(v -> !v.equals("PULSE_KAFKA_BOOTSTRAP_SERVERS")
                    && (v.startsWith(ConfigSource.KAFKA_PREFIX) || v.startsWith(ConfigSource.REGISTRY_CLIENT_PREFIX)));
            assertThat(unknown).as(name + ": variables docker-compose.yml sets but the service does not read").isEmpty();
            for (Setting<?> setting : service.settings()) {
                if (setting.required()) {
                    assertThat(env).as(name + ": required setting").containsKey(setting.env());
                }
            }
            // The defaults point at localhost: in a container the broker and the registry are elsewhere.
            assertThat(env).as(name).containsKeys("PULSE_KAFKA_BOOTSTRAP_SERVERS", "PULSE_REGISTRY_URL");
            assertThat(env.get("PULSE_KAFKA_BOOTSTRAP_SERVERS")).as(name).isEqualTo("kafka:29092");
            assertThat(env.get("PULSE_REGISTRY_URL")).as(name).isEqualTo("http://registry:8080/apis/registry/v2");
        }
    }

    @Test
    void everyServiceAcceptsItsComposeConfiguration() {
        IngestConfig ingest = IngestConfig.from(source("ingest"));
        assertThat(ingest.localMode()).as("ingest runs in production mode (token required)").isFalse();
        assertThat(ingest.httpPort()).isEqualTo(Integer.parseInt(CONTAINER_HTTP_PORT));

        ProcessorConfig processor = ProcessorConfig.from(source("processor"));
        assertThat(processor.numStandbyReplicas()).as("standby replicas keep fail-over short").isGreaterThanOrEqualTo(1);
        assertThat(processor.httpPort()).isEqualTo(Integer.parseInt(CONTAINER_HTTP_PORT));
        assertThat(processor.applicationServer()).as("set per replica by processor/Dockerfile, never in compose").isNull();

        AlertsConfig alerts = AlertsConfig.from(source("alerts"));
        assertThat(alerts.httpPort()).isEqualTo(Integer.parseInt(CONTAINER_HTTP_PORT));

        SinkConfig sink = SinkConfig.from(source("sink"));
        assertThat(sink.httpPort()).isEqualTo(Integer.parseInt(CONTAINER_HTTP_PORT));
        assertThat(sink.store().jdbcUrl()).startsWith("jdbc:postgresql://postgres:5432/");
    }

    @Test
    void kafkaInitCreatesExactlyTheTopicsOfTheRegistry() {
        String script = services.path("kafka-init").path("command").get(0).asText();
        assertThat(script).contains("--if-not-exists");
        Map<String, String> created = new TreeMap<>();
        Matcher m = CREATE_TOPIC.matcher(script);
        while (m.find()) {
            created.put(m.group(1), m.group(2) + " x" + m.group(3) + configs(m.group(4)));
        }
        int partitions = Integer.parseInt(environment("processor").get("PULSE_TOPIC_PARTITIONS"));
        for (String name : JAVA_SERVICES) {
            assertThat(environment(name).get("PULSE_TOPIC_PARTITIONS")).as(name + ": same partitions as kafka-init")
                    .isEqualTo(Integer.toString(partitions));
        }
        Map<String, String> expected = new TreeMap<>();
        for (TopicSpec<?, ?> topic : new Topics(partitions, (short) 1).all()) {
            expected.put(topic.name(), topic.partitions() + " x" + topic.replicationFactor() + new TreeMap<>(topic.configs()));
        }
        assertThat(created).isEqualTo(expected);
    }

    @Test
    void servicesWaitForHealthyDependenciesAndRestart() {
        for (String name : JAVA_SERVICES) {
            JsonNode service = services.path(name);
            assertThat(service.path("build").asText()).as(name).isEqualTo("./" + name);
            assertThat(service.path("depends_on").path("registry").path("condition").asText()).as(name).isEqualTo("service_healthy");
            assertThat(service.path("depends_on").path("kafka-init").path("condition").asText()).as(name)
                    .isEqualTo("service_completed_successfully");
        }
        assertThat(services.path("processor").path("deploy").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
    }

    /**
     * The monitoring screen in compose: the page (dashboard) reads every API from its own origin, and the "screen"
     * proxy sends each path the page reads to the service that serves it, the live streams unbuffered.
     */
    @Test
    void theScreenServesThePageAndTheApisItReadsFromOneOrigin() throws IOException {
        SettingsCatalog.Service dashboardSettings = SettingsCatalog.service("dashboard");
        assertThat(dashboardSettings.envNames()).as("dashboard: variables it reads").containsAll(environment("dashboard").keySet());
        DashboardConfig dashboard = DashboardConfig.from(source("dashboard"));
        assertThat(dashboard.httpPort()).isEqualTo(Integer.parseInt(CONTAINER_HTTP_PORT));
        assertThat(dashboard.apiBaseUrl()).as("the page reads the APIs from its own origin (the proxy)").isEmpty();

        JsonNode screen = services.path("screen");
        assertThat(screen.path("volumes").get(0).asText()).isEqualTo("./deploy/screen/nginx.conf:/etc/nginx/nginx.conf:ro");
        String nginx = Files.readString(SettingsTableTest.repositoryRoot().resolve("deploy/screen/nginx.conf"));
        Map<String, String> upstreams = new TreeMap<>();
        Matcher upstream = Pattern.compile("upstream (\\S+) \\{ server ([\\w-]+):(\\d+); }").matcher(nginx);
        while (upstream.find()) {
            assertThat(upstream.group(3)).as("upstream " + upstream.group(1)).isEqualTo(CONTAINER_HTTP_PORT);
            upstreams.put(upstream.group(1), upstream.group(2));
        }
        // Each path the page (dashboard/src/main/resources) reads, and the service that serves it.
        Map<String, String> pageReads = Map.of(
                "= /api/v1/indicators/stream", "processor", "= /api/v1/alerts/stream", "alerts",
                "/api/v1/indicators", "processor", "/api/v1/alerts", "alerts",
                "/api/v1/reference/", "ingest", "/", "dashboard");
        pageReads.forEach((location, service) -> {
            Matcher block = Pattern.compile("location " + Pattern.quote(location) + " \\{([^{}]*(?:\\{[^}]*}[^}]*)?)}").matcher(nginx);
            assertThat(block.find()).as("nginx location " + location).isTrue();
            Matcher pass = Pattern.compile("proxy_pass http://(\\w+);").matcher(block.group(1));
            assertThat(pass.find()).as("proxy_pass in " + location).isTrue();
            assertThat(upstreams.get(pass.group(1))).as(location + " goes to").isEqualTo(service);
            assertThat(services.has(service)).as("compose service " + service).isTrue();
            assertThat(screen.path("depends_on").path(service).path("condition").asText()).as("screen waits for " + service)
                    .isEqualTo("service_healthy");
            if (location.endsWith("/stream")) {
                assertThat(block.group(1)).as(location + ": server-sent events pass unbuffered").contains("proxy_buffering off;");
            }
        });
    }

    private static String configs(String flags) {
        Map<String, String> configs = new TreeMap<>();
        for (String flag : flags.trim().split("\\s*--config\\s+")) {
            if (!flag.isBlank()) {
                String[] kv = flag.trim().split("=", 2);
                configs.put(kv[0], kv[1]);
            }
        }
        return configs.toString();
    }

    private static ConfigSource source(String service) {
        return new ConfigSource(environment(service));
    }

    private static Map<String, String> environment(String service) {
        JsonNode env = services.path(service).path("environment");
        assertThat(env.isObject()).as(service + ": environment as a map").isTrue();
        Map<String, String> out = new LinkedHashMap<>();
        env.fields().forEachRemaining(e -> out.put(e.getKey(), interpolate(e.getValue().asText())));
        return out;
    }

    private static String interpolate(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
