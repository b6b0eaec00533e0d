package vn.investpulse.sink.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.sink.SinkConfig;
import vn.investpulse.sink.SinkService;
import vn.investpulse.sink.store.Store;
import vn.investpulse.sink.store.StoreConfig;
import vn.investpulse.sink.support.Fixtures;
import vn.investpulse.sink.support.SinkHarness;
import vn.investpulse.sink.support.Tables;
import vn.investpulse.sink.support.TestStores;

/**
 * Not a test: how many indicator rows per second the sink writes to PostgreSQL. Starts an embedded broker and
 * registry, produces N distinct indicator records (default 200,000) to pulse.indicators.v1, then starts the sink
 * on a fresh schema of the test PostgreSQL server and times it from start until every record is in the table
 * (offsets stored = log end). Run:
 *
 * <pre>
 * ./mvnw -q -o -pl sink test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=vn.investpulse.sink.bench.SinkBenchmark -Dexec.args="200000 1000"
 * </pre>
 *
 * Arguments: record count, PULSE_SINK_BATCH_SIZE. The store is PULSE_TEST_PG_URL (default the .ci/postgres.sh server);
 * pass a third argument {@code h2} to measure the embedded store instead.
 */
public final class SinkBenchmark {

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        boolean h2 = args.length > 2 && args[2].equalsIgnoreCase("h2");
        Path dir = Files.createTempDirectory("pulse-sink-bench-");
        try (EmbeddedPlatform platform = new EmbeddedPlatform(dir, 0, 0, 3)) {
            platform.start();
            Instant producing = Instant.now();
            produce(platform, records);
            Duration produced = Duration.between(producing, Instant.now());
            System.out.printf("produced %,d indicator records in %.1f s%n", records, produced.toMillis() / 1000.0);

            StoreConfig store = h2 ? TestStores.h2(dir.resolve("h2")) : TestStores.postgres();
            try (SinkHarness harness = new SinkHarness(platform)) {
                Map<String, String> env = harness.env(store, dir, batchSize, "bench-" + System.nanoTime());
                SinkConfig config = SinkConfig.from(ConfigSource.from(env));
                Instant started = Instant.now();
                try (SinkService sink = new SinkService(config, platform.topics(), platform.serdes());
                     Store reader = openAfterMigration(store)) {
                    sink.start();
                    harness.awaitCaughtUp(reader, config.groupId(), Duration.ofMinutes(30));
                    Duration took = Duration.between(started, Instant.now());
                    long rows = Tables.count(reader, "indicator");
                    System.out.printf("%s: %,d rows in %.2f s = %,.0f rows/s (batch size %d, %d batches; decoding %.1f s, "
                                    + "database transactions %.1f s)%n",
                            h2 ? "H2 (embedded file)" : "PostgreSQL " + TestStores.pgUrl(), rows, took.toMillis() / 1000.0,
                            rows * 1000.0 / took.toMillis(), batchSize, sink.metrics().batchesCommitted(),
                            sink.metrics().decodeMillis() / 1000.0, sink.metrics().writeMillis() / 1000.0);
                } finally {
                    if (!h2) {
                        TestStores.dropPostgresSchema(store);
                    }
                }
            }
        }
    }

    private static Store openAfterMigration(StoreConfig store) {
        return Store.open(store);
    }

    private static void produce(EmbeddedPlatform platform, int records) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<IndicatorKey, Indicator> producer = new KafkaProducer<>(config,
                platform.serdes().keySerializer(platform.topics().indicators()), platform.serdes().valueSerializer(platform.topics().indicators()))) {
            for (int i = 0; i < records; i++) {
                // Distinct keys: 1,000 zones x 200 months, so every record is a row.
                Indicator v = Fixtures.month(i % 2 == 0 ? IndicatorSource.FDI : IndicatorSource.DDI, Dimension.ZONE, "ZONE_" + (i % 1000),
                        YearMonth.of(2000, 1).plusMonths(i / 1000), (i + 1) + ".123456", (i + 1) * 24_300L + ".5", i % 7);
                producer.send(new ProducerRecord<>(platform.topics().indicators().name(), Fixtures.keyOf(v), v));
            }
            producer.flush();
        }
    }
}
