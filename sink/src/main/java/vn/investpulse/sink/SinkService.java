package vn.investpulse.sink;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;
import vn.investpulse.sink.consume.RecordDecoder;
import vn.investpulse.sink.consume.SinkLoop;
import vn.investpulse.sink.deadletter.KafkaDeadLetterPublisher;
import vn.investpulse.sink.metrics.SinkMetrics;
import vn.investpulse.sink.offsets.OffsetStore;
import vn.investpulse.sink.store.H2Dialect;
import vn.investpulse.sink.store.Store;
import vn.investpulse.sink.write.BatchWriter;
import vn.investpulse.sink.write.CommitHook;

/**
 * The sink: reads {@code pulse.indicators.v1}, {@code pulse.alerts.v1} and the dead-letter topics and writes
 * them to PostgreSQL or the embedded H2 store, each polled batch and its next offsets in one database
 * transaction (exactly once; see {@link BatchWriter}).
 *
 * <pre>{@code
 * SinkService sink = new SinkService(SinkConfig.from(ConfigSource.fromEnvironment()), topics, serdes);
 * sink.start();                 // migrates the store, then consumes on a background thread
 * sink.register(app);           // GET /api/v1/sink/status
 * sink.ready().getAsBoolean();  // true once polling, false if the sink stopped
 * sink.close();
 * }</pre>
 */
public final class SinkService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final SinkConfig config;
    private final Topics topics;
    private final RegistrySerdes serdes;
    private final CommitHook hook;
    private final Clock clock = Clock.systemUTC();
    private final SinkMetrics metrics = new SinkMetrics();
    private final CountDownLatch stopping = new CountDownLatch(1);

    private Store store;
    private KafkaDeadLetterPublisher deadLetters;
    /** kafka_consumer_* meters of the sink's consumer, on the process's /metrics. */
    private AutoCloseable consumerMetrics;
    private RecordDecoder decoder;
    private SinkLoop loop;
    private Thread thread;

    public SinkService(SinkConfig config, Topics topics, RegistrySerdes serdes) {
        this(config, topics, serdes, CommitHook.NONE);
    }

    /** @param hook called around each commit; tests use it to simulate a crash (production: {@link CommitHook#NONE}) */
    public SinkService(SinkConfig config, Topics topics, RegistrySerdes serdes, CommitHook hook) {
        this.config = config;
        this.topics = topics;
        this.serdes = serdes;
        this.hook = hook;
    }

    /** Opens and migrates the store (throws if it cannot), then starts consuming on thread {@code pulse-sink}. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("sink already started");
        }
        store = Store.open(config.store());
        deadLetters = new KafkaDeadLetterPublisher(config.kafkaClientSettings(), config.bootstrapServers(), topics.sinkDlq(), serdes, clock);
        decoder = new RecordDecoder(topics, serdes);
        OffsetStore offsets = new OffsetStore(config.groupId(), clock);
        BatchWriter writer = new BatchWriter(store, offsets, deadLetters, topics.sinkDlq().name(), config.retry(), hook, metrics, clock,
                stopping);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumerMetrics = vn.investpulse.observability.PulseMetrics.bind(consumer);
        loop = new SinkLoop(consumer, decoder, writer, offsets, RecordDecoder.topicsToRead(topics), config.pollTimeout(), metrics);
        thread = new Thread(loop, "pulse-sink");
        thread.start();
        LOG.info("Sink started: {} -> {} ({})", RecordDecoder.topicsToRead(topics), config.store().maskedUrl(), store.dialect().name());
    }

    Map<String, Object> consumerConfig() {
        Map<String, Object> c = new HashMap<>(config.kafkaClientSettings());
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        // Only committed transactions of the exactly-once processor and alerts; the database holds the offsets.
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize());
        c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "pulse-sink");
        return c;
    }

    /** True while the sink polls; false before the first poll and after it stopped (see {@link #failure()}). */
    public BooleanSupplier ready() {
        return () -> loop != null && loop.ready();
    }

    /** Why the sink stopped, or null. */
    public Throwable failure() {
        return loop == null ? null : loop.failure();
    }

    public boolean stopped() {
        return loop != null && loop.finished();
    }

    public SinkMetrics metrics() {
        return metrics;
    }

    /** {@code GET /api/v1/sink/status}: readiness, store, stored offsets and counters. */
    public void register(Javalin app) {
        app.get("/api/v1/sink/status", ctx -> ctx.json(status()));
    }

    Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ready", ready().getAsBoolean());
        out.put("store", config.store().dialect().name());
        out.put("jdbcUrl", config.store().maskedUrl());
        if (config.store().dialect() instanceof H2Dialect) {
            out.put("biJdbcUrl", config.store().maskedUrl());
        }
        out.put("groupId", config.groupId());
        Map<String, Long> offsets = new java.util.TreeMap<>();
        if (loop != null) {
            loop.storedOffsets().forEach((tp, next) -> offsets.put(tp.toString(), next));
        }
        out.put("storedOffsets", offsets);
        out.put("metrics", metrics.snapshot());
        Throwable failure = failure();
        out.put("failure", failure == null ? null : failure.toString());
        return out;
    }

    @Override
    public synchronized void close() {
        stopping.countDown();
        if (loop != null) {
            loop.stop();
        }
        if (thread != null) {
            try {
                thread.join(CLOSE_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (decoder != null) {
            decoder.close();
        }
        if (consumerMetrics != null) {
            try {
                consumerMetrics.close();
            } catch (Exception e) {
                LOG.warn("Could not unbind the consumer metrics: {}", e.toString());
            }
            consumerMetrics = null;
        }
        if (deadLetters != null) {
            deadLetters.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /** Standalone sink: settings from the environment, health and status on PULSE_SINK_HTTP_PORT. */
    public static void main(String[] args) {
        ConfigSource source = ConfigSource.fromEnvironment();
        SinkConfig config = SinkConfig.from(source);
        Topics topics = new Topics(config.topicPartitions(), (short) 1);
        RegistrySerdes serdes = new RegistrySerdes(config.registryUrl(), source.registryClientSettings());
        SinkService sink = new SinkService(config, topics, serdes);
        sink.start();
        Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
        app.get("/health/live", ctx -> ctx.result("ok"));
        app.get("/health/ready", ctx -> {
            boolean ready = sink.ready().getAsBoolean();
            ctx.status(ready ? 200 : 503).result(ready ? "ready" : "not ready");
        });
        vn.investpulse.observability.HealthRoutes.registerMetrics(app, vn.investpulse.observability.Observability.start("sink"));
        sink.register(app);
        app.start(config.httpPort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            sink.close();
        }, "pulse-sink-shutdown"));
    }
}
