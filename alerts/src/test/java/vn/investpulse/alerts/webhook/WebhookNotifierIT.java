package vn.investpulse.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.investpulse.alerts.config.AlertsConfig;
import vn.investpulse.alerts.json.Json;
import vn.investpulse.alerts.message.AlertFactory;
import vn.investpulse.alerts.rules.PlanProgress;
import vn.investpulse.alerts.rules.PlanScope;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.contracts.TopicCreator;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.AlertState;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.DeadLetter;

/**
 * The notifier against a real broker and registry and a real local HTTP receiver. Tests share the alerts
 * topic, so each uses alerts of its own (a year no other test uses) and its own consumer group.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class WebhookNotifierIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static AlertsConfig config(EmbeddedPlatform platform, String urls, int maxAttempts) {
        return AlertsConfig.from(new ConfigSource(Map.of(
                "PULSE_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
                "PULSE_REGISTRY_URL", platform.registryApiUrl(),
                "PULSE_ALERT_WEBHOOK_URLS", urls,
                "PULSE_ALERT_WEBHOOK_MAX_ATTEMPTS", Integer.toString(maxAttempts),
                "PULSE_ALERT_WEBHOOK_BACKOFF", "20ms",
                "PULSE_ALERT_WEBHOOK_BACKOFF_MAX", "100ms",
                "PULSE_ALERT_WEBHOOK_TIMEOUT", "5s",
                "PULSE_ALERT_NOTIFIER_GROUP_ID", "notifier-it-" + UUID.randomUUID())));
    }

    /** Threshold alerts 50, 75, 100 firing and 100 resolved, for a year only this test uses. */
    private static List<Alert> alertsOf(int year) {
        AlertFactory factory = new AlertFactory(Clock.systemUTC());
        PlanScope scope = new PlanScope(CapitalSource.FDI, PlanScope.TOTAL, year);
        PlanProgress up = new PlanProgress(scope, new BigDecimal("101.00"), new BigDecimal("2000000000"), "USD",
                "e-" + year, "GCN-" + year, Instant.now(), Instant.now());
        PlanProgress down = new PlanProgress(scope, new BigDecimal("90.00"), new BigDecimal("2000000000"), "USD",
                "e-" + year + "-d", "GCN-" + year, Instant.now(), Instant.now());
        return List.of(
                factory.threshold(AlertState.FIRING, new BigDecimal("50.00"), up),
                factory.threshold(AlertState.FIRING, new BigDecimal("75.00"), up),
                factory.threshold(AlertState.FIRING, new BigDecimal("100.00"), up),
                factory.threshold(AlertState.RESOLVED, new BigDecimal("100.00"), down));
    }

    private static void publish(EmbeddedPlatform platform, List<Alert> alerts) throws Exception {
        TopicCreator.createMissing(TopicCreator.adminConfig(platform.bootstrapServers()), platform.topics());
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(props,
                platform.serdes().keySerializer(platform.topics().alerts()), platform.serdes().valueSerializer(platform.topics().alerts()))) {
            for (Alert alert : alerts) {
                producer.send(new ProducerRecord<>(platform.topics().alerts().name(), alert.getId(), alert)).get();
            }
        }
    }

    private static String key(Alert alert) {
        return alert.getId() + ":" + alert.getState() + ":" + alert.getProcessedAt().toEpochMilli();
    }

    @Test
    void everyAlertArrivesExactlyOncePerKeyEvenWhenTheNotifierIsKilledMidDelivery(EmbeddedPlatform platform) throws Exception {
        List<Alert> alerts = alertsOf(2091);
        Set<String> expected = alerts.stream().map(WebhookNotifierIT::key).collect(Collectors.toSet());
        try (RecordingWebhookServer server = new RecordingWebhookServer()) {
            AlertsConfig config = config(platform, server.url().toString(), 5);
            // The receiver sits on the third alert: the notifier is killed while that POST is in flight.
            String held = key(alerts.get(2));
            CountDownLatch release = server.holdFirst(held);
            publish(platform, alerts);

            WebhookNotifier first = new WebhookNotifier(config, platform.topics(), platform.serdes(), Clock.systemUTC());
            first.start();
            await().atMost(DEADLINE).until(() -> server.count(held) == 1);
            first.close();
            release.countDown();

            try (WebhookNotifier second = new WebhookNotifier(config, platform.topics(), platform.serdes(), Clock.systemUTC())) {
                second.start();
                await().atMost(DEADLINE).until(() -> server.received().stream()
                        .map(RecordingWebhookServer.Received::idempotencyKey).collect(Collectors.toSet()).containsAll(expected));
            }

            List<RecordingWebhookServer.Received> ours = server.received().stream()
                    .filter(r -> expected.contains(r.idempotencyKey())).toList();
            // No alert lost; the receiver, deduplicating by key, has each (id, state) exactly once.
            assertThat(ours.stream().map(RecordingWebhookServer.Received::idempotencyKey).distinct()).containsExactlyInAnyOrderElementsOf(expected);
            // The only duplicate is the POST in flight at the kill, resent with the same key.
            assertThat(server.count(held)).isEqualTo(2);
            assertThat(server.count(key(alerts.get(0)))).isEqualTo(1);
            assertThat(server.count(key(alerts.get(1)))).isEqualTo(1);
            assertThat(server.count(key(alerts.get(3)))).isEqualTo(1);
            // Each body is the alert its key names, as JSON with decimals as numbers.
            for (RecordingWebhookServer.Received r : ours) {
                JsonNode json = Json.mapper().readTree(r.body());
                assertThat(json.get("id").asText() + ":" + json.get("state").asText() + ":"
                        + Instant.parse(json.get("processedAt").asText()).toEpochMilli()).isEqualTo(r.idempotencyKey());
                assertThat(json.get("progressPct").isNumber()).isTrue();
                assertThat(json.get("messageVi").asText()).startsWith("Vốn FDI năm 2091");
            }
        }
    }

    /** A threshold that fires, resolves and fires again is three deliveries with three keys, none a "duplicate". */
    @Test
    void aThresholdThatFiresAgainLaterGetsANewIdempotencyKey(EmbeddedPlatform platform) throws Exception {
        PlanScope scope = new PlanScope(CapitalSource.FDI, PlanScope.TOTAL, 2096);
        PlanProgress up = new PlanProgress(scope, new BigDecimal("80.00"), new BigDecimal("2000000000"), "USD",
                "e-2096", "GCN-2096", Instant.now(), Instant.now());
        Instant firstAt = Instant.parse("2096-03-01T02:00:00Z");
        Alert first = new AlertFactory(Clock.fixed(firstAt, java.time.ZoneOffset.UTC))
                .threshold(AlertState.FIRING, new BigDecimal("75.00"), up);
        Alert again = new AlertFactory(Clock.fixed(firstAt.plus(Duration.ofDays(30)), java.time.ZoneOffset.UTC))
                .threshold(AlertState.FIRING, new BigDecimal("75.00"), up);
        assertThat(again.getId()).isEqualTo(first.getId());
        try (RecordingWebhookServer server = new RecordingWebhookServer()) {
            publish(platform, List.of(first, again));
            try (WebhookNotifier notifier = new WebhookNotifier(config(platform, server.url().toString(), 3), platform.topics(),
                    platform.serdes(), Clock.systemUTC())) {
                notifier.start();
                await().atMost(DEADLINE).until(() -> server.count(key(first)) == 1 && server.count(key(again)) == 1);
            }
            assertThat(key(again)).isNotEqualTo(key(first)).startsWith(first.getId() + ":FIRING:");
        }
    }

    @Test
    void anUnreachableWebhookEndsInTheDeadLetterTopicAfterItsRetries(EmbeddedPlatform platform) throws Exception {
        List<Alert> alerts = alertsOf(2092).subList(0, 1);
        Alert alert = alerts.get(0);
        URI unreachable;
        try (ServerSocket socket = new ServerSocket(0)) {
            unreachable = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hook?token=s3cret");
        }
        try (RecordingWebhookServer reachable = new RecordingWebhookServer()) {
            AlertsConfig config = config(platform, unreachable + "," + reachable.url(), 3);
            publish(platform, alerts);
            try (WebhookNotifier notifier = new WebhookNotifier(config, platform.topics(), platform.serdes(), Clock.systemUTC())) {
                notifier.start();
                DeadLetter letter = awaitDeadLetter(platform, alert.getId());
                assertThat(letter.getStage()).isEqualTo("notifier");
                assertThat(letter.getSourceTopic()).isEqualTo("pulse.alerts.v1");
                assertThat(letter.getSourceOffset()).isNotNull();
                assertThat(letter.getReason())
                        .contains(alert.getId() + ":FIRING")
                        .contains("POST http://127.0.0.1:" + unreachable.getPort() + "/hook failed: ConnectException")
                        .contains("attempt 3 of 3")
                        .doesNotContain("s3cret");
                assertThat(Json.mapper().readTree(letter.getRawText()).get("id").asText()).isEqualTo(alert.getId());
                // The other URL got it, and the alert's offset was committed: a restart does not retry it.
                await().atMost(DEADLINE).until(() -> reachable.count(key(alert)) == 1);
                await().atMost(DEADLINE).until(() -> committedPast(platform, config.notifierGroupId(), letter.getSourceOffset()));
            }
        }
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndTheAlertsAfterItAreStillDelivered(EmbeddedPlatform platform) throws Exception {
        Alert after = alertsOf(2095).get(0);
        byte[] garbage = "not an Avro alert".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TopicCreator.createMissing(TopicCreator.adminConfig(platform.bootstrapServers()), platform.topics());
        long poisonOffset;
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(props, new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            poisonOffset = raw.send(new ProducerRecord<>(platform.topics().alerts().name(), "garbage-2095", garbage)).get().offset();
        }
        publish(platform, List.of(after));
        try (RecordingWebhookServer server = new RecordingWebhookServer();
             WebhookNotifier notifier = new WebhookNotifier(config(platform, server.url().toString(), 2), platform.topics(),
                     platform.serdes(), Clock.systemUTC())) {
            notifier.start();
            await().atMost(DEADLINE).until(() -> server.count(key(after)) == 1);
            DeadLetter letter = awaitDeadLetter(platform, d -> d.getSourceOffset() != null && d.getSourceOffset() == poisonOffset
                    && d.getEventId() == null);
            assertThat(letter.getStage()).isEqualTo("notifier");
            assertThat(letter.getReason()).contains("pulse.alerts.v1-0@" + poisonOffset).contains("not a readable Alert");
            byte[] kept = new byte[letter.getRawBytes().remaining()];
            letter.getRawBytes().duplicate().get(kept);
            assertThat(kept).isEqualTo(garbage);
        }
    }

    private static boolean committedPast(EmbeddedPlatform platform, String group, long offset) throws Exception {
        try (Admin admin = Admin.create(TopicCreator.adminConfig(platform.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata committed = offsets.get(new TopicPartition("pulse.alerts.v1", 0));
            return committed != null && committed.offset() > offset;
        }
    }

    private static DeadLetter awaitDeadLetter(EmbeddedPlatform platform, String alertId) {
        return awaitDeadLetter(platform, d -> alertId.equals(d.getEventId()));
    }

    private static DeadLetter awaitDeadLetter(EmbeddedPlatform platform, java.util.function.Predicate<DeadLetter> wanted) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(props,
                platform.serdes().keyDeserializer(platform.topics().alertsDlq()), platform.serdes().valueDeserializer(platform.topics().alertsDlq()))) {
            consumer.subscribe(List.of(platform.topics().alertsDlq().name()));
            await().atMost(DEADLINE).until(() -> {
                for (ConsumerRecord<String, DeadLetter> r : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(r.value())) {
                        found.add(r.value());
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }
}
