package vn.investpulse.processor;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;
import vn.investpulse.processor.api.IndicatorApi;
import vn.investpulse.processor.api.IndicatorStream;
import vn.investpulse.processor.config.ProcessorConfig;
import vn.investpulse.processor.query.IndicatorQueries;
import vn.investpulse.processor.query.QueryRouter;
import vn.investpulse.processor.store.SeriesStores;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.processor.topology.ProcessorTopology;

/**
 * The processor: the indicator topology on Kafka Streams, its query API and the live stream of changes.
 *
 * <pre>{@code
 * ProcessorService processor = new ProcessorService(ProcessorConfig.from(source), topics, serdes);
 * processor.start();                 // non-blocking
 * processor.register(javalin);       // /api/v1/indicators, /series, /breakdown, /stream
 * boolean ok = processor.ready().getAsBoolean();   // RUNNING and caught up with its input
 * processor.close();
 * }</pre>
 *
 * The topics are expected to exist (the runtime creates them); the processor's own internal topics are created by
 * Kafka Streams.
 */
public final class ProcessorService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorService.class);
    private static final Duration CATCH_UP_CHECK = Duration.ofMillis(500);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** Transaction markers occupy an offset, so a fully consumed transactional partition can show a lag of 1. */
    private static final long CAUGHT_UP_LAG = 1;

    private final ProcessorConfig config;
    private final Topics topics;
    private final RegistrySerdes serdes;
    private final IndicatorStream stream;
    private final IndicatorApi api;
    private volatile KafkaStreams streams;
    /** kafka_stream_* meters of {@link #streams}, on the process's /metrics. */
    private volatile AutoCloseable streamsMetrics;
    private volatile boolean caughtUp;
    private ScheduledExecutorService catchUp;
    private Admin admin;

    public ProcessorService(ProcessorConfig config, Topics topics, RegistrySerdes serdes) {
        this.config = config;
        this.topics = topics;
        this.serdes = serdes;
        this.stream = new IndicatorStream(config.bootstrapServers(), config.kafkaClientSettings(), topics, serdes);
        IndicatorQueries queries = new IndicatorQueries(this::localStores);
        this.api = new IndicatorApi(queries, this::router, stream);
    }

    /**
     * Makes {@link Locale#US} the process's default format locale. Kafka Streams formats a log text with
     * {@code String.format} per record for each empty input partition of a task — the authority task's two reference
     * topics are empty nearly always — even with trace logging off; for each {@code %d} in it, the JDK's
     * {@link java.util.Formatter} builds a new {@code DecimalFormatSymbols} unless the locale is exactly
     * {@code Locale.US}. Under {@code C.UTF-8} (default locale {@code en}) that was about 5 % of the stream thread in a
     * replay. The processor's own texts do not depend on the default locale, so nothing it shows changes.
     */
    static void useUsFormatLocale() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        if (!Locale.US.equals(before)) {
            Locale.setDefault(Locale.Category.FORMAT, Locale.US);
            LOG.info("Default format locale {} -> {} (see ProcessorService.useUsFormatLocale)", before, Locale.US);
        }
    }

    public Topology topology() {
        return ProcessorTopology.build(topics, serdes, config.emitInterval(), config.rateWait());
    }

    /** Starts Kafka Streams, the change stream and the catch-up check; returns at once. */
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        useUsFormatLocale();
        KafkaStreams s = new KafkaStreams(topology(), config.streamsProperties());
        s.setStateListener((now, before) -> LOG.info("Processor state {} -> {}", before, now));
        s.setUncaughtExceptionHandler(e -> {
            LOG.error("Processor stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams = s;
        streamsMetrics = vn.investpulse.observability.StreamsMetrics.bind(s);
        s.start();
        stream.start();
        Map<String, Object> adminConfig = new HashMap<>(config.kafkaClientSettings());
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        admin = Admin.create(adminConfig);
        catchUp = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "processor-catch-up");
            t.setDaemon(true);
            return t;
        });
        catchUp.scheduleWithFixedDelay(this::checkCaughtUp, 0, CATCH_UP_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True when Kafka Streams is RUNNING and has caught up with its input and restored its stores. */
    public BooleanSupplier ready() {
        return () -> {
            KafkaStreams s = streams;
            return s != null && caughtUp && s.state() == KafkaStreams.State.RUNNING;
        };
    }

    public void register(Javalin app) {
        api.register(app);
    }

    /** Live screens connected to the change stream. */
    public int streamClients() {
        return stream.clientCount();
    }

    public KafkaStreams.State state() {
        KafkaStreams s = streams;
        return s == null ? KafkaStreams.State.CREATED : s.state();
    }

    private void checkCaughtUp() {
        KafkaStreams s = streams;
        if (caughtUp || s == null || s.state() != KafkaStreams.State.RUNNING) {
            return;
        }
        try {
            for (Map<Integer, LagInfo> byPartition : s.allLocalStorePartitionLags().values()) {
                for (LagInfo lag : byPartition.values()) {
                    // A standby of an exactly-once changelog stays one transaction marker behind the end offset.
                    if (lag.offsetLag() > CAUGHT_UP_LAG) {
                        return; // still restoring
                    }
                }
            }
            long lag = inputLag();
            if (lag >= 0) {
                caughtUp = true;
                LOG.info("Processor caught up (input lag {}): ready", lag);
                catchUp.shutdown();
            }
        } catch (RuntimeException e) {
            LOG.debug("Catch-up check failed, retrying: {}", e.toString());
        }
    }

    /** The largest lag of the application's input partitions, or -1 when some partition lags more than a marker. */
    private long inputLag() {
        List<String> inputs = List.of(topics.registrations().name(), topics.fxRates().name(), topics.plans().name(),
                config.applicationId() + "-" + ProcessorTopology.REPARTITION + "-repartition");
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (var d : admin.describeTopics(inputs).allTopicNames().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values()) {
                d.partitions().forEach(p -> {
                    TopicPartition tp = new TopicPartition(d.name(), p.partition());
                    latest.put(tp, OffsetSpec.latest());
                    earliest.put(tp, OffsetSpec.earliest());
                });
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(config.applicationId())
                    .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long max = 0;
            for (TopicPartition tp : ends.keySet()) {
                OffsetAndMetadata c = committed.get(tp);
                long position = c != null ? c.offset() : starts.get(tp).offset();
                long lag = ends.get(tp).offset() - position;
                if (lag > CAUGHT_UP_LAG) {
                    return -1;
                }
                max = Math.max(max, lag);
            }
            return max;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private SeriesStores localStores() {
        KafkaStreams s = streams;
        if (s == null) {
            throw new IllegalStateException("the processor is not started");
        }
        return new SeriesStores(store(s, StoreNames.FACTS), store(s, StoreNames.FX_RATES), store(s, StoreNames.PLANS));
    }

    private static <V> ReadOnlyKeyValueStore<String, V> store(KafkaStreams s, String name) {
        return s.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    private QueryRouter router() {
        KafkaStreams s = streams;
        if (s == null) {
            throw new IllegalStateException("the processor is not started");
        }
        return new QueryRouter(s, selfHost());
    }

    private HostInfo selfHost() {
        return config.applicationServer() == null ? null : HostInfo.buildFromEndpoint(config.applicationServer());
    }

    @Override
    public synchronized void close() {
        if (catchUp != null) {
            catchUp.shutdownNow();
        }
        stream.close();
        KafkaStreams s = streams;
        if (s != null) {
            // Leaving the group lets a restarted or remaining instance take the tasks over at once, not after the session timeout.
            s.close(CloseOptions.timeout(CLOSE_TIMEOUT).withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
        if (admin != null) {
            admin.close(ADMIN_TIMEOUT);
        }
        if (streamsMetrics != null) {
            try {
                streamsMetrics.close();
            } catch (Exception e) {
                LOG.warn("Could not unbind the Kafka Streams metrics: {}", e.toString());
            }
            streamsMetrics = null;
        }
        streams = null;
        caughtUp = false;
        LOG.info("Processor closed");
    }

}
