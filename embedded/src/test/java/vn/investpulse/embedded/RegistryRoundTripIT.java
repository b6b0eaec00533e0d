package vn.investpulse.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.investpulse.contracts.Topics;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * RegistrationEvents go through the registry-backed serializer into the real broker and come back
 * equal; on the wire they are in the Confluent format, and the registry's Confluent-compatible API
 * serves their schema, so a Confluent client could read the topic too.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class RegistryRoundTripIT {

    private static final Duration READ_DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void registrationEventsRoundTripThroughTheRegistrySerdes(EmbeddedPlatform platform) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<RegistrationEvent> sent = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> RegistrationEvents.newProject("GCN-" + run + "-" + i, "1250000.5", i + 1))
                .toList();

        produce(platform, sent);
        List<RegistrationEvent> received = readBack(platform, run, sent.size());

        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
        RegistrationEvent first = received.stream().filter(e -> e.getCertificateNo().endsWith("-1")).findFirst().orElseThrow();
        assertThat(first.getAmount()).isEqualByComparingTo(new BigDecimal("1250000.500000"));
        assertThat(first.getAmount().scale()).isEqualTo(6);
        // 23:30 in Hai Phong is 16:30 UTC the same day; the JVM runs in New York on purpose.
        assertThat(first.getEffectiveDate()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(first.getEffectiveAt()).isEqualTo(RegistrationEvents.LATE_EVENING.atZone(RegistrationEvents.HAI_PHONG).toInstant());
    }

    @Test
    void recordsAreInTheConfluentWireFormatAndTheirSchemaIsServedByCcompat(EmbeddedPlatform platform) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        RegistrationEvent event = RegistrationEvents.newProject("GCN-" + run + "-wire", "980000", 2);
        produce(platform, List.of(event));

        byte[] value = readRawValue(platform, event.getCertificateNo());

        assertThat(value[0]).as("Confluent magic byte").isEqualTo((byte) 0);
        int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
        assertThat(schemaId).isPositive();

        JsonNode subjects = getJson(platform.ccompatUrl() + "/subjects");
        assertThat(subjects).extracting(JsonNode::asText).contains(Topics.REGISTRATIONS + "-value");

        JsonNode schema = getJson(platform.ccompatUrl() + "/schemas/ids/" + schemaId);
        JsonNode avro = JSON.readTree(schema.get("schema").asText());
        assertThat(avro.get("name").asText()).isEqualTo("RegistrationEvent");
        assertThat(avro.get("namespace").asText()).isEqualTo("vn.investpulse.schemas");
    }

    private static void produce(EmbeddedPlatform platform, List<RegistrationEvent> events) throws Exception {
        var topic = platform.topics().registrations();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, RegistrationEvent> producer = new KafkaProducer<>(config,
                platform.serdes().keySerializer(topic), platform.serdes().valueSerializer(topic))) {
            for (RegistrationEvent event : events) {
                producer.send(new ProducerRecord<>(topic.name(), event.getCertificateNo(), event)).get();
            }
        }
    }

    private static List<RegistrationEvent> readBack(EmbeddedPlatform platform, String run, int expected) {
        var topic = platform.topics().registrations();
        List<RegistrationEvent> mine = new ArrayList<>();
        try (KafkaConsumer<String, RegistrationEvent> consumer = new KafkaConsumer<>(consumerConfig(platform),
                platform.serdes().keyDeserializer(topic), platform.serdes().valueDeserializer(topic))) {
            consumer.subscribe(List.of(topic.name()));
            Awaitility.await().atMost(READ_DEADLINE).until(() -> {
                for (ConsumerRecord<String, RegistrationEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().startsWith("GCN-" + run + "-")) {
                        mine.add(record.value());
                    }
                }
                return mine.size() >= expected;
            });
        }
        return mine;
    }

    private static byte[] readRawValue(EmbeddedPlatform platform, String key) {
        List<byte[]> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(platform),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REGISTRATIONS));
            Awaitility.await().atMost(READ_DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r.value());
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    private static Map<String, Object> consumerConfig(EmbeddedPlatform platform) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    private JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
