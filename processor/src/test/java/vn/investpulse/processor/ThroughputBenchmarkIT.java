package vn.investpulse.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.processor.config.ProcessorConfig;
import vn.investpulse.processor.period.PeriodId;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.FxRate;
import vn.investpulse.schemas.Provenance;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Throughput of the processor against a trivial count-by-key Streams app, both with exactly_once_v2, on the same
 * replayed register (events over 30 years, chronological). Off by default; run with
 * {@code ./mvnw -o -pl processor verify -Dit.test=ThroughputBenchmarkIT -Dprocessor.benchmark=true -Dprocessor.benchmark.events=200000}.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
@EnabledIfSystemProperty(named = "processor.benchmark", matches = "true")
class ThroughputBenchmarkIT {

    private static final Logger LOG = LoggerFactory.getLogger(ThroughputBenchmarkIT.class);
    private static final Duration WAIT = Duration.ofMinutes(30);

    @Test
    void processorKeepsUpWithATrivialCountApp(EmbeddedPlatform platform, @TempDir Path stateDir) throws Exception {
        int events = Integer.getInteger("processor.benchmark.events", 200_000);
        produceRates(platform);
        long producedAt = System.nanoTime();
        produce(platform, events);
        LOG.info("Produced {} events in {} ms", events, (System.nanoTime() - producedAt) / 1_000_000);

        double trivial = trivialCountApp(platform, stateDir.resolve("count"), events);
        LOG.info("BENCHMARK trivial count app: {} ev/s", Math.round(trivial));
        double processor = processor(platform, stateDir.resolve("processor"), events);
        LOG.info("BENCHMARK events={} trivial={} ev/s processor={} ev/s ratio={}", events, Math.round(trivial), Math.round(processor),
                String.format("%.2f", processor / trivial));
        assertThat(processor).isPositive();
    }

