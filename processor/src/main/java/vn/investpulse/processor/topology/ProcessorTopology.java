package vn.investpulse.processor.topology;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;
import vn.investpulse.processor.figures.MonthDays;
import vn.investpulse.processor.store.CompactSerdes;
import vn.investpulse.processor.store.HashBytesStore;
import vn.investpulse.processor.store.ObjectStore;
import vn.investpulse.processor.store.SeriesMarks;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * The indicator topology. Data flow:
 *
 * <pre>
 * registrations ─ byAuthority ─ validated ─ placeable ─ projectFacts ─ dailyFacts ─┐
 * fx-rates ────── fxRates ──────────────────────────────────────────────────────────┼─ indicators ─ pulse.indicators.v1
 * plans ───────── plans ────────────────────────────────────────────────────────────┘
 * every refusal ───────────────────────────────────────────────────────────────────── pulse.registrations.dlq.v1
 * </pre>
 *
 * <p>Aggregates cross projects, zones and sectors, so after validation every registration is repartitioned to a
 * single "authority" partition: one task owns the base facts, the reference data and the emission, which keeps
 * cumulative figures exact and order-independent and lets one store answer every query. The authority's volume
 * (hundreds of certificates a year) is far below what one task handles. The repartition moves the raw bytes, stamped
 * with their origin: decoding once, after it, costs half of decoding before and encoding again.
 */
public final class ProcessorTopology {

    public static final String REPARTITION = "registrations-by-authority";

    private final Topics topics;
    private final RegistrySerdes serdes;
    private final Duration emitInterval;
    private final Duration rateWait;
    /** Shared by the input's tasks and the emitter: see {@link InputActivity}. */
    private final InputActivity inputActivity = new InputActivity();

    private ProcessorTopology(Topics topics, RegistrySerdes serdes, Duration emitInterval, Duration rateWait) {
        this.topics = topics;
        this.serdes = serdes;
        this.emitInterval = emitInterval;
        this.rateWait = rateWait;
    }

    /**
     * @param emitInterval how often changed indicators are recomputed and emitted (wall clock)
     * @param rateWait     how long a registration without an FX rate in force waits for one before it is refused
     */
    public static Topology build(Topics topics, RegistrySerdes serdes, Duration emitInterval, Duration rateWait) {
        return new ProcessorTopology(topics, serdes, emitInterval, rateWait).topology();
    }

