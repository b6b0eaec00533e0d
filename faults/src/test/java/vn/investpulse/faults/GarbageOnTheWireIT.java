package vn.investpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.bench.SyntheticRegister;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.embedded.FreePorts;
import vn.investpulse.faults.support.ProcessorProcess;
import vn.investpulse.faults.support.Replay;
import vn.investpulse.processor.ProcessorService;
import vn.investpulse.processor.config.ProcessorConfig;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.Provenance;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Garbage on the input topic: random bytes, a record framed with a schema id the registry never issued, a truncated
 * record, a 900 KB record of random bytes behind a real schema id, and a 900 KB well-formed registration the rules
 * refuse — interleaved with good registrations. Each bad record must reach {@code pulse.registrations.dlq.v1} with its
 * original topic/partition/offset and a reason; the topology must stay RUNNING and count every good record.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class GarbageOnTheWireIT {

    private static final Logger LOG = LoggerFactory.getLogger(GarbageOnTheWireIT.class);
    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final int GOOD_PER_GAP = 8;
    private static final int HUGE = 900 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    @Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
    void everyBadRecordIsDeadLetteredAndEveryGoodOneCounted(EmbeddedPlatform platform, @TempDir Path dir) throws Exception {
        long seed = Long.getLong("faults.seed", System.nanoTime());
        LOG.info("GarbageOnTheWireIT seed {}", seed);
        Random random = new Random(seed);
        String zone = "GZ" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String topic = platform.topics().registrations().name();
        Replay.fxRates(platform);
        Serializer<RegistrationEvent> avro = platform.serdes().valueSerializer(platform.topics().registrations());

        ProcessorConfig config = ProcessorConfig.from(new ConfigSource(Map.of(
                "PULSE_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
                "PULSE_REGISTRY_URL", platform.registryApiUrl(),
                "PULSE_APPLICATION_ID", "fault-garbage",
                "PULSE_KAFKA_TRANSACTION_TIMEOUT_MS", ProcessorProcess.TRANSACTION_TIMEOUT_MS,
                "PULSE_STATE_DIR", dir.resolve("state").toString())));
        int port = FreePorts.pick();
        try (ProcessorService processor = new ProcessorService(config, platform.topics(), platform.serdes());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Replay.producerConfig(platform.bootstrapServers()),
                     new StringSerializer(), new ByteArraySerializer())) {
            Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
            processor.register(app);
            processor.start();
            app.start(port);
            try {
                List<RegistrationEvent> good = new ArrayList<>();
                Map<String, RecordMetadata> bad = new LinkedHashMap<>();
                byte[] sample = avro.serialize(topic, event(zone, 9_999, BigDecimal.ONE));
                Map<String, byte[]> garbage = new LinkedHashMap<>();
                garbage.put("random bytes", randomBytes(random, 4096));
                garbage.put("unknown schema id", withSchemaId(sample, 0x7FFF_FFF0));
                garbage.put("truncated record", Arrays.copyOf(sample, sample.length / 2));
                byte[] hugeGarbage = randomBytes(random, HUGE);
                System.arraycopy(sample, 0, hugeGarbage, 0, 5); // a real magic byte and schema id, then noise
                garbage.put("huge random record", hugeGarbage);
                garbage.put("huge refused registration", avro.serialize(topic, RegistrationEvent.newBuilder(event(zone, 9_998, BigDecimal.TEN))
                        .setSectorCode("C" + "9".repeat(HUGE)).build()));

                int n = 0;
                for (var g : garbage.entrySet()) {
                    n = sendGood(producer, avro, topic, zone, good, n, random);
                    bad.put(g.getKey(), producer.send(new ProducerRecord<>(topic, "garbage-" + g.getKey(), g.getValue())).get());
                }
                n = sendGood(producer, avro, topic, zone, good, n, random);
                producer.flush();

                Map<String, DeadLetter> letters = awaitDeadLetters(platform, bad);
                letters.forEach((what, letter) -> {
                    LOG.info("{} -> DLQ: {}", what, abbreviate(letter.getReason()));
                    assertThat(letter.getReason()).as(what).isNotBlank();
                    assertThat(letter.getStage()).as(what).isEqualTo("processor");
                });

                assertThat(processor.state()).isEqualTo(KafkaStreams.State.RUNNING);
                awaitCounted(port, zone, good);

                // Still running after the garbage: one more good record is counted too.
                sendGood(producer, avro, topic, zone, good, n, random);
                producer.flush();
                awaitCounted(port, zone, good);
            } finally {
                app.stop();
            }
        }
    }

    private static int sendGood(KafkaProducer<String, byte[]> producer, Serializer<RegistrationEvent> avro, String topic, String zone,
                                List<RegistrationEvent> good, int n, Random random) {
        for (int i = 0; i < GOOD_PER_GAP; i++) {
            RegistrationEvent e = event(zone, n++, BigDecimal.valueOf(1 + random.nextInt(1_000_000), 2));
            good.add(e);
            producer.send(new ProducerRecord<>(topic, e.getCertificateNo(), avro.serialize(topic, e)));
        }
        return n;
    }

    /** A new FDI project in {@code zone}, registered in 2020 (a USD rate is in force), {@code amount} million USD. */
    private static RegistrationEvent event(String zone, int n, BigDecimal amountMillions) {
        LocalDate date = LocalDate.of(2020, 1 + n % 12, 1 + n % 28);
        Instant at = date.atStartOfDay(SyntheticRegister.HAI_PHONG).toInstant();
        return RegistrationEvent.newBuilder().setEventId(zone + "-E-" + n).setCertificateNo(zone + "-GCN-" + n)
                .setEventType(EventType.NEW).setCapitalSource(CapitalSource.FDI).setInvestorName("Garbage Test Co.")
                .setInvestorCountry("KR").setZoneCode(zone).setSectorCode("C26")
                .setAmount(amountMillions.multiply(BigDecimal.valueOf(1_000_000)).setScale(6)).setCurrency("USD")
                .setEffectiveAt(at).setEffectiveDate(date)
                .setSource(Provenance.newBuilder().setConnector("faults").setFile("garbage").setLine((long) n + 2).build())
                .setIngestedAt(Instant.parse("2026-01-01T00:00:00Z")).build();
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    /** The same record under another 4-byte schema id (Confluent framing: magic byte 0, id, Avro body). */
    private static byte[] withSchemaId(byte[] framed, int id) {
        byte[] copy = framed.clone();
        ByteBuffer.wrap(copy, 1, 4).putInt(id);
        return copy;
    }

    /** Waits until every bad record has a dead letter pointing at its own topic/partition/offset. */
    private static Map<String, DeadLetter> awaitDeadLetters(EmbeddedPlatform platform, Map<String, RecordMetadata> bad) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        Map<String, DeadLetter> found = new LinkedHashMap<>();
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                platform.serdes().valueDeserializer(platform.topics().registrationsDlq()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(platform.topics().registrationsDlq().name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await("a dead letter for each of " + bad.keySet()).atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (ConsumerRecord<String, DeadLetter> r : consumer.poll(Duration.ofMillis(500))) {
                    DeadLetter d = r.value();
                    bad.forEach((what, m) -> {
                        if (m.topic().equals(d.getSourceTopic()) && Integer.valueOf(m.partition()).equals(d.getSourcePartition())
                                && Long.valueOf(m.offset()).equals(d.getSourceOffset())) {
                            found.put(what, d);
                        }
                    });
                }
                return found.keySet().containsAll(bad.keySet());
            });
        }
        return found;
    }

    private static void awaitCounted(int port, String zone, List<RegistrationEvent> good) {
        BigDecimal expectedUsd = good.stream().map(RegistrationEvent::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/indicators?source=FDI&period=2020&zone=" + zone);
        await("all " + good.size() + " good registrations counted").atMost(WAIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .untilAsserted(() -> {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).isEqualTo(200);
                    JsonNode figures = JSON.readTree(r.body());
                    assertThat(figures.get("newProjects").asLong()).isEqualTo(good.size());
                    assertThat(figures.get("totalCapitalUsd").decimalValue()).isEqualByComparingTo(expectedUsd);
                });
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 160 ? s : s.substring(0, 160) + "… (" + s.length() + " chars)";
    }
}
