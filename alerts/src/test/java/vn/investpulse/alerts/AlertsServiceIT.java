package vn.investpulse.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.investpulse.alerts.config.AlertsConfig;
import vn.investpulse.alerts.json.Json;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.contracts.TopicCreator;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorSource;

/**
 * The whole service on the real broker and registry: indicators in, alerts on the topic, the query API and
 * the live stream; and a restart that restores the rules' state from the changelog. Tests share topics, so
 * each works on a year of its own.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class AlertsServiceIT {

    private static final ZoneId HAI_PHONG = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    private static Instant local(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(HAI_PHONG).toInstant();
    }

    private AlertsConfig config(EmbeddedPlatform platform, String applicationId, Path stateDir) {
        return AlertsConfig.from(new ConfigSource(Map.of(
                "PULSE_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
                "PULSE_REGISTRY_URL", platform.registryApiUrl(),
                "PULSE_ALERTS_APPLICATION_ID", applicationId,
                "PULSE_ALERTS_STATE_DIR", stateDir.toString(),
                "PULSE_ALERT_PACE_CHECK_INTERVAL", "100ms")));
    }

    private static void publish(EmbeddedPlatform platform, Indicator... indicators) throws Exception {
        TopicCreator.createMissing(TopicCreator.adminConfig(platform.bootstrapServers()), platform.topics());
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        var topic = platform.topics().indicators();
        try (var producer = new KafkaProducer<>(props, platform.serdes().keySerializer(topic), platform.serdes().valueSerializer(topic))) {
            for (Indicator indicator : indicators) {
                producer.send(new ProducerRecord<>(topic.name(), Indicators.keyOf(indicator), indicator)).get();
            }
        }
    }

    private JsonNode get(int port, String pathAndQuery, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery + " -> " + response.body()).isEqualTo(expectedStatus);
        return Json.mapper().readTree(response.body());
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("id").asText() + ":" + n.get("state").asText()));
        return out;
    }

    @Test
    void alertsReachTheTopicTheQueryApiAndTheLiveStream(EmbeddedPlatform platform) throws Exception {
        MutableClock clock = new MutableClock(local(2026, 11, 21, 9, 0));
        AlertsConfig config = config(platform, "alerts-service-it-" + UUID.randomUUID(), temp.resolve("state"));
        Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
        try (AlertsService service = new AlertsService(config, platform.topics(), platform.serdes(), clock)) {
            service.register(app);
            app.start("127.0.0.1", 0);
            int port = app.port();
            service.start();
            await().atMost(DEADLINE).until(() -> service.ready().getAsBoolean());

            // The live screen connects before anything happens.
            List<String> streamLines = new CopyOnWriteArrayList<>();
            CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/alerts/stream"))
                            .header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            HttpResponse<Stream<String>> streamResponse = stream.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(streamResponse.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
            Thread reader = new Thread(() -> streamResponse.body().forEach(streamLines::add), "sse-reader");
            reader.setDaemon(true);
            reader.start();

            publish(platform, Indicators.fdiYear(2093, "76.00", clock.instant(), "e-2093-1"));
            await().atMost(DEADLINE).until(() -> ids(get(port, "/api/v1/alerts?source=FDI&year=2093", 200)).size() == 2);
            JsonNode list = get(port, "/api/v1/alerts?source=FDI&year=2093", 200);
            assertThat(ids(list)).containsExactly("PLAN_THRESHOLD:FDI:TOTAL:2093:75:FIRING", "PLAN_THRESHOLD:FDI:TOTAL:2093:50:FIRING");
            JsonNode first = list.get(0);
            assertThat(first.get("thresholdPct").decimalValue()).isEqualByComparingTo("75");
            assertThat(first.get("progressPct").isNumber()).isTrue();
            assertThat(first.get("planAmount").decimalValue()).isEqualByComparingTo("2000000000");
            assertThat(first.get("eventId").asText()).isEqualTo("e-2093-1");
            assertThat(first.get("processedAt").asText()).isEqualTo(clock.instant().toString());
            assertThat(first.get("messageVi").asText()).isEqualTo("Vốn FDI năm 2093 đã đạt 75% kế hoạch (2 tỷ USD)");

            // A decrease later: the RESOLVED comes first, newest first.
            clock.advance(Duration.ofMinutes(5));
            publish(platform, Indicators.fdiYear(2093, "70.00", clock.instant(), "e-2093-2"));
            await().atMost(DEADLINE).until(() -> ids(get(port, "/api/v1/alerts?source=FDI&year=2093", 200)).size() == 3);
            assertThat(ids(get(port, "/api/v1/alerts?source=FDI&year=2093", 200))).first().isEqualTo("PLAN_THRESHOLD:FDI:TOTAL:2093:75:RESOLVED");
            assertThat(ids(get(port, "/api/v1/alerts?source=FDI&year=2093&state=FIRING", 200))).hasSize(2);
            assertThat(ids(get(port, "/api/v1/alerts?source=DDI&year=2093", 200))).isEmpty();

            // The stream pushed every one of them as an "alert" event with the alert's JSON.
            await().atMost(DEADLINE).until(() -> streamLines.stream().filter(l -> l.startsWith("data:") && l.contains("TOTAL:2093")).count() == 3);
            assertThat(streamLines).contains("event: alert");
            String data = streamLines.stream().filter(l -> l.startsWith("data:") && l.contains("2093:75") && l.contains("RESOLVED")).findFirst().orElseThrow();
            assertThat(Json.mapper().readTree(data.substring("data:".length())).get("messageEn").asText())
                    .isEqualTo("FDI 2093 fell back below 75% of plan (USD 2 bn): now 70.00%");

            // Malformed parameters are refused with a reason.
            assertThat(get(port, "/api/v1/alerts?source=FDI&year=23", 400).get("error").asText()).contains("year");
            assertThat(get(port, "/api/v1/alerts?source=XYZ", 400).get("error").asText()).contains("source").contains("XYZ");
            assertThat(get(port, "/api/v1/alerts?state=OPEN", 400).get("error").asText()).contains("FIRING");
            assertThat(get(port, "/api/v1/alerts?limit=0", 400).get("error").asText()).contains("limit");
        } finally {
            app.stop();
        }
    }

    @Test
    void aRestartRestoresTheRulesFromTheChangelogAndFiresNothingTwice(EmbeddedPlatform platform) throws Exception {
        // Just after midnight on 1 November 2026 in Hai Phong: October has ended, 0.8 x 10/12 = 66.67 % expected.
        // (A real recent date: the broker refuses record timestamps too far in the future.)
        MutableClock clock = new MutableClock(local(2026, 11, 1, 0, 10));
        String applicationId = "alerts-restart-it-" + UUID.randomUUID();
        String pace = "PLAN_PACE:DDI:TOTAL:2026";
        String threshold = "PLAN_THRESHOLD:FDI:RESTART_IT:2026:50";
        publish(platform,
                Indicators.year(IndicatorSource.DDI, Dimension.TOTAL, "", 2026, "10.60", Indicators.TEN_THOUSAND_BN_VND, "VND",
                        clock.instant(), "e-2026-r1"),
                Indicators.year(IndicatorSource.FDI, Dimension.ZONE, "RESTART_IT", 2026, "70.00", Indicators.TWO_BN_USD, "USD",
                        clock.instant(), "e-2026-r2"));

        try (AlertsService first = new AlertsService(config(platform, applicationId, temp.resolve("first")), platform.topics(),
                platform.serdes(), clock)) {
            first.start();
            await().atMost(DEADLINE).until(() -> count(platform, pace, "FIRING") == 1 && count(platform, threshold, "FIRING") == 1);
        }

        // A new instance on an empty state directory: the state comes back from the changelog topics.
        try (AlertsService second = new AlertsService(config(platform, applicationId, temp.resolve("second")), platform.topics(),
                platform.serdes(), clock)) {
            second.start();
            await().atMost(DEADLINE).until(() -> second.ready().getAsBoolean());
            // The same figures again (a replay) while the wall clock keeps ticking past the same month end.
            publish(platform, Indicators.year(IndicatorSource.DDI, Dimension.TOTAL, "", 2026, "10.60", Indicators.TEN_THOUSAND_BN_VND,
                    "VND", clock.instant(), "e-2026-r1"));
            clock.advance(Duration.ofHours(3));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                    count(platform, pace, "FIRING") == 1 && count(platform, threshold, "FIRING") == 1);

            // The restored state knows the year is behind: recovering resolves it.
            clock.advance(Duration.ofHours(1));
            publish(platform, Indicators.year(IndicatorSource.DDI, Dimension.TOTAL, "", 2026, "70.00", Indicators.TEN_THOUSAND_BN_VND,
                    "VND", clock.instant(), "e-2026-r3"));
            await().atMost(DEADLINE).until(() -> count(platform, pace, "RESOLVED") == 1);
            assertThat(count(platform, pace, "FIRING")).isEqualTo(1);
        }
    }

    /** How many committed alerts with this id and state the topic holds. */
    private static long count(EmbeddedPlatform platform, String id, String state) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var topic = platform.topics().alerts();
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(props, platform.serdes().keyDeserializer(topic),
                platform.serdes().valueDeserializer(topic))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long n = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                org.apache.kafka.clients.consumer.ConsumerRecords<String, Alert> records;
                try {
                    records = consumer.poll(Duration.ofMillis(200));
                } catch (org.apache.kafka.common.errors.RecordDeserializationException e) {
                    consumer.seek(e.topicPartition(), e.offset() + 1); // another test's deliberately unreadable record
                    continue;
                }
                for (ConsumerRecord<String, Alert> r : records) {
                    if (r.key().equals(id) && r.value().getState().name().equals(state)) {
                        n++;
                    }
                }
            }
            return n;
        }
    }
}