    private Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);

        KStream<String, RegistrationEvent> valid = accepted(placeable(validated(byAuthority(builder))), "registrations-");
        // The reference changes merge first: a registration's marks then pass one merge on their way, not two.
        KStream<String, SeriesMarks> changed = dailyFacts(projectFacts(valid))
                .merge(fxRates(builder).merge(plans(builder), Named.as("reference-changes")), Named.as("all-changes"));
        indicators(changed).to(topics.indicators().name(), Produced.with(serdes.keySerde(topics.indicators()),
                serdes.valueSerde(topics.indicators())).withName("indicators-sink"));
        return builder.build();
    }

    /**
     * Moves every registration, still undecoded, to the single authority partition (key stays the certificate number),
     * with its origin in a header.
     */
    KStream<String, byte[]> byAuthority(StreamsBuilder builder) {
        KStream<String, byte[]> raw = builder.stream(topics.registrations().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("registrations-source"));
        return raw.processValues(() -> new OriginStamp(inputActivity), Named.as("registrations-origin-stamped"))
                .repartition(Repartitioned.<String, byte[]>as(REPARTITION)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray())
                        .withNumberOfPartitions(1));
    }

    /** Decodes and checks registrations; a refusal is passed on as such, to the DLQ after the last check. */
    KStream<String, Checked<RegistrationEvent>> validated(KStream<String, byte[]> raw) {
        // One deserializer per processor instance (per task): no registry client is shared between stream threads.
        return raw.processValues(() -> new RegistrationDecoder(topics.registrations().name(),
                serdes.valueSerde(topics.registrations()).deserializer()), Named.as("registrations-decoded"));
    }

    /**
     * Refuses registrations whose amount cannot be converted at its date (no FX rate in force), after waiting a while
     * for a rate (see {@link Placement}; it forwards from a punctuation, hence a processor, not a value processor). Checked records flow
     * through both checks and are split once: every step of Kafka Streams costs each record a copy of its headers and
     * context, and a split after each check was four more steps per event (issue 9's benchmark).
     */
    KStream<String, Checked<RegistrationEvent>> placeable(KStream<String, Checked<RegistrationEvent>> events) {
        return events.process(() -> new Placement(rateWait), Named.as("registrations-placed"), StoreNames.FX_RATES,
                StoreNames.WAITING_FOR_RATES);
    }

    /** Counts an eventId once, forever; per project (certificate number), the daily-fact changes of each counted entry. */
    KStream<String, FactChanges> projectFacts(KStream<String, RegistrationEvent> events) {
        return events.processValues(ProjectFacts::new, Named.as("project-facts"), StoreNames.PROJECT_ENTRIES);
    }

    /** Base facts per (source, dimension, value, local date); emits the series and months they dirty. */
    KStream<String, SeriesMarks> dailyFacts(KStream<String, FactChanges> changes) {
        return changes.process(MonthFactsUpdater::new, Named.as("daily-facts-updated"), StoreNames.FACTS, StoreNames.PROJECT_ENTRIES);
    }

    /** FX rates into their store; every series is dirty from the month a rate takes effect. */
    KStream<String, SeriesMarks> fxRates(StreamsBuilder builder) {
        KStream<String, byte[]> raw = builder.stream(topics.fxRates().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("fx-rates-source"));
        return accepted(raw.process(() -> new FxRatesUpdater(serdes.valueSerde(topics.fxRates()).deserializer()), Named.as("fx-rates-updated"), StoreNames.FX_RATES),
                "fx-rates-");
    }

    /** Plans into their store; the series measured against a plan are dirty from January of its year. */
    KStream<String, SeriesMarks> plans(StreamsBuilder builder) {
        KStream<String, byte[]> raw = builder.stream(topics.plans().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("plans-source"));
        return accepted(raw.process(() -> new PlansUpdater(serdes.valueSerde(topics.plans()).deserializer()), Named.as("plans-updated"), StoreNames.PLANS), "plans-");
    }

    /** Recomputes dirty series on a wall-clock punctuator and emits the indicators whose figures changed. */
    KStream<IndicatorKey, Indicator> indicators(KStream<String, SeriesMarks> changes) {
        return changes.process(() -> new IndicatorEmitter(emitInterval, inputActivity), Named.as("indicators-emitted"),
                StoreNames.DIRTY_SERIES, StoreNames.EMITTED, StoreNames.FACTS, StoreNames.FX_RATES, StoreNames.PLANS);
    }

    /** Splits checked records: refusals to the DLQ, accepted values on. */
    private <T> KStream<String, T> accepted(KStream<String, Checked<T>> checked, String prefix) {
        Map<String, KStream<String, Checked<T>>> branches = checked.split(Named.as(prefix))
                .branch((k, v) -> v.isOk(), Branched.as("accepted"))
                .defaultBranch(Branched.as("refused"));
        branches.get(prefix + "refused")
                .map((k, v) -> {
                    vn.investpulse.observability.PulseMetrics.deadLettered("processor", topics.registrationsDlq().name());
                    return KeyValue.pair(DeadLetters.key(v.deadLetter()), v.deadLetter());
                }, Named.as(prefix + "dead-letter"))
                .to(topics.registrationsDlq().name(), Produced.with(Serdes.String(), serdes.valueSerde(topics.registrationsDlq()))
                        .withName(prefix + "dlq-sink"));
        return branches.get(prefix + "accepted").mapValues(Checked::value, Named.as(prefix + "value"));
    }

    private void addStores(StreamsBuilder builder) {
        // Every store is in memory, changelogged (restored from the changelog on start) — RocksDB cost a replay about 30 %
        // of its rate, and the Authority's whole register is a few megabytes. No record cache on the entries: each id is
        // new, so a cache would only make every lookup deeper.
        builder.addStateStore(uncached(StoreNames.PROJECT_ENTRIES, CompactSerdes.projectEntry()));
        // Daily facts, a value per series and month with its days inside: about ten reads and writes per event and a read
        // per emitted month, so objects, never bytes (see ObjectStore); not logged: they are rebuilt from the entries
        // whenever the task starts (see MonthFactsUpdater).
        builder.addStateStore(ObjectStore.builder(StoreNames.FACTS, MonthDays::copy));
        builder.addStateStore(uncached(StoreNames.WAITING_FOR_RATES,
                CompactSerdes.parkedRegistration(serdes.valueSerde(topics.registrations()), topics.registrations().name())));
        builder.addStateStore(store(StoreNames.FX_RATES, CompactSerdes.decimal()));
        builder.addStateStore(store(StoreNames.PLANS, CompactSerdes.plan()));
        builder.addStateStore(store(StoreNames.DIRTY_SERIES, CompactSerdes.dirtyMark()));
        builder.addStateStore(store(StoreNames.EMITTED, Serdes.String()));
    }

    /** An in-memory, changelogged key-value store on a hash map (read by key only), without a record cache. */
    private static <V> StoreBuilder<KeyValueStore<String, V>> uncached(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(HashBytesStore.supplier(name), Serdes.String(), valueSerde)
                .withCachingDisabled().withLoggingEnabled(Map.of());
    }

    /** An in-memory, changelogged, cached key-value store. */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), valueSerde)
                .withCachingEnabled().withLoggingEnabled(Map.of());
    }
}
