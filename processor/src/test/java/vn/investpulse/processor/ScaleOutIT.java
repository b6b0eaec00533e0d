package vn.investpulse.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.observability.HealthRoutes;
import vn.investpulse.observability.Observability;
import vn.investpulse.processor.config.ProcessorConfig;
import vn.investpulse.processor.testing.AuthorityScenario;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.FxRate;
import vn.investpulse.schemas.PlanTarget;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Scale-out as in docker-compose (several processor replicas, one application id): two instances on one broker,
 * each with its own HTTP port, state directory and application.server. Every query answers the same on both
 * (interactive queries forwarded to the owner of a key); one instance stops, and the other answers everything,
 * with the same figures, within {@link #FAIL_OVER_BOUND} (standby replicas keep that short). Also checks that
 * {@code /metrics} carries the pipeline's and Kafka Streams' meters after the traffic.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class ScaleOutIT {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleOutIT.class);
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** From closing one instance to the other answering every query with the same figures. */
    private static final Duration FAIL_OVER_BOUND = Duration.ofSeconds(45);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLICATION_ID = "processor-scale-out-it";

    /** One-figure queries over several keys (sources, zone, sector, country, periods), a series and breakdowns. */
    private static final List<String> QUERIES = List.of(
            "/api/v1/indicators?source=FDI&period=2023",
            "/api/v1/indicators?source=DDI&period=2023",
            "/api/v1/indicators?source=ALL&period=2023",
            "/api/v1/indicators?source=FDI&period=2024-Q1",
            "/api/v1/indicators?source=FDI&period=2023&zone=DEEP_C",
            "/api/v1/indicators?source=FDI&period=2023&zone=VSIP",
            "/api/v1/indicators?source=FDI&period=2023&sector=C",
            "/api/v1/indicators?source=FDI&period=2023&country=KR",
            "/api/v1/indicators?source=FDI&period=2023&country=JP",
            "/api/v1/indicators/series?source=FDI&granularity=quarter&from=2023-Q1&to=2024-Q1",
            "/api/v1/indicators/series?source=DDI&granularity=month&from=2023-01&to=2023-12",
            "/api/v1/indicators/breakdown?source=FDI&period=2023&by=zone",
            "/api/v1/indicators/breakdown?source=FDI&period=2023&by=sector",
            "/api/v1/indicators/breakdown?source=FDI&period=2023&by=country");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyInstanceAnswersEveryQueryAndTheSurvivorTakesOver(EmbeddedPlatform platform, @TempDir Path stateDir) throws Exception {
        produceScenario(platform);
        try (Observability metrics = Observability.start("scale-out-it");
             Instance a = new Instance(config(platform, stateDir.resolve("a")), platform, metrics)) {
            Map<String, JsonNode> answers;
            try (Instance b = new Instance(config(platform, stateDir.resolve("b")), platform, metrics)) {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                        assertThat(a.getJson(QUERIES.get(0)).get("newProjects").asInt()).isEqualTo(62));
                // Both ready (/health/ready), each with standby copies of the other's stores.
                await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    assertThat(a.ready()).as("instance a ready").isTrue();
                    assertThat(b.ready()).as("instance b ready").isTrue();
                });
                // Same answer from both, for every query (each instance owns only some keys).
                await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                    for (String query : QUERIES) {
                        assertThat(b.getJson(query)).as(query).isEqualTo(a.getJson(query));
                    }
                });
                answers = answers(a);
                assertThat(answers.get(QUERIES.get(1)).get("totalCapitalVnd").decimalValue()).isEqualByComparingTo("23847000000000");

                String scrape = a.get("/metrics").body();
                assertThat(scrape).contains("pulse_processor_indicators_emitted_total", "pulse_processor_end_to_end_lag_seconds_count",
                        "kafka_stream_", "jvm_memory_used_bytes");
            }

            long stoppedAt = System.nanoTime();
            await().atMost(FAIL_OVER_BOUND).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
                for (String query : QUERIES) {
                    assertThat(a.getJson(query)).as(query).isEqualTo(answers.get(query));
                }
            });
            Duration failOver = Duration.ofNanos(System.nanoTime() - stoppedAt);
            LOG.info("Fail-over: the remaining instance answered all {} queries {} ms after the other stopped",
                    QUERIES.size(), failOver.toMillis());
            assertThat(failOver).isLessThan(FAIL_OVER_BOUND);
        }
    }

    private static ProcessorConfig config(EmbeddedPlatform platform, Path stateDir) throws java.io.IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return ProcessorConfig.from(new ConfigSource(Map.of(
                "PULSE_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
                "PULSE_REGISTRY_URL", platform.registryApiUrl(),
                "PULSE_APPLICATION_ID", APPLICATION_ID,
                "PULSE_STATE_DIR", stateDir.toString(),
                "PULSE_HTTP_PORT", Integer.toString(port),
                "PULSE_APPLICATION_SERVER", "127.0.0.1:" + port,
                "PULSE_NUM_STANDBY_REPLICAS", "1",
                "PULSE_EMIT_INTERVAL", "200ms")));
    }

    private Map<String, JsonNode> answers(Instance instance) throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String query : QUERIES) {
            out.put(query, instance.getJson(query));
        }
        return out;
    }

    private static void produceScenario(EmbeddedPlatform platform) {
        var topics = platform.topics();
        try (var fx = new KafkaProducer<>(producerConfig(platform), new StringSerializer(), platform.serdes().valueSerializer(topics.fxRates()));
             var plans = new KafkaProducer<>(producerConfig(platform), new StringSerializer(), platform.serdes().valueSerializer(topics.plans()));
             var events = new KafkaProducer<>(producerConfig(platform), new StringSerializer(),
                     platform.serdes().valueSerializer(topics.registrations()))) {
            for (String[] r : List.of(new String[] {"2022-01-01", AuthorityScenario.RATE_2022},
                    new String[] {"2023-01-01", AuthorityScenario.RATE_2023})) {
                fx.send(new ProducerRecord<>(topics.fxRates().name(), "USD:" + r[0], FxRate.newBuilder().setCurrency("USD")
                        .setEffectiveDate(LocalDate.parse(r[0])).setVndPerUnit(new BigDecimal(r[1]).setScale(6)).build()));
            }
            plans.send(new ProducerRecord<>(topics.plans().name(), "FDI:2023", plan(CapitalSource.FDI, 2023, AuthorityScenario.FDI_PLAN, "USD")));
            plans.send(new ProducerRecord<>(topics.plans().name(), "DDI:2023", plan(CapitalSource.DDI, 2023, AuthorityScenario.DDI_PLAN_2023, "VND")));
            for (RegistrationEvent e : AuthorityScenario.events()) {
                events.send(new ProducerRecord<>(topics.registrations().name(), e.getCertificateNo(), e));
            }
        }
    }

    private static PlanTarget plan(CapitalSource source, int year, String amount, String currency) {
        return PlanTarget.newBuilder().setCapitalSource(source).setYear(year).setAmount(new BigDecimal(amount).setScale(6))
                .setCurrency(currency).build();
    }

    private static Map<String, Object> producerConfig(EmbeddedPlatform platform) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
    }

    /** A processor instance as ProcessorMain runs it: the service, its API, health and /metrics on its own port. */
    private final class Instance implements AutoCloseable {
        final ProcessorService service;
        final Javalin app;

        Instance(ProcessorConfig config, EmbeddedPlatform platform, Observability metrics) {
            service = new ProcessorService(config, platform.topics(), platform.serdes());
            app = Javalin.create(c -> c.showJavalinBanner = false);
            HealthRoutes.register(app, service.ready(), metrics);
            service.register(app);
            service.start();
            app.start("127.0.0.1", config.httpPort());
        }

        boolean ready() throws Exception {
            return get("/health/ready").statusCode() == 200;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        JsonNode getJson(String path) throws Exception {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }

        @Override
        public void close() {
            app.stop();
            service.close();
        }
    }
}