    private double trivialCountApp(EmbeddedPlatform platform, Path stateDir, int events) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "benchmark-count");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        StreamsBuilder b = new StreamsBuilder();
        b.stream(platform.topics().registrations().name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .groupByKey().count(Materialized.as("counts"));
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(b.build(), p)) {
            streams.start();
            awaitConsumed(platform, "benchmark-count", List.of(platform.topics().registrations().name()));
        }
        return events / ((System.nanoTime() - start) / 1e9);
    }

    private double processor(EmbeddedPlatform platform, Path stateDir, int events) {
        ProcessorConfig config = ProcessorConfig.from(new ConfigSource(Map.of(
                "PULSE_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
                "PULSE_REGISTRY_URL", platform.registryApiUrl(),
                "PULSE_APPLICATION_ID", "benchmark-processor",
                "PULSE_STATE_DIR", stateDir.toString())));
        long start = System.nanoTime();
        try (ProcessorService service = new ProcessorService(config, platform.topics(), platform.serdes())) {
            service.start();
            awaitConsumed(platform, "benchmark-processor", List.of(platform.topics().registrations().name(),
                    "benchmark-processor-" + vn.investpulse.processor.topology.ProcessorTopology.REPARTITION + "-repartition"));
            return events / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void awaitConsumed(EmbeddedPlatform platform, String group, List<String> topics) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> lag(admin, group, topics) == 0);
        }
    }

    private static long lag(Admin admin, String group, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var d : admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
            d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
        }
        var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (var e : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            long behind = e.getValue().offset() - (c == null ? 0 : c.offset());
            lag += behind > 1 ? behind : 0; // a transaction marker may follow the last record
        }
        return lag;
    }

    private static void produceRates(EmbeddedPlatform platform) {
        try (var producer = new KafkaProducer<>(config(platform), new StringSerializer(),
                platform.serdes().valueSerializer(platform.topics().fxRates()))) {
            for (int year = 1995; year <= 2025; year++) {
                for (String[] r : List.of(new String[]{"USD", Integer.toString(11000 + (year - 1995) * 450)},
                        new String[]{"JPY", Integer.toString(100 + (year - 1995) * 3)})) {
                    LocalDate d = LocalDate.of(year, 1, 1);
                    producer.send(new ProducerRecord<>(platform.topics().fxRates().name(), r[0] + ":" + d,
                            FxRate.newBuilder().setCurrency(r[0]).setEffectiveDate(d).setVndPerUnit(new BigDecimal(r[1]).setScale(6)).build()));
                }
            }
        }
    }

    /** A chronological register: 70 % new projects, then increases, decreases, share purchases, terminations. */
    private static void produce(EmbeddedPlatform platform, int events) {
        Random random = new Random(42);
        String[] zones = {"DEEP_C", "VSIP", "TRANG_DUE", "NAM_CAU_KIEN", "AN_DUONG", "NOMURA", "DINH_VU", "TAN_LIEN", "NAM_DINH_VU",
                "GIANG_BIEN", "DO_SON", "TRANG_CAT"};
        String[] sectors = {"C10", "C13", "C14", "C20", "C22", "C24", "C25", "C26", "C27", "C28", "C29", "C30", "D35", "F41", "H52",
                "L68", "C15", "C16", "C17", "C23", "G46", "H49", "M71", "N77", "E38"};
        String[] countries = {"KR", "JP", "CN", "SG", "TW", "US", "DE", "HK", "TH", "MY", "FR", "NL", "GB", "AU", "IN"};
        LocalDate first = LocalDate.of(1996, 1, 1);
        long days = LocalDate.of(2025, 12, 31).toEpochDay() - first.toEpochDay();
        List<String> certificates = new ArrayList<>();
        try (var producer = new KafkaProducer<>(config(platform), new StringSerializer(),
                platform.serdes().valueSerializer(platform.topics().registrations()))) {
            for (int i = 0; i < events; i++) {
                LocalDate date = first.plusDays(days * i / events);
                int roll = random.nextInt(100);
                EventType type = certificates.isEmpty() || roll < 70 ? EventType.NEW : roll < 90 ? EventType.CAPITAL_INCREASE
                        : roll < 95 ? EventType.CAPITAL_DECREASE : roll < 98 ? EventType.SHARE_PURCHASE : EventType.TERMINATION;
                String cert;
                if (type == EventType.NEW) {
                    cert = "GCN-" + certificates.size();
                    certificates.add(cert);
                } else {
                    cert = certificates.get(random.nextInt(certificates.size()));
                }
                int h = Math.abs(cert.hashCode());
                boolean fdi = h % 10 < 7;
                String currency = !fdi ? "VND" : h % 13 == 0 ? "JPY" : "USD";
                BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(50_000), 2)
                        .multiply(BigDecimal.valueOf(currency.equals("VND") ? 1_000_000_000L : currency.equals("JPY") ? 100_000L : 10_000L));
                var instant = date.atTime(9, 30).toInstant(ZoneOffset.ofHours(7));
                RegistrationEvent e = RegistrationEvent.newBuilder().setEventId("B-" + i).setCertificateNo(cert).setEventType(type)
                        .setCapitalSource(fdi ? CapitalSource.FDI : CapitalSource.DDI).setInvestorName("Investor " + h % 1000)
                        .setInvestorCountry(fdi ? countries[h % countries.length] : "VN").setZoneCode(zones[h % zones.length])
                        .setSectorCode(sectors[(h / 7) % sectors.length])
                        .setAmount(type == EventType.TERMINATION ? null : amount.setScale(6))
                        .setCurrency(type == EventType.TERMINATION ? null : currency)
                        .setEffectiveAt(instant).setEffectiveDate(PeriodId.localDate(instant))
                        .setSource(Provenance.newBuilder().setConnector("benchmark").setFile("replay").setLine((long) i + 2).build())
                        .setIngestedAt(java.time.Instant.now()).build();
                producer.send(new ProducerRecord<>(platform.topics().registrations().name(), cert, e));
            }
        }
    }

    private static Map<String, Object> config(EmbeddedPlatform platform) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262144);
    }
}
