package vn.investpulse.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.processor.config.ProcessorConfig;
import vn.investpulse.processor.testing.AuthorityScenario;
import vn.investpulse.processor.testing.Registrations;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.FxRate;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.PlanTarget;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * The processor on the real broker and registry: the Authority scenario produced to the topics, figures checked
 * through the HTTP API, the service restarted on the same state directory and application id, the figures checked
 * again, and a re-sent duplicate shown to change nothing.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class ProcessorServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void figuresSurviveARestartAndDuplicatesChangeNothing(EmbeddedPlatform platform, @TempDir Path stateDir) throws Exception {
        produceScenario(platform);
        ProcessorConfig config = ProcessorConfig.from(new ConfigSource(Map.of(
                "PULSE_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
                "PULSE_REGISTRY_URL", platform.registryApiUrl(),
                "PULSE_APPLICATION_ID", "processor-it",
                "PULSE_STATE_DIR", stateDir.toString(),
                "PULSE_EMIT_INTERVAL", "200ms")));

        JsonNode before;
        try (Running run = new Running(config, platform)) {
            await().atMost(WAIT).until(() -> run.service.ready().getAsBoolean());
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(run.getJson("/api/v1/indicators?source=FDI&period=2023").get("newProjects").asInt()).isEqualTo(62));
            before = run.getJson("/api/v1/indicators?source=FDI&period=2023");
            checkReport(before);
            checkApi(run);
        }

        try (Running run = new Running(config, platform)) {
            await().atMost(WAIT).until(() -> run.service.ready().getAsBoolean());
            assertThat(run.getJson("/api/v1/indicators?source=FDI&period=2023")).isEqualTo(before);

            // A live screen connected now sees the next change.
            CompletableFuture<String> firstEvent = run.sseEventContaining("\"lastEventId\":\"F25-I5\"");
            await().atMost(Duration.ofSeconds(10)).until(() -> run.service != null && streamClients(run) > 0);

            // Re-send a 2023 registration, then (same certificate, so same partition and order) a 2025 increase.
            RegistrationEvent duplicate = AuthorityScenario.events().stream()
                    .filter(e -> e.getEventId().equals("F23-N5")).findFirst().orElseThrow();
            RegistrationEvent later = Registrations.event("F25-I5", duplicate.getCertificateNo(), EventType.CAPITAL_INCREASE,
                    "2025-02-03T09:00:00+07:00").amount("1000000").build();
            produce(platform, List.of(duplicate, later));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(run.getJson("/api/v1/indicators?source=FDI&period=2025-Q1").get("capitalIncreases").asInt()).isEqualTo(1));
            assertThat(run.getJson("/api/v1/indicators?source=FDI&period=2023")).isEqualTo(before);

            String event = firstEvent.get(30, TimeUnit.SECONDS);
            assertThat(event).startsWith("event: indicator").contains("\"lastEventId\":\"F25-I5\"");
        }
    }

    /**
     * Dirty marks live in memory and, once per series, in a changelogged store: an instance stopped before it emitted
     * leaves its marks to the next one, which emits those indicators although it never saw the events.
     */
    @Test
    void indicatorsAStoppedInstanceDidNotEmitAreEmittedByTheNextOne(EmbeddedPlatform platform, @TempDir Path stateDir) throws Exception {
        String indicators = platform.topics().indicators().name();
        Map<String, String> settings = Map.of(
                "PULSE_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
                "PULSE_REGISTRY_URL", platform.registryApiUrl(),
                "PULSE_APPLICATION_ID", "processor-it-marks",
                "PULSE_STATE_DIR", stateDir.toString());
        Map<TopicPartition, Long> before = endOffsets(platform, indicators);
        produceScenario(platform);
        Map<String, String> silent = new HashMap<>(settings);
        silent.put("PULSE_EMIT_INTERVAL", "10m"); // its first punctuation would come after the test
        try (Running run = new Running(ProcessorConfig.from(new ConfigSource(silent)), platform)) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                    assertThat(run.getJson("/api/v1/indicators?source=FDI&period=2023").get("newProjects").asInt()).isEqualTo(62));
        }
        Map<TopicPartition, Long> afterSilent = endOffsets(platform, indicators);
        assertThat(fdi2023(platform, before, afterSilent)).as("emitted by the silent instance").isEmpty();

        Map<String, String> emitting = new HashMap<>(settings);
        emitting.put("PULSE_EMIT_INTERVAL", "200ms");
        try (Running run = new Running(ProcessorConfig.from(new ConfigSource(emitting)), platform)) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(fdi2023(platform, afterSilent, endOffsets(platform, indicators)))
                            .extracting(Indicator::getNewProjects).contains(62));
        }
    }

    private static Map<TopicPartition, Long> endOffsets(EmbeddedPlatform platform, String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", platform.bootstrapServers()), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    /** The committed FDI|TOTAL||YEAR|2023 indicators written to the indicators topic between two sets of end offsets. */
    private static List<Indicator> fdi2023(EmbeddedPlatform platform, Map<TopicPartition, Long> from,
                                           Map<TopicPartition, Long> to) {
        var topics = platform.topics();
        List<Indicator> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", platform.bootstrapServers(), "isolation.level", "read_committed"),
                platform.serdes().keyDeserializer(topics.indicators()), platform.serdes().valueDeserializer(topics.indicators()))) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (from.keySet().stream().anyMatch(tp -> consumer.position(tp) < to.get(tp)) && System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    var tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < to.get(tp) && r.key().getSource().toString().equals("FDI")
                            && r.key().getDimension().toString().equals("TOTAL") && r.key().getPeriodId().equals("2023")) {
                        out.add(r.value());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void aQueryToAnInstanceThatDoesNotOwnTheIndicatorsIsForwardedToTheOwner(EmbeddedPlatform platform, @TempDir Path stateDir)
            throws Exception {
        produceScenario(platform);
        try (Running a = new Running(pairConfig(platform, stateDir.resolve("a")), platform);
             Running b = new Running(pairConfig(platform, stateDir.resolve("b")), platform)) {
            for (Running run : List.of(a, b)) {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                        assertThat(run.getJson("/api/v1/indicators?source=FDI&period=2023").get("newProjects").asInt()).isEqualTo(62));
            }
            assertThat(a.getJson("/api/v1/indicators?source=DDI&period=2023"))
                    .isEqualTo(b.getJson("/api/v1/indicators?source=DDI&period=2023"));
            assertThat(a.getJson("/api/v1/indicators/breakdown?source=FDI&period=2023&by=sector"))
                    .isEqualTo(b.getJson("/api/v1/indicators/breakdown?source=FDI&period=2023&by=sector"));
        }
    }

    /** Two instances of one application, each advertising its own HTTP address for interactive-query routing. */
    private static ProcessorConfig pairConfig(EmbeddedPlatform platform, Path stateDir) throws java.io.IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return ProcessorConfig.from(new ConfigSource(Map.of(
                "PULSE_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
                "PULSE_REGISTRY_URL", platform.registryApiUrl(),
                "PULSE_APPLICATION_ID", "processor-it-pair",
                "PULSE_STATE_DIR", stateDir.toString(),
                "PULSE_HTTP_PORT", Integer.toString(port),
                "PULSE_APPLICATION_SERVER", "127.0.0.1:" + port,
                "PULSE_EMIT_INTERVAL", "200ms")));
    }

    private static int streamClients(Running run) {
        return run.streamClients();
    }

    private static void checkReport(JsonNode fdi) {
        assertThat(fdi.get("source").asText()).isEqualTo("FDI");
        assertThat(fdi.get("period").asText()).isEqualTo("2023");
        assertThat(fdi.get("periodStart").asText()).isEqualTo("2023-01-01");
        assertThat(fdi.get("periodEnd").asText()).isEqualTo("2023-12-31");
        assertThat(fdi.get("newProjects").asInt()).isEqualTo(62);
        assertThat(fdi.get("capitalIncreases").asInt()).isEqualTo(37);
        assertThat(fdi.get("terminations").asInt()).isEqualTo(1);
        assertThat(fdi.get("totalCapitalUsd").decimalValue()).isEqualByComparingTo("3500000000");
        assertThat(fdi.get("totalCapitalVnd").decimalValue()).isEqualByComparingTo("82250000000000");
        assertThat(fdi.get("planAmount").decimalValue()).isEqualByComparingTo("2000000000");
        assertThat(fdi.get("planCurrency").asText()).isEqualTo("USD");
        assertThat(fdi.get("planProgressPct").decimalValue()).isEqualByComparingTo("175.00");
        assertThat(fdi.get("yoyGrowthPct").decimalValue()).isEqualByComparingTo("140.00");
        assertThat(fdi.get("cumulativeProjects").asInt()).isEqualTo(86);
        assertThat(fdi.get("totalCapitalUsd").isNumber()).isTrue();
        assertThat(fdi.size()).isEqualTo(24);
    }

    private static void checkApi(Running run) throws Exception {
        JsonNode ddi = run.getJson("/api/v1/indicators?source=DDI&period=2023");
        assertThat(ddi.get("totalCapitalVnd").decimalValue()).isEqualByComparingTo("23847000000000");
        assertThat(ddi.get("planProgressPct").decimalValue()).isEqualByComparingTo("238.47");
        assertThat(ddi.get("yoyGrowthPct").decimalValue()).isEqualByComparingTo("192.00");
        assertThat(run.getJson("/api/v1/indicators?source=FDI&period=2024-Q1").get("planProgressPct").decimalValue())
                .isEqualByComparingTo("10.60");
        assertThat(run.getJson("/api/v1/indicators?source=FDI&period=2023&zone=DEEP_C").get("newProjects").asInt()).isEqualTo(21);
        assertThat(run.getJson("/api/v1/indicators?source=FDI&period=2023&sector=C").get("newProjects").asInt()).isEqualTo(42);
        assertThat(run.getJson("/api/v1/indicators?source=FDI&period=2023&country=KR").get("newProjects").asInt()).isEqualTo(16);

        JsonNode empty = run.getJson("/api/v1/indicators?source=FDI&period=1999-03");
        assertThat(empty.get("newProjects").asInt()).isZero();
        assertThat(empty.get("totalCapitalUsd").decimalValue()).isEqualByComparingTo("0");

        JsonNode series = run.getJson("/api/v1/indicators/series?source=FDI&granularity=quarter&from=2023-Q1&to=2024-Q1");
        assertThat(series).hasSize(5);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < 4; i++) {
            sum = sum.add(series.get(i).get("totalCapitalUsd").decimalValue());
        }
        assertThat(sum).isEqualByComparingTo("3500000000");

        JsonNode zones = run.getJson("/api/v1/indicators/breakdown?source=FDI&period=2023&by=zone");
        assertThat(zones).hasSize(3);
        assertThat(zones.get(0).get("totalCapitalUsd").decimalValue())
                .isGreaterThanOrEqualTo(zones.get(1).get("totalCapitalUsd").decimalValue());
        BigDecimal shares = BigDecimal.ZERO;
        for (JsonNode row : zones) {
            shares = shares.add(row.get("sharePct").decimalValue());
        }
        assertThat(shares.setScale(0, RoundingMode.HALF_UP)).isEqualByComparingTo("100");

        HttpResponse<String> bad = run.get("/api/v1/indicators?source=FDI&period=2023-13");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("error").asText()).contains("month must be 01 to 12");
        assertThat(run.get("/api/v1/indicators?source=XYZ&period=2023").statusCode()).isEqualTo(400);
    }

    private static void produceScenario(EmbeddedPlatform platform) {
        var topics = platform.topics();
        try (var fx = new KafkaProducer<>(producerConfig(platform), new StringSerializer(), platform.serdes().valueSerializer(topics.fxRates()));
             var plans = new KafkaProducer<>(producerConfig(platform), new StringSerializer(), platform.serdes().valueSerializer(topics.plans()))) {
            for (String[] r : List.of(new String[]{"2022-01-01", AuthorityScenario.RATE_2022}, new String[]{"2023-01-01", AuthorityScenario.RATE_2023})) {
                fx.send(new ProducerRecord<>(topics.fxRates().name(), "USD:" + r[0], FxRate.newBuilder().setCurrency("USD")
                        .setEffectiveDate(LocalDate.parse(r[0])).setVndPerUnit(new BigDecimal(r[1]).setScale(6)).build()));
            }
            plans.send(new ProducerRecord<>(topics.plans().name(), "FDI:2023", plan(CapitalSource.FDI, 2023, AuthorityScenario.FDI_PLAN, "USD")));
            plans.send(new ProducerRecord<>(topics.plans().name(), "FDI:2024", plan(CapitalSource.FDI, 2024, AuthorityScenario.FDI_PLAN, "USD")));
            plans.send(new ProducerRecord<>(topics.plans().name(), "DDI:2023", plan(CapitalSource.DDI, 2023, AuthorityScenario.DDI_PLAN_2023, "VND")));
        }
        produce(platform, AuthorityScenario.events());
    }

    private static PlanTarget plan(CapitalSource source, int year, String amount, String currency) {
        return PlanTarget.newBuilder().setCapitalSource(source).setYear(year).setAmount(new BigDecimal(amount).setScale(6))
                .setCurrency(currency).build();
    }

    private static void produce(EmbeddedPlatform platform, List<RegistrationEvent> events) {
        var topics = platform.topics();
        try (var producer = new KafkaProducer<>(producerConfig(platform), new StringSerializer(),
                platform.serdes().valueSerializer(topics.registrations()))) {
            for (RegistrationEvent e : events) {
                producer.send(new ProducerRecord<>(topics.registrations().name(), e.getCertificateNo(), e));
            }
        }
    }

    private static Map<String, Object> producerConfig(EmbeddedPlatform platform) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
    }

    /** A ProcessorService mounted on its own Javalin on a free port, as the production main does. */
    private final class Running implements AutoCloseable {
        final ProcessorService service;
        final Javalin app;

        Running(ProcessorConfig config, EmbeddedPlatform platform) {
            service = new ProcessorService(config, platform.topics(), platform.serdes());
            app = Javalin.create(c -> c.showJavalinBanner = false);
            service.register(app);
            service.start();
            app.start("127.0.0.1", config.applicationServer() == null ? 0 : config.httpPort());
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).timeout(REQUEST_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        JsonNode getJson(String path) throws Exception {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }

        int streamClients() {
            return service.streamClients();
        }

        /**
         * Opens the SSE stream and completes with the first event whose data contains {@code text}. The stream is read
         * on a thread of its own: with {@code sendAsync(..).thenApply(read)}, a response that arrived before
         * {@code thenApply} ran made the test thread itself block in the read, waiting for an event only it would
         * cause — a hang that once took a whole CI run.
         */
        CompletableFuture<String> sseEventContaining(String text) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/indicators/stream"))
                    .header("Accept", "text/event-stream").GET().build();
            CompletableFuture<String> event = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    event.complete(readEvent(http.send(request, HttpResponse.BodyHandlers.ofInputStream()).body(), text));
                } catch (Exception | Error e) {
                    event.completeExceptionally(e);
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
            return event;
        }

        @Override
        public void close() {
            app.stop();
            service.close();
        }
    }

    private static String readEvent(InputStream body, String text) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("event:")) {
                    String event = line.replace("event:", "event: ").replace("event:  ", "event: ") + "\n" + reader.readLine();
                    if (event.contains(text)) {
                        return event;
                    }
                }
            }
            return "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
