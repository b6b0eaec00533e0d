package vn.investpulse.alerts.topology;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import vn.investpulse.alerts.config.AlertsConfig;
import vn.investpulse.alerts.message.AlertFactory;
import vn.investpulse.alerts.rules.AlertRules;
import vn.investpulse.alerts.rules.PaceRule;
import vn.investpulse.alerts.rules.PlanProgress;
import vn.investpulse.alerts.rules.ThresholdRule;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;

/**
 * The alert rules as a Kafka Streams topology: yearly plan progress from {@code pulse.indicators.v1} in,
 * plan alerts (FIRING / RESOLVED) to {@code pulse.alerts.v1} out. Every operator and store is named, and the
 * store names are the changelog topic names: renaming one would lose the alert state in production.
 *
 * <pre>
 * indicators -> planProgress -> thresholdAlerts --+-> pulse.alerts.v1
 *                          \--> paceAlerts -------/
 *               (records breaking the indicator contract -> pulse.alerts.dlq.v1)
 * </pre>
 *
 * No repartition is needed: a (source, scope, year) is exactly one indicator key, so all its updates arrive
 * on one partition, in order.
 */
public final class AlertsTopology {

    public static final String THRESHOLD_STORE = "alert-threshold-state";
    public static final String PACE_STORE = "alert-pace-state";
    static final String STAGE = "alerts";

    private AlertsTopology() {
    }

    public static Topology build(AlertRules rules, Duration paceCheckInterval, Topics topics, RegistrySerdes serdes, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        AlertFactory factory = new AlertFactory(clock);
        KStream<IndicatorKey, Indicator> indicators = builder.stream(topics.indicators().name(),
                Consumed.with(serdes.keySerde(topics.indicators()), serdes.valueSerde(topics.indicators())).withName("indicators"));
        KStream<String, PlanProgress> progress = planProgress(indicators, rules, topics, serdes, clock);
        KStream<String, Alert> alerts = thresholdAlerts(builder, progress, rules, factory)
                .merge(paceAlerts(builder, progress, rules, factory, clock, paceCheckInterval), Named.as("all-alerts"));
        alerts.to(topics.alerts().name(),
                Produced.with(serdes.keySerde(topics.alerts()), serdes.valueSerde(topics.alerts())).withName("alerts-out"));
        return builder.build();
    }

    /**
     * Yearly figures of the watched sources and zones that carry a plan, keyed by {@code SOURCE:SCOPE:YEAR}.
     * A record that breaks the indicator contract goes to the dead-letter topic with the reason.
     */
    static KStream<String, PlanProgress> planProgress(KStream<IndicatorKey, Indicator> indicators, AlertRules rules,
                                                      Topics topics, RegistrySerdes serdes, Clock clock) {
        ProgressReader reader = new ProgressReader(rules);
        KStream<IndicatorKey, ProgressReader.Result> read = indicators
                .filter((key, indicator) -> reader.watched(indicator) && ProgressReader.hasPlan(indicator), Named.as("planned-years"))
                .mapValues(ProgressReader::read, Named.as("read-progress"));
        Map<String, KStream<IndicatorKey, ProgressReader.Result>> branches = read.split(Named.as("progress-"))
                .branch((key, result) -> result.isValid(), Branched.as("valid"))
                .defaultBranch(Branched.as("invalid"));
        branches.get("progress-invalid")
                .map((key, result) -> {
                    vn.investpulse.observability.PulseMetrics.deadLettered("alerts", topics.alertsDlq().name());
                    return KeyValue.pair(key.toString(), deadLetter(key, result.problem(), clock));
                }, Named.as("invalid-progress-dead-letter"))
                .to(topics.alertsDlq().name(), Produced.with(Serdes.String(), serdes.valueSerde(topics.alertsDlq()))
                        .withName("invalid-progress-out"));
        return branches.get("progress-valid")
                .map((key, result) -> {
                    PlanProgress p = result.progress().orElseThrow();
                    return KeyValue.pair(p.scope().id(), p);
                }, Named.as("progress-by-scope"));
    }

    static KStream<String, Alert> thresholdAlerts(StreamsBuilder builder, KStream<String, PlanProgress> progress,
                                                  AlertRules rules, AlertFactory factory) {
        builder.addStateStore(store(THRESHOLD_STORE, ThresholdState.class));
        ThresholdRule rule = new ThresholdRule(rules.thresholds());
        return progress.process(() -> new ThresholdProcessor(rule, factory), Named.as("threshold-rule"), THRESHOLD_STORE);
    }

    static KStream<String, Alert> paceAlerts(StreamsBuilder builder, KStream<String, PlanProgress> progress, AlertRules rules,
                                             AlertFactory factory, Clock clock, Duration checkInterval) {
        builder.addStateStore(store(PACE_STORE, PaceState.class));
        PaceRule rule = new PaceRule(rules.paceFactor());
        return progress.process(() -> new PaceProcessor(rule, factory, clock, checkInterval), Named.as("pace-rule"), PACE_STORE);
    }

    /** A persistent, changelogged store: the alert state must survive restarts and rebalances. */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Class<V> type) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), new JsonSerde<>(type))
                .withLoggingEnabled(Map.of())
                .withCachingDisabled();
    }

    private static DeadLetter deadLetter(IndicatorKey key, String problem, Clock clock) {
        return DeadLetter.newBuilder()
                .setStage(STAGE)
                .setSourceTopic(Topics.INDICATORS)
                .setRawText(key.toString())
                .setReason(problem)
                .setReasonVi("Bản ghi chỉ tiêu không đúng hợp đồng dữ liệu: " + problem)
                .setErrorClass(IllegalArgumentException.class.getName())
                .setTimestamp(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .build();
    }

    /** The production Streams properties: exactly-once, the configured application id, state dir and clients. */
    public static Properties streamsConfig(AlertsConfig config) {
        Properties props = new Properties();
        props.putAll(config.kafkaClientSettings());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.replicationFactor());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        return props;
    }
}
